// Who is signed in (ADR 13, decision 5). The access token lives only in this module's memory; the
// refresh token is an HttpOnly cookie that no script can read, which POST /api/v1/auth/browser/refresh
// exchanges for a new access token (on start-up, shortly before the token expires, and once when
// the API refuses it). Refreshes are serialised across the shop's tabs with the Web Locks API:
// each refresh uses the cookie up, so two at once would look like a stolen token and end the session.

import { Problem, send } from './api.js';

const LOCK = 'cleave-session-refresh';
const EARLY_SECONDS = 60;

let accessToken = null;
let user = null;
let refreshing = null;
let timer = null;
const listeners = new Set();

/** Calls listener(user) whenever the signed-in user changes (null when signed out). */
export function onChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function currentUser() {
  return user;
}

function changed() {
  for (const listener of listeners) {
    listener(user);
  }
}

async function adopt(grant) {
  accessToken = grant.accessToken;
  clearTimeout(timer);
  timer = setTimeout(() => refresh().catch(() => {}), Math.max(5, grant.expiresIn - EARLY_SECONDS) * 1000);
  user = await send('GET', '/api/v1/users/me', { token: accessToken });
  changed();
}

function forget() {
  const had = user !== null || accessToken !== null;
  accessToken = null;
  user = null;
  clearTimeout(timer);
  if (had) {
    changed();
  }
}

export async function signIn(email, password) {
  await adopt(await send('POST', '/api/v1/auth/browser/login', { body: { email, password }, browser: true }));
}

/** A new access token from the session cookie; signed out when the API refuses the cookie. */
export function refresh() {
  if (!refreshing) {
    const run = async () => {
      try {
        await adopt(await send('POST', '/api/v1/auth/browser/refresh', { browser: true }));
      } catch (failure) {
        if (failure instanceof Problem && failure.status === 401) {
          forget();
        }
        throw failure;
      }
    };
    const locked = navigator.locks ? navigator.locks.request(LOCK, run) : run();
    refreshing = locked.finally(() => {
      refreshing = null;
    });
  }
  return refreshing;
}

/** On start-up: resumes the session the cookie holds, if any. Never throws. */
export async function restore() {
  try {
    await refresh();
  } catch {
    // No session (or the shop cannot be reached): the person is signed out.
  }
}

export async function signOut() {
  try {
    await send('POST', '/api/v1/auth/browser/logout', { browser: true });
  } finally {
    forget();
  }
}

/**
 * Sends a request as the signed-in person. A refused token (expired while the page slept) is
 * refreshed once and the request sent again; without a session it throws a 401 Problem.
 */
export async function authorized(method, path, options = {}) {
  if (!accessToken) {
    throw new Problem({ status: 401, title: 'Please sign in', detail: 'This page is for signed-in customers.' });
  }
  try {
    return await send(method, path, { ...options, token: accessToken });
  } catch (failure) {
    if (!(failure instanceof Problem) || failure.status !== 401) {
      throw failure;
    }
    await refresh();
    return send(method, path, { ...options, token: accessToken });
  }
}
