// The storefront's entry: a small router over the History API. Every shop URL is a real URL the
// server answers with the same page (/, /?q=..., /products/42), so reloading, bookmarking and the
// back button work; links inside the shop are followed without reloading the page.

import { catalogView } from './catalog.js';
import { productView } from './product.js';
import { messageView, notFoundView } from './views.js';
import { Problem } from './api.js';

const main = document.getElementById('main');

let current = null;
let controller = null;
let sequence = 0;

function viewFor(url, context) {
  if (url.pathname === '/') {
    return catalogView(url.searchParams, context);
  }
  const product = /^\/products\/([0-9]{1,18})$/.exec(url.pathname);
  if (product) {
    return productView(product[1], context);
  }
  return notFoundView();
}

/** Whether a URL is one of the shop's own pages, drawn here rather than loaded. */
function isShopUrl(url) {
  return url.origin === location.origin && (url.pathname === '/' || url.pathname.startsWith('/products/'));
}

export function navigate(target, { replace = false } = {}) {
  const url = new URL(target, location.href);
  if (replace) {
    history.replaceState(null, '', url);
  } else {
    history.pushState(null, '', url);
  }
  render({ moveFocus: true });
}

async function render({ moveFocus }) {
  const mine = ++sequence;
  controller?.abort();
  controller = new AbortController();
  current?.dispose?.();
  current = null;
  main.setAttribute('aria-busy', 'true');
  let view;
  try {
    view = await viewFor(new URL(location.href), { navigate, signal: controller.signal });
  } catch (failure) {
    if (failure?.name === 'AbortError') {
      return;
    }
    view = messageView(
      'Something went wrong',
      failure instanceof Problem
        ? failure
        : new Problem({ title: 'The page could not be drawn', detail: String(failure?.message ?? failure) })
    );
  }
  if (mine !== sequence) {
    view.dispose?.();
    return;
  }
  current = view;
  main.replaceChildren(view.node);
  main.removeAttribute('aria-busy');
  document.title = view.title;
  document.body.dataset.view = view.node.className || 'page';
  if (moveFocus) {
    const heading = main.querySelector('h1');
    heading?.setAttribute('tabindex', '-1');
    (heading ?? main).focus();
  }
}

document.addEventListener('click', (event) => {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
    return;
  }
  const link = event.target.closest('a[href]');
  if (!link || link.target || link.hasAttribute('download') || link.getAttribute('href').startsWith('#')) {
    return;
  }
  const url = new URL(link.href);
  if (isShopUrl(url)) {
    event.preventDefault();
    navigate(url);
  }
});

window.addEventListener('popstate', () => render({ moveFocus: true }));

render({ moveFocus: false });
