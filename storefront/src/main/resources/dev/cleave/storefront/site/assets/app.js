// The storefront's entry: a small router over the History API. Every shop URL is a real URL the
// server answers with the same page (/, /?q=..., /products/42, /sign-in, ...), so reloading,
// bookmarking and the back button work; links inside the shop are followed without reloading.

import { accountView, registerView, signInView } from './account.js';
import { Problem } from './api.js';
import { adminOrdersView, adminProductsView, editProductView, isAdmin, newProductView } from './admin.js';
import { cartView, checkoutView } from './cart.js';
import { catalogView } from './catalog.js';
import { announce, h } from './dom.js';
import { orderView, ordersView } from './orders.js';
import { productView } from './product.js';
import { topologyView } from './topology.js';
import { currentUser, onChange, restore, signOut } from './session.js';
import { messageView, notFoundView } from './views.js';

/**
 * The shop's pages: an exact path, or a prefix ending in '/'. The storefront servlet's mappings
 * (web-fragment.xml) are the same list; SiteSourcesTest holds the two together.
 */
export const PAGES = ['/', '/products/', '/sign-in', '/register', '/account', '/cart', '/checkout', '/orders', '/orders/', '/admin/', '/topology'];

/** The pages only a signed-in person sees: signing out there leads to the sign-in page. */
const PRIVATE = /^\/(account|cart|checkout|orders|admin)(\/|$)/;

const main = document.getElementById('main');
const accountNav = document.getElementById('account-nav');

let current = null;
let controller = null;
let sequence = 0;

function viewFor(url, context) {
  switch (url.pathname) {
    case '/':
      return catalogView(url.searchParams, context);
    case '/sign-in':
      return signInView(url.searchParams, context);
    case '/register':
      return registerView(url.searchParams, context);
    case '/account':
      return accountView(url.searchParams, context);
    case '/cart':
      return cartView(url.searchParams, context);
    case '/checkout':
      return checkoutView(url.searchParams, context);
    case '/orders':
      return ordersView(url.searchParams, context);
    case '/admin/products':
      return adminProductsView(url.searchParams, context);
    case '/admin/products/new':
      return newProductView(url.searchParams, context);
    case '/admin/orders':
      return adminOrdersView(url.searchParams, context);
    case '/topology':
      return topologyView(url.searchParams, context);
    default: {
      const product = /^\/products\/([0-9]{1,18})$/.exec(url.pathname);
      if (product) {
        return productView(product[1], context);
      }
      const edited = /^\/admin\/products\/([0-9]{1,18})$/.exec(url.pathname);
      if (edited) {
        return editProductView(edited[1], context);
      }
      const order = /^\/orders\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i.exec(url.pathname);
      return order ? orderView(order[1], context) : notFoundView();
    }
  }
}

/** Whether a URL is one of the shop's own pages, drawn here rather than loaded. */
function isShopUrl(url) {
  return (
    url.origin === location.origin &&
    PAGES.some((page) => (page.endsWith('/') && page !== '/' ? url.pathname.startsWith(page) : url.pathname === page))
  );
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

/** Puts a view in the page: its node in main, its title, focus on its heading (or its alert). */
function show(view, { moveFocus }) {
  current?.dispose?.();
  current = view;
  main.replaceChildren(view.node);
  main.removeAttribute('aria-busy');
  document.title = view.title;
  if (moveFocus) {
    const target = main.querySelector('[role=alert]') ?? main.querySelector('h1') ?? main;
    target.setAttribute('tabindex', '-1');
    target.focus();
  }
}

async function render({ moveFocus }) {
  const mine = ++sequence;
  controller?.abort();
  controller = new AbortController();
  current?.dispose?.();
  current = null;
  main.setAttribute('aria-busy', 'true');
  const context = {
    navigate,
    signal: controller.signal,
    rerender: (view) => {
      if (mine === sequence) {
        show(view, { moveFocus: true });
      } else {
        view?.dispose?.();
      }
    },
  };
  let view;
  try {
    view = await viewFor(new URL(location.href), context);
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
  if (mine !== sequence || !view) {
    view?.dispose?.();
    return;
  }
  show(view, { moveFocus });
}

function drawAccountNav(user) {
  const items = user
    ? [
        h('li', {}, h('a', { href: '/cart', class: 'nav-cart' }, 'Cart')),
        h('li', {}, h('a', { href: '/orders', class: 'nav-orders' }, 'Orders')),
        isAdmin(user) ? h('li', {}, h('a', { href: '/admin/products', class: 'nav-admin' }, 'Admin')) : null,
        h('li', {}, h('a', { href: '/account', class: 'nav-account' }, user.name)),
        h(
          'li',
          {},
          h(
            'button',
            {
              type: 'button',
              class: 'nav-sign-out link-button',
              onClick: async () => {
                await signOut().catch(() => {});
                announce('Signed out');
                navigate('/');
              },
            },
            'Sign out'
          )
        ),
      ]
    : [
        h('li', {}, h('a', { href: '/sign-in', class: 'nav-sign-in' }, 'Sign in')),
        h('li', {}, h('a', { href: '/register', class: 'nav-register' }, 'Create an account')),
      ];
  accountNav.replaceChildren(...items.filter(Boolean));
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

onChange((user) => {
  drawAccountNav(user);
  if (!user && PRIVATE.test(location.pathname)) {
    navigate(`/sign-in?next=${location.pathname}`, { replace: true });
  }
});

main.setAttribute('aria-busy', 'true');
restore().finally(() => {
  drawAccountNav(currentUser());
  document.body.dataset.session = 'ready';
  render({ moveFocus: false });
});
