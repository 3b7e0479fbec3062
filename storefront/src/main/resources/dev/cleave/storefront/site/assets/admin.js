// The shop staff's pages: the products (find, create, change, count the stock, take off sale) and
// every customer's orders. The page shows them to administrators only; the API decides in any
// case (every call here needs the admin role, and its 403 problem is what anyone else would see).

import { getJson, Problem } from './api.js';
import { announce, h } from './dom.js';
import { availability, count, money } from './format.js';
import { authorized, currentUser } from './session.js';
import { dataTable, formField, messageView, pager, problemBox } from './views.js';

export const PAGE_SIZE = 20;

const LABELS = {
  sku: 'SKU',
  name: 'Name',
  description: 'Description',
  category: 'Category',
  price: 'Price',
  currency: 'Currency',
  onHand: 'Units on hand',
  status: 'Status',
  page: 'Page',
  q: 'Search',
};

const STATUSES = [
  'PLACED',
  'STOCK_RESERVED',
  'PAYMENT_AUTHORIZED',
  'CONFIRMED',
  'REJECTED',
  'PAYMENT_DECLINED',
  'FAILED',
  'CANCELLING',
  'CANCELLED',
];

export function isAdmin(user = currentUser()) {
  return !!user && user.roles.includes('admin');
}

/** Signed out: to the sign-in page and back; signed in without the role: the API's own refusal. */
function refuse(navigate, here) {
  if (!currentUser()) {
    navigate(`/sign-in?next=${here}`, { replace: true });
    return null;
  }
  return {
    title: 'For administrators only – Cleave shop',
    node: h(
      'section',
      { class: 'message admin-only' },
      h('h1', {}, 'For administrators only'),
      h('p', {}, 'These pages are for the shop’s administrators; your account does not have that role.'),
      h('p', {}, h('a', { href: '/' }, 'Back to the catalog'))
    ),
  };
}

/** A typed decimal or whole number as a number; anything else as typed, for the API to refuse. */
function numeric(text) {
  const trimmed = text.trim();
  return /^-?[0-9]{1,12}(\.[0-9]{1,4})?$/.test(trimmed) ? Number(trimmed) : trimmed;
}

function adminNav(current) {
  return h(
    'nav',
    { class: 'admin-nav', 'aria-label': 'Administration' },
    h(
      'ul',
      {},
      [
        ['/admin/products', 'Products'],
        ['/admin/products/new', 'New product'],
        ['/admin/orders', 'Orders'],
        ['/topology', 'Topology'],
      ].map(([href, label]) =>
        h('li', {}, h('a', { href, 'aria-current': href === current ? 'page' : null }, label))
      )
    )
  );
}

export async function adminProductsView(params, { navigate, signal }) {
  if (!isAdmin()) {
    return refuse(navigate, '/admin/products');
  }
  const search = new URLSearchParams({ size: String(PAGE_SIZE), sort: 'newest' });
  for (const name of ['q', 'page']) {
    if (params.get(name)) {
      search.set(name, params.get(name));
    }
  }
  let result;
  let problem = null;
  try {
    result = await getJson(`/api/v1/products?${search}`, { signal });
  } catch (failure) {
    if (!(failure instanceof Problem) || failure.status !== 400) {
      throw failure;
    }
    problem = failure;
  }
  const query = h('input', { type: 'search', value: params.get('q') ?? '', spellcheck: 'false' });
  const form = h(
    'form',
    { class: 'admin-search', method: 'get', action: '/admin/products', role: 'search' },
    formField('admin-products', 'q', 'Find products', query),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Find'))
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    navigate(query.value.trim() ? `/admin/products?q=${encodeURIComponent(query.value.trim())}` : '/admin/products');
  });
  const page = Number(params.get('page') ?? '1');
  const pageHref = (n) => {
    const next = new URLSearchParams(params);
    next.set('page', String(n));
    return `/admin/products?${next}`;
  };
  const node = h(
    'section',
    { class: 'admin admin-products' },
    adminNav('/admin/products'),
    h('h1', {}, 'Products'),
    form,
    problem ? problemBox(problem, { fieldLabels: LABELS }) : null,
    result
      ? [
          h('p', { class: 'result-count' }, count(result.totalItems, 'product on sale', 'products on sale')),
          dataTable({
            caption: 'Products on sale, newest first',
            className: 'admin-table',
            columns: [{ label: 'SKU' }, { label: 'Name' }, { label: 'Category' }, { label: 'Price', money: true }, { label: 'Stock' }],
            rows: result.items.map((product) =>
              h(
                'tr',
                { class: 'admin-product', 'data-product-id': product.id },
                h('td', {}, h('code', {}, product.sku)),
                h('th', { scope: 'row' }, h('a', { href: `/admin/products/${product.id}` }, product.name)),
                h('td', {}, product.category),
                h('td', { class: 'money' }, money(product.price)),
                h('td', { class: product.inStock ? 'in-stock' : 'out-of-stock' }, product.inStock ? 'In stock' : 'Out of stock')
              )
            ),
          }),
          pager({ label: 'Pages of products', page, pages: result.totalPages, hrefOf: pageHref }),
        ]
      : null
  );
  return { title: 'Products – Cleave admin', node };
}

