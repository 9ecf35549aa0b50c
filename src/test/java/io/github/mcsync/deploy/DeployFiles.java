package io.github.mcsync.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The files under deploy/ (every YAML document of them), the Dockerfile and application.properties, as data. */
final class DeployFiles {
    static final Path DEPLOY = Path.of("deploy");
    static final Path KUBERNETES = DEPLOY.resolve("kubernetes");
    static final Path CAMEL_K = DEPLOY.resolve("camel-k");
    static final Path APPLICATION_PROPERTIES = Path.of("src", "main", "resources", "application.properties");
    static final ObjectMapper YAML = new YAMLMapper();
    static final ObjectMapper JSON = new ObjectMapper();

    /** One YAML document of a file under deploy/. */
    record Manifest(Path file, int index, ObjectNode object) {
        String kind() {
            return object.path("kind").asText();
        }

        String name() {
            return object.path("metadata").path("name").asText();
        }

        @Override
        public String toString() {
            return file + "#" + index + " " + kind() + "/" + name();
        }
    }

    private DeployFiles() {
    }

    /** Every YAML document under deploy/, in file order. */
    static List<Manifest> all() {
        List<Manifest> manifests = new ArrayList<>();
        try (Stream<Path> files = Files.walk(DEPLOY)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().toList()) {
                int index = 0;
                try (var parser = new YAMLFactory().createParser(Files.readString(file))) {
                    for (var it = YAML.readValues(parser, JsonNode.class); it.hasNext(); ) {
                        JsonNode doc = it.next();
                        if (doc != null && doc.isObject()) {
                            manifests.add(new Manifest(file, index, (ObjectNode) doc));
                        }
                        index++;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return manifests;
    }

    static List<Manifest> under(Path dir) {
        return all().stream().filter(m -> m.file().startsWith(dir)).toList();
    }

    static Manifest find(String kind, String name) {
        return all().stream().filter(m -> m.kind().equals(kind) && m.name().equals(name)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no " + kind + "/" + name + " under deploy/"));
    }

    static Properties properties(String text) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** application.properties as Camel Main reads it (without resolving placeholders). */
    static Properties applicationProperties() throws IOException {
        return properties(Files.readString(APPLICATION_PROPERTIES));
    }

    private static final Pattern DOCUMENTED = Pattern.compile("^#?\\s*([a-z][a-z0-9-]*(\\.[a-z0-9-]+)+)\\s*=.*$");

    /**
     * Every property key that application.properties documents, set or as a commented example ({@code # key = value}),
     * by its environment variable name (moodle.url is MOODLE_URL).
     */
    static Map<String, String> documentedKeysByEnvName() throws IOException {
        Map<String, String> keys = new LinkedHashMap<>();
        for (String line : Files.readAllLines(APPLICATION_PROPERTIES)) {
            Matcher m = DOCUMENTED.matcher(line.strip());
            if (m.matches()) {
                keys.put(envName(m.group(1)), m.group(1));
            }
        }
        return keys;
    }

    static String envName(String key) {
        return key.toUpperCase().replace('.', '_').replace('-', '_');
    }

    /** The value of a Dockerfile instruction's last occurrence, e.g. WORKDIR, or null. */
    static List<String> dockerfile(String instruction) throws IOException {
        List<String> values = new ArrayList<>();
        StringBuilder logical = new StringBuilder();
        for (String line : Files.readAllLines(Path.of("Dockerfile"))) {
            if (line.strip().startsWith("#")) {
                continue;
            }
            logical.append(line.endsWith("\\") ? line.substring(0, line.length() - 1) + " " : line);
            if (!line.endsWith("\\")) {
                String l = logical.toString().strip();
                if (l.regionMatches(true, 0, instruction + " ", 0, instruction.length() + 1)) {
                    values.add(l.substring(instruction.length() + 1).strip());
                }
                logical.setLength(0);
            }
        }
        return values;
    }

    /** The pod template's first container of a Deployment or CronJob. */
    static JsonNode container(Manifest workload) {
        JsonNode pod = workload.kind().equals("CronJob") ? workload.object().at("/spec/jobTemplate/spec/template")
                : workload.object().at("/spec/template");
        return pod.at("/spec/containers/0");
    }

    static JsonNode podTemplate(Manifest workload) {
        return workload.kind().equals("CronJob") ? workload.object().at("/spec/jobTemplate/spec/template")
                : workload.object().at("/spec/template");
    }

    /**
     * The environment a workload's container gets: its envFrom ConfigMaps and Secrets (from deploy/, in order), then its
     * env entries (a fieldRef as "fieldRef:PATH").
     */
    static Map<String, String> environment(Manifest workload) {
        JsonNode c = container(workload);
        Map<String, String> env = new LinkedHashMap<>();
        for (JsonNode from : c.path("envFrom")) {
            if (from.has("configMapRef")) {
                find("ConfigMap", from.at("/configMapRef/name").asText()).object().path("data").properties()
                        .forEach(e -> env.put(e.getKey(), e.getValue().asText()));
            }
            if (from.has("secretRef")) {
                find("Secret", from.at("/secretRef/name").asText()).object().path("stringData").properties()
                        .forEach(e -> env.put(e.getKey(), e.getValue().asText()));
            }
        }
        for (JsonNode e : c.path("env")) {
            env.put(e.path("name").asText(), e.has("value") ? e.path("value").asText()
                    : "fieldRef:" + e.at("/valueFrom/fieldRef/fieldPath").asText());
        }
        return env;
    }

    /**
     * A property as the workload's container sees it: its environment variable, else application.properties (null when
     * neither sets it).
     */
    static String effective(Map<String, String> environment, String key) throws IOException {
        String v = environment.get(envName(key));
        return v != null ? v : applicationProperties().getProperty(key);
    }

    /** The container port a probe or Service names (a number or a port name of the container). */
    static int port(JsonNode container, JsonNode port) {
        if (port.isInt()) {
            return port.asInt();
        }
        for (JsonNode p : container.path("ports")) {
            if (p.path("name").asText().equals(port.asText())) {
                return p.path("containerPort").asInt();
            }
        }
        throw new NoSuchElementException("no container port named " + port);
    }

    /** deploy/camel-k/integration.yaml. */
    static Manifest integration() {
        return find("Integration", "moodle-coursesales-sync");
    }

    /** The name of the mounted ConfigMap or Secret ("configmap" or "secret"). */
    static String mountedName(String type) {
        for (JsonNode c : integration().object().at("/spec/traits/mount/configs")) {
            if (c.asText().startsWith(type + ":")) {
                return c.asText().substring(type.length() + 1);
            }
        }
        throw new AssertionError("no " + type + " in the mount trait");
    }

    /** The properties of the mounted ConfigMap's application.properties. */
    static Properties configuration() {
        return DeployFiles.properties(find("ConfigMap", mountedName("configmap")).object().at("/data/application.properties").asText());
    }

    /** The properties of the mounted Secret's secret.properties (the template's: values empty). */
    static Properties secretProperties() {
        return DeployFiles.properties(find("Secret", mountedName("secret")).object().at("/stringData/secret.properties").asText());
    }

}
