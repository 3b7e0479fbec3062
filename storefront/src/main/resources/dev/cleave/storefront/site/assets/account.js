// Signing in, registering and the account page. The forms send what was typed; the API decides
// what is valid and its problem details are shown beside the fields (ADR 13, decision 4).

import { Problem, send } from './api.js';
import { announce, h } from './dom.js';
import { authorized, currentUser, signIn } from './session.js';
import { formField, problemBox } from './views.js';

const LABELS = { name: 'Name', email: 'E-mail address', password: 'Password' };

/** Where a form sends the person after signing in: the page that asked for it, never another site. */
function nextOf(params) {
  const next = params.get('next');
  return next && /^\/(?!\/)[^\\\s]*$/.test(next) ? next : '/account';
}

function accountForm(kind, fields, submitLabel, problem, onSubmit) {
  const errors = problem ? problem.fieldErrors() : new Map();
  const form = h(
    'form',
    { class: `account-form ${kind}-form`, method: 'post', novalidate: true },
    problem ? problemBox(problem, { fieldLabels: LABELS }) : null,
    fields.map(([name, input, hint]) => formField(kind, name, LABELS[name], input, { messages: errors.get(name), hint })),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, submitLabel))
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    try {
      await onSubmit(Object.fromEntries(new FormData(form)));
    } catch (failure) {
      button.disabled = false;
      throw failure;
    }
  });
  return form;
}

function input(type, autocomplete, value = '') {
  return h('input', { type, autocomplete, value, required: true, spellcheck: 'false' });
}

export function signInView(params, { navigate, rerender }, problem = null, typed = {}) {
  const next = nextOf(params);
  const form = accountForm(
    'sign-in',
    [
      ['email', input('email', 'username', typed.email ?? '')],
      ['password', input('password', 'current-password')],
    ],
    'Sign in',
    problem,
    async ({ email, password }) => {
      try {
        await signIn(email, password);
        announce('Signed in');
        navigate(next, { replace: true });
      } catch (failure) {
        if (!(failure instanceof Problem)) {
          throw failure;
        }
        rerender(signInView(params, { navigate, rerender }, failure, { email }));
      }
    }
  );
  return {
    title: 'Sign in – Cleave shop',
    node: h(
      'section',
      { class: 'account sign-in' },
      h('h1', {}, 'Sign in'),
      form,
      h('p', {}, 'New here? ', h('a', { href: `/register?next=${encodeURIComponent(next)}` }, 'Create an account'))
    ),
  };
}

export function registerView(params, { navigate, rerender }, problem = null, typed = {}) {
  const next = nextOf(params);
  const form = accountForm(
    'register',
    [
      ['name', input('text', 'name', typed.name ?? '')],
      ['email', input('email', 'email', typed.email ?? '')],
      ['password', input('password', 'new-password'), 'A phrase of a few words makes a strong password.'],
    ],
    'Create the account',
    problem,
    async ({ name, email, password }) => {
      try {
        await send('POST', '/api/v1/users', { body: { name, email, password } });
        await signIn(email, password);
        announce('Account created; signed in');
        navigate(next, { replace: true });
      } catch (failure) {
        if (!(failure instanceof Problem)) {
          throw failure;
        }
        rerender(registerView(params, { navigate, rerender }, failure, { name, email }));
      }
    }
  );
  return {
    title: 'Create an account – Cleave shop',
    node: h(
      'section',
      { class: 'account register' },
      h('h1', {}, 'Create an account'),
      form,
      h('p', {}, 'Have an account? ', h('a', { href: `/sign-in?next=${encodeURIComponent(next)}` }, 'Sign in'))
    ),
  };
}

export async function accountView(params, { navigate, signal }) {
  if (!currentUser()) {
    navigate('/sign-in?next=/account', { replace: true });
    return null;
  }
  const me = await authorized('GET', '/api/v1/users/me', { signal });
  const since = new Date(me.createdAt).toLocaleDateString(undefined, { dateStyle: 'long' });
  return {
    title: 'Your account – Cleave shop',
    node: h(
      'section',
      { class: 'account profile' },
      h('h1', {}, 'Your account'),
      h(
        'dl',
        { class: 'facts' },
        h('dt', {}, 'Name'),
        h('dd', { class: 'profile-name' }, me.name),
        h('dt', {}, 'E-mail address'),
        h('dd', { class: 'profile-email' }, me.email),
        h('dt', {}, 'Customer since'),
        h('dd', {}, since),
        me.roles.includes('admin') ? [h('dt', {}, 'Role'), h('dd', {}, 'Administrator')] : null
      )
    ),
  };
}
