// Validates Kubernetes objects against the Kubernetes API schemas compiled into the npm package kubernetes-models.
// Input (stdin): a JSON array of {"name": "...", "object": {...}}. Output (stdout): a JSON array of
// {"name": "...", "errors": ["..."]}, one per input, errors empty when the object is valid. Used by
// src/test/java/io/github/mcsync/deploy/KubernetesManifestsTest.java (install first: npm ci --prefix src/test/node).
const input = JSON.parse(await new Promise((resolve) => {
  let text = "";
  process.stdin.setEncoding("utf8");
  process.stdin.on("data", (chunk) => (text += chunk));
  process.stdin.on("end", () => resolve(text));
}));

async function modelOf(apiVersion, kind) {
  if (typeof apiVersion !== "string" || typeof kind !== "string") {
    throw new Error("apiVersion and kind must be strings");
  }
  // "v1" is the core group (kubernetes-models/v1), "apps/v1" kubernetes-models/apps/v1, ...
  const module = await import(`kubernetes-models/${apiVersion}/${kind}`);
  return module[kind];
}

const results = [];
for (const { name, object } of input) {
  const errors = [];
  try {
    const Model = await modelOf(object.apiVersion, object.kind);
    new Model(object).validate();
  } catch (e) {
    if (e && Array.isArray(e.errors)) {
      for (const err of e.errors) {
        errors.push(`${err.instancePath || "/"} ${err.message || err.keyword} ${JSON.stringify(err.params || {})}`);
      }
    } else {
      errors.push(String(e && e.message ? e.message : e));
    }
    if (errors.length === 0) {
      errors.push(String(e));
    }
  }
  results.push({ name, errors });
}
process.stdout.write(JSON.stringify(results));
