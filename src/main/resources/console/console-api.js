'use strict';
// The console's calls to the bundle. The session id travels only in the HttpOnly cookie the browser
// sends by itself (same origin); the CSRF token the sign-in answered lives in this variable only (not in
// storage, not in a URL) and goes with every changing call as X-CSRF-Token.
window.Console = window.Console || {};

Console.session = null; // {role, csrf_token, expires_at} while signed in

/** An error answer of the bundle, its JSON error object kept. */
class BundleError extends Error {
  constructor(status, error) {
    super(error && error.message ? error.message : 'HTTP ' + status);
    this.status = status;
    this.code = error && error.code ? error.code : 'http_' + status;
    this.field = error ? error.field : null;
  }
}
Console.BundleError = BundleError;

/**
 * One call. A 401 means the session has ended (expired, signed out elsewhere, bundle restarted):
 * the console goes back to sign-in with a message, whatever page asked.
 */
Console.call = async function (method, path, options) {
  const headers = { Accept: 'application/json' };
  if (method !== 'GET' && Console.session) headers['X-CSRF-Token'] = Console.session.csrf_token;
  if (options && options.key) headers['X-API-Key'] = options.key;
  let response;
  try {
    response = await fetch(path, { method, headers, credentials: 'same-origin', cache: 'no-store', redirect: 'error' });
  } catch (e) {
    throw new Error('network error (' + e.message + ')');
  }
  let body = null;
  const text = await response.text();
  if (text) {
    try { body = JSON.parse(text); } catch (e) { body = null; }
  }
  if (!response.ok) {
    const err = new BundleError(response.status, body && body.error);
    if (response.status === 401 && !(options && options.signingIn)) Console.sessionEnded(err);
    throw err;
  }
  return body;
};

Console.get = (path) => Console.call('GET', path);
Console.post = (path) => Console.call('POST', path);

Console.canChange = () => Console.session && Console.session.role === 'admin';

/** A query string from an object, leaving out empty values. */
Console.query = function (params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== '') q.set(k, v);
  const s = q.toString();
  return s ? '?' + s : '';
};
