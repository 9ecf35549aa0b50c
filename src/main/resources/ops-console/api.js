// The ops API (/api/...), called with the login the operator gave at sign-in. The login lives in this module
// only (memory of this tab): never in storage, a cookie or the URL. Requests carry no browser credentials
// (credentials: 'omit'), so the browser never caches the login and a cross-site page can never call the API in
// the operator's name; POSTs also carry a JSON content type and X-Requested-By, which the API asks of a POST.

let authorization = null;
let signedOut = () => {};

export class ApiError extends Error {
  constructor(status, message, retryAfter) {
    super(message);
    this.status = status;
    this.retryAfter = retryAfter;
  }
}

export function onSignedOut(callback) {
  signedOut = callback;
}

function basic(username, password) {
  const bytes = new TextEncoder().encode(`${username}:${password}`);
  let binary = '';
  bytes.forEach((b) => { binary += String.fromCharCode(b); });
  return `Basic ${btoa(binary)}`;
}

async function call(method, path, header = authorization) {
  const headers = { Accept: 'application/json', 'X-Requested-By': 'ops-console' };
  if (header) headers.Authorization = header;
  const init = { method, headers, credentials: 'omit', cache: 'no-store', redirect: 'error' };
  if (method === 'POST') {
    headers['Content-Type'] = 'application/json';
    init.body = '{}';
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (e) {
    throw new ApiError(0, 'The ops API did not answer: is the application running?');
  }
  let body = null;
  const text = await response.text();
  if (text) {
    try {
      body = JSON.parse(text);
    } catch (e) {
      body = null;
    }
  }
  if (!response.ok) {
    const message = body && typeof body.error === 'string' ? body.error : `HTTP ${response.status}`;
    throw new ApiError(response.status, message, response.headers.get('Retry-After'));
  }
  return body;
}

/** Tries the login on GET /api/status; keeps it only when the API takes it. Answers the status. */
export async function signIn(username, password) {
  const header = basic(username, password);
  const status = await call('GET', '/api/status', header);
  authorization = header;
  return status;
}

export function signOut() {
  authorization = null;
}

export function signedIn() {
  return authorization !== null;
}

async function authorised(method, path) {
  try {
    return await call(method, path);
  } catch (e) {
    if (e.status === 401) {
      authorization = null;
      signedOut('The ops API no longer takes this login (was the password changed?): sign in again.');
    }
    throw e;
  }
}

export const get = (path) => authorised('GET', path);
export const post = (path) => authorised('POST', path);

/** A query string from the parameters that have a value. */
export function query(params) {
  const q = new URLSearchParams();
  Object.entries(params).forEach(([k, v]) => {
    if (v !== undefined && v !== null && v !== '') q.set(k, v);
  });
  const s = q.toString();
  return s ? `?${s}` : '';
}