async function categoriesOf(signal) {
  return getJson('/api/v1/categories', { signal });
}

function productForm(kind, categories, typed, problem, onSubmit) {
  const errors = problem ? problem.fieldErrors() : new Map();
  const field = (name, input, hint) =>
    formField(`product-${kind}`, name, LABELS[name], input, { messages: errors.get(name), hint });
  const text = (value, more = {}) => h('input', { type: 'text', value: value ?? '', spellcheck: 'false', ...more });
  const category = h(
    'select',
    {},
    categories.map((option) => h('option', { value: option.slug, selected: option.slug === typed.category }, option.name))
  );
  const form = h(
    'form',
    { class: `product-form product-${kind}-form`, method: 'post', novalidate: true },
    problem ? problemBox(problem, { fieldLabels: LABELS }) : null,
    field('sku', text(typed.sku, kind === 'edit' ? { readonly: true } : {}), kind === 'edit' ? 'A product keeps its SKU.' : 'Upper-case letters, digits and dashes.'),
    field('name', text(typed.name)),
    field('description', h('textarea', { rows: 5 }, typed.description ?? '')),
    field('category', category),
    h(
      'div',
      { class: 'field-row' },
      field('price', text(typed.price, { inputmode: 'decimal' }), 'Such as 12.50'),
      field('currency', text(typed.currency ?? 'EUR', { maxlength: 3, class: 'short' }), 'ISO 4217, such as EUR')
    ),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, kind === 'edit' ? 'Save the product' : 'Create the product'))
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    form.querySelector('button[type=submit]').disabled = true;
    const values = Object.fromEntries(new FormData(form));
    await onSubmit({
      sku: values.sku.trim(),
      name: values.name.trim(),
      description: values.description,
      category: values.category,
      price: numeric(values.price),
      currency: values.currency.trim().toUpperCase(),
    }, values);
  });
  return form;
}

export async function newProductView(params, context, problem = null, typed = {}) {
  if (!isAdmin()) {
    return refuse(context.navigate, '/admin/products/new');
  }
  const categories = await categoriesOf(context.signal);
  const form = productForm('new', categories, typed, problem, async (request, values) => {
    try {
      const created = await authorized('POST', '/api/v1/products', { body: request });
      announce(`Created ${created.name}`);
      context.navigate(`/admin/products/${created.id}`, { replace: true });
    } catch (failure) {
      if (!(failure instanceof Problem)) {
        throw failure;
      }
      context.rerender(await newProductView(params, context, failure, values));
    }
  });
  return {
    title: 'New product – Cleave admin',
    node: h('section', { class: 'admin admin-new-product' }, adminNav('/admin/products/new'), h('h1', {}, 'New product'), form),
  };
}

/**
 * A product's admin page. state: what the last action left to show (saved: what was saved, or the problem
 * of the details form, the stock count or taking it off sale, with what was typed in the form).
 */
