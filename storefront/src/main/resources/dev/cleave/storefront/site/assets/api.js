// The storefront's one way to the public API: same origin, JSON in and out, and every failure turned
// into a Problem carrying the API's RFC 9457 problem details (or an equivalent the page can show when
// the answer is not one, such as a network failure).

const ACCEPT = 'application/json, application/problem+json';

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

/** GETs a path of the API and returns its JSON, or throws a Problem. */
export async function getJson(path, { signal } = {}) {
  let response;
  try {
    response = await fetch(path, {
      headers: { Accept: ACCEPT },
      credentials: 'same-origin',
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
  return response.json();
}
