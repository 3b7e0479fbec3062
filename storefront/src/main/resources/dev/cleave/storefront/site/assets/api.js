// The storefront's one way to the public API: same origin, JSON in and out, and every failure turned
// into a Problem carrying the API's RFC 9457 problem details (or an equivalent the page can show when
// the answer is not one, such as a network failure). Who is signed in is session.js's business: it
// hands a token to send() when a call needs one.

const ACCEPT = 'application/json, application/problem+json';

/** The header only the shop's own scripts send with browser-session requests (ADR 13). */
export const BROWSER_HEADER = 'X-Cleave-Browser';

export class Problem extends Error {
  constructor({ type, title, status, detail, requestId, errors } = {}) {
    super(title || 'The request failed');
    this.type = type || 'about:blank';
    this.title = title || 'The request failed';
    this.status = status ?? 0;
    this.detail = detail || '';
    this.requestId = requestId || '';
    this.errors = Array.isArray(errors) ? errors : [];
  }

  /** The field errors of a 400, by field name (the query parameter or JSON property). */
  fieldErrors() {
    const byField = new Map();
    for (const { field, message } of this.errors) {
      byField.set(field, [...(byField.get(field) ?? []), message]);
    }
    return byField;
  }
}

async function problemOf(response) {
  const type = response.headers.get('Content-Type') ?? '';
  if (type.startsWith('application/problem+json')) {
    try {
      return new Problem(await response.json());
    } catch {
      // An unreadable problem document: fall through to the status alone.
    }
  }
  return new Problem({
    status: response.status,
    title: `The shop could not answer (HTTP ${response.status})`,
    detail: 'Try again in a moment.',
  });
}

/**
 * Sends one request and returns the answer's JSON (null for a 204), or throws a Problem.
 * Options: body (sent as JSON), token (an access token for Authorization), browser (adds the
 * browser-session header), headers (more request headers, such as Idempotency-Key), signal (an
 * AbortSignal).
 */
export async function send(method, path, { body, token, browser, headers: extra, signal } = {}) {
  const headers = { ...extra, Accept: ACCEPT };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  if (token) {
    headers.Authorization = `Bearer ${token}`;
  }
  if (browser) {
    headers[BROWSER_HEADER] = '1';
  }
  let response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      cache: 'no-store',
      signal,
    });
  } catch (error) {
    if (error.name === 'AbortError') {
      throw error;
    }
    throw new Problem({
      title: 'The shop cannot be reached',
      detail: 'Check your connection and try again.',
    });
  }
  if (!response.ok) {
    throw await problemOf(response);
  }
  return response.status === 204 ? null : response.json();
}

/** GETs a public path of the API and returns its JSON, or throws a Problem. */
export function getJson(path, { signal } = {}) {
  return send('GET', path, { signal });
}
