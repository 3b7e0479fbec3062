// A product's page, with its availability kept live: the page asks the API again every few seconds
// while it is visible (the product answer is never cached: Cache-Control no-cache) and says a change
// to screen readers.

import { getJson, Problem } from './api.js';
import { buyBox } from './cart.js';
import { announce, h } from './dom.js';
import { availability, money } from './format.js';
import { messageView } from './views.js';

export const REFRESH_MILLIS = 2000;

export async function productView(id, { signal }) {
  let product;
  try {
    product = await getJson(`/api/v1/products/${id}`, { signal });
  } catch (failure) {
    if (failure instanceof Problem) {
      return messageView(failure.status === 404 ? 'Product not found' : 'The product cannot be shown', failure);
    }
    throw failure;
  }
  const stock = h(
    'p',
    { class: stockClass(product.available), id: 'availability', 'data-available': product.available },
    availability(product.available)
  );
  const freshness = h('p', { class: 'freshness', id: 'availability-freshness' }, '');
  const node = h(
    'article',
    { class: 'product', 'data-product-id': product.id },
    h(
      'nav',
      { class: 'breadcrumbs', 'aria-label': 'Breadcrumbs' },
      h(
        'ol',
        {},
        h('li', {}, h('a', { href: '/' }, 'Catalog')),
        h('li', {}, h('a', { href: `/?category=${encodeURIComponent(product.category.slug)}` }, product.category.name)),
        h('li', {}, h('span', { 'aria-current': 'page' }, product.name))
      )
    ),
    h('h1', {}, product.name),
    h(
      'p',
      { class: 'price', 'data-amount': product.price.amount, 'data-currency': product.price.currency },
      money(product.price)
    ),
    h('div', { class: 'availability', 'aria-live': 'polite' }, stock),
    freshness,
    product.available > 0 ? buyBox(product) : null,
    h('div', { class: 'description' }, product.description.split(/\n{2,}/).map((paragraph) => h('p', {}, paragraph))),
    h('dl', { class: 'facts' }, h('dt', {}, 'SKU'), h('dd', {}, product.sku))
  );
  const timer = setInterval(() => refresh(id, stock, freshness), REFRESH_MILLIS);
  return { title: `${product.name} – Cleave shop`, node, dispose: () => clearInterval(timer) };
}

function stockClass(units) {
  return units > 0 ? 'stock in-stock' : 'stock out-of-stock';
}

async function refresh(id, stock, freshness) {
  if (document.hidden) {
    return;
  }
  try {
    const product = await getJson(`/api/v1/products/${id}`);
    freshness.textContent = '';
    if (String(product.available) !== stock.dataset.available) {
      stock.dataset.available = product.available;
      stock.className = stockClass(product.available);
      stock.textContent = availability(product.available);
      announce(`Availability changed: ${stock.textContent}`);
    }
  } catch (failure) {
    freshness.textContent =
      failure instanceof Problem && failure.status === 404
        ? 'This product is no longer on sale.'
        : 'Availability could not be refreshed; retrying.';
  }
}
