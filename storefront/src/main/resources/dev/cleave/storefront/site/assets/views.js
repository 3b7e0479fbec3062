// Pieces every view uses: the problem box that shows the API's problem details to the person, and
// the page for a URL the shop does not have.

import { h } from './dom.js';

/**
 * A problem, as a person reads it: its title, its detail, each invalid field's message, and the
 * request id to quote. role="alert", so a screen reader says it as soon as it appears.
 */
export function problemBox(problem, { fieldLabels = {} } = {}) {
  const fieldErrors = [...problem.fieldErrors()];
  return h(
    'div',
    { class: 'problem', role: 'alert', 'data-problem-type': problem.type, 'data-status': problem.status },
    h('h2', { class: 'problem-title' }, problem.title),
    problem.detail ? h('p', { class: 'problem-detail' }, problem.detail) : null,
    fieldErrors.length
      ? h(
          'ul',
          { class: 'problem-fields' },
          fieldErrors.map(([field, messages]) =>
            h('li', {}, h('strong', {}, fieldLabels[field] ?? field), ': ', messages.join('; '))
          )
        )
      : null,
    problem.requestId ? h('p', { class: 'problem-request' }, `Request id: ${problem.requestId}`) : null
  );
}

/**
 * A labelled form field: the input gets its id and name, and the API's messages for it (if any)
 * appear under it, linked by aria-describedby and marked aria-invalid; a hint is linked the same way.
 */
export function formField(form, name, label, input, { messages, hint } = {}) {
  // A nested field's name (card.number) gives the id checkout-card-number.
  const id = `${form}-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;
  input.id = id;
  input.name = name;
  const described = [];
  if (hint) {
    described.push(`${id}-hint`);
  }
  if (messages) {
    described.push(`${id}-error`);
    input.setAttribute('aria-invalid', 'true');
  }
  if (described.length) {
    input.setAttribute('aria-describedby', described.join(' '));
  }
  return h(
    'div',
    { class: `field field-${name.replace(/[^A-Za-z0-9_-]/g, '-')}` },
    h('label', { for: id }, label),
    hint ? h('p', { class: 'field-hint', id: `${id}-hint` }, hint) : null,
    input,
    messages ? h('p', { class: 'field-error', id: `${id}-error` }, messages.join('; ')) : null
  );
}

/**
 * A table of figures in a box that scrolls sideways on a narrow screen: its caption (for screen
 * readers only unless shown), one heading per column ({ label, money: right-aligned, hidden: the
 * label for screen readers only }), the body rows and an optional footer row.
 */
export function dataTable({ caption, showCaption = false, columns, rows, footer = null, className = '' }) {
  return h(
    'div',
    { class: 'table-scroll' },
    h(
      'table',
      { class: `lines ${className}`.trim() },
      h('caption', { class: showCaption ? null : 'visually-hidden' }, caption),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          columns.map((column) =>
            h(
              'th',
              { scope: 'col', class: column.money ? 'money' : null },
              column.hidden ? h('span', { class: 'visually-hidden' }, column.label) : column.label
            )
          )
        )
      ),
      h('tbody', {}, rows),
      footer ? h('tfoot', {}, footer) : null
    )
  );
}

/** Links to the pages before and after "Page n of m" (nothing for one page); hrefOf(n) is page n. */
export function pager({ label, page, pages, hrefOf, previous = 'Previous page', next = 'Next page' }) {
  if (pages <= 1) {
    return null;
  }
  return h(
    'nav',
    { class: 'pager', 'aria-label': label },
    page > 1 ? h('a', { href: hrefOf(Math.min(page - 1, pages)), rel: 'prev', class: 'pager-prev' }, previous) : null,
    h('span', { class: 'pager-position' }, `Page ${page} of ${pages}`),
    page < pages ? h('a', { href: hrefOf(page + 1), rel: 'next', class: 'pager-next' }, next) : null
  );
}

/** The view for a storefront URL that names nothing, or for a problem that leaves nothing to show. */
export function messageView(title, problem) {
  return {
    title,
    node: h(
      'section',
      { class: 'message' },
      h('h1', {}, title),
      problem ? problemBox(problem) : null,
      h('p', {}, h('a', { href: '/' }, 'Back to the catalog'))
    ),
  };
}

export function notFoundView() {
  return messageView('Page not found');
}