export async function editProductView(id, context, state = {}) {
  if (!isAdmin()) {
    return refuse(context.navigate, `/admin/products/${id}`);
  }
  let product;
  try {
    product = await getJson(`/api/v1/products/${id}`, { signal: context.signal });
  } catch (failure) {
    if (failure instanceof Problem && failure.status === 404) {
      return messageView('Product not found', failure);
    }
    throw failure;
  }
  const categories = await categoriesOf(context.signal);
  const again = (next) => editProductView(id, context, next);
  const form = productForm(
    'edit',
    categories,
    state.typed ?? {
      sku: product.sku,
      name: product.name,
      description: product.description,
      category: product.category.slug,
      price: Number(product.price.amount).toFixed(2),
      currency: product.price.currency,
    },
    state.product,
    async (request, values) => {
      try {
        await authorized('PUT', `/api/v1/products/${id}`, { body: request });
        announce('Details saved');
        context.rerender(await again({ saved: 'Details saved.' }));
      } catch (failure) {
        if (!(failure instanceof Problem)) {
          throw failure;
        }
        context.rerender(await again({ product: failure, typed: values }));
      }
    }
  );
  const onHand = h('input', { type: 'text', inputmode: 'numeric', value: '', class: 'short' });
  const stock = h(
    'form',
    { class: 'stock-form', novalidate: true },
    state.stock ? problemBox(state.stock, { fieldLabels: LABELS }) : null,
    h('p', { class: 'stock-now', 'data-available': product.available }, `Available to order now: ${availability(product.available)}`),
    formField('stock', 'onHand', 'Units on hand after a count', onHand, {
      messages: state.stock?.fieldErrors().get('onHand'),
      hint: 'Units reserved by orders being placed are not available, whatever is counted.',
    }),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Set the stock'))
  );
  stock.addEventListener('submit', async (event) => {
    event.preventDefault();
    stock.querySelector('button').disabled = true;
    try {
      const counted = await authorized('PUT', `/api/v1/products/${id}/stock`, { body: { onHand: numeric(onHand.value) } });
      announce(`Stock set: ${availability(counted.available)}`);
      context.rerender(await again({ saved: `Stock set: ${availability(counted.available)}.` }));
    } catch (failure) {
      if (!(failure instanceof Problem)) {
        throw failure;
      }
      context.rerender(await again({ stock: failure }));
    }
  });
  const deactivate = h(
    'button',
    {
      type: 'button',
      class: 'secondary danger deactivate',
      onClick: async (event) => {
        event.currentTarget.disabled = true;
        try {
          await authorized('DELETE', `/api/v1/products/${id}`);
          announce(`${product.name} is off sale`);
          context.navigate('/admin/products', { replace: true });
        } catch (failure) {
          if (!(failure instanceof Problem)) {
            throw failure;
          }
          context.rerender(await again({ deactivate: failure }));
        }
      },
    },
    'Take off sale'
  );
  const node = h(
    'section',
    { class: 'admin admin-edit-product', 'data-product-id': product.id },
    adminNav(null),
    h('h1', {}, product.name),
    state.saved ? h('p', { class: 'saved', role: 'status' }, state.saved) : null,
    h('p', {}, h('a', { href: `/products/${product.id}` }, 'See it in the shop')),
    h('h2', {}, 'Details'),
    form,
    h('h2', {}, 'Stock'),
    stock,
    h('h2', {}, 'Sale'),
    state.deactivate ? problemBox(state.deactivate) : null,
    h('p', {}, 'A product taken off sale leaves the catalog; orders keep their lines.'),
    h('div', { class: 'actions' }, deactivate)
  );
  return { title: `${product.name} – Cleave admin`, node };
}

export async function adminOrdersView(params, { navigate, signal }) {
  if (!isAdmin()) {
    return refuse(navigate, '/admin/orders');
  }
  const search = new URLSearchParams({ size: String(PAGE_SIZE) });
  for (const name of ['status', 'page']) {
    if (params.get(name)) {
      search.set(name, params.get(name));
    }
  }
  let result = null;
  let problem = null;
  try {
    result = await authorized('GET', `/api/v1/admin/orders?${search}`, { signal });
  } catch (failure) {
    if (!(failure instanceof Problem) || failure.status === 401) {
      throw failure;
    }
    problem = failure;
  }
  const status = h(
    'select',
    {},
    h('option', { value: '' }, 'Any status'),
    STATUSES.map((name) => h('option', { value: name, selected: name === params.get('status') }, name))
  );
  const filter = h(
    'form',
    { class: 'admin-search', method: 'get', action: '/admin/orders' },
    formField('admin-orders', 'status', 'Status', status),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Show'))
  );
  filter.addEventListener('submit', (event) => {
    event.preventDefault();
    navigate(status.value ? `/admin/orders?status=${encodeURIComponent(status.value)}` : '/admin/orders');
  });
  const page = Number(params.get('page') ?? '1');
  const pageHref = (n) => {
    const next = new URLSearchParams(params);
    next.set('page', String(n));
    return `/admin/orders?${next}`;
  };
  const node = h(
    'section',
    { class: 'admin admin-orders' },
    adminNav('/admin/orders'),
    h('h1', {}, 'All orders'),
    filter,
    problem ? problemBox(problem, { fieldLabels: LABELS }) : null,
    result
      ? [
          h('p', { class: 'result-count' }, count(result.totalItems, 'order', 'orders')),
          dataTable({
            caption: 'Orders, newest first',
            className: 'admin-table',
            columns: [{ label: 'Order' }, { label: 'Customer' }, { label: 'Placed' }, { label: 'Status' }, { label: 'Total', money: true }],
            rows: result.items.map((order) =>
              h(
                'tr',
                { class: 'admin-order', 'data-order-id': order.id, 'data-status': order.status },
                h('th', { scope: 'row' }, h('a', { href: `/orders/${order.id}` }, order.id.slice(0, 8).toUpperCase())),
                h('td', {}, h('code', {}, order.customerId.slice(0, 8))),
                h('td', {}, new Date(order.placedAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })),
                h('td', {}, order.status),
                h('td', { class: 'money' }, money(order.total))
              )
            ),
          }),
          pager({ label: 'Pages of orders', page, pages: result.totalPages, hrefOf: pageHref, previous: 'Newer', next: 'Older' }),
        ]
      : null
  );
  return { title: 'All orders – Cleave admin', node };
}
