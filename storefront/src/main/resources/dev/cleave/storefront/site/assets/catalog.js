// The catalog: search with category, price and sort filters, results in pages. The URL holds the
// whole search (/?q=tea&category=kitchen&page=2), so a search can be bookmarked, shared and reloaded,
// and the browser's back button walks through earlier searches.

import { getJson, Problem } from './api.js';
import { h, announce } from './dom.js';
import { availability, count, money } from './format.js';
import { formField, pager, problemBox } from './views.js';

export const PAGE_SIZE = 12;

const FIELDS = ['q', 'category', 'minPrice', 'maxPrice', 'sort'];

const LABELS = {
  q: 'Search',
  category: 'Category',
  minPrice: 'Lowest price',
  maxPrice: 'Highest price',
  sort: 'Sort by',
  page: 'Page',
};

const SORTS = [
  ['', 'Best match, then name'],
  ['name', 'Name'],
  ['price_asc', 'Price: low to high'],
  ['price_desc', 'Price: high to low'],
  ['newest', 'Newest'],
];

let categories = null;

async function loadCategories(signal) {
  if (categories === null) {
    categories = await getJson('/api/v1/categories', { signal });
  }
  return categories;
}

/** The search the URL asks for: only the parameters the catalog knows, as typed. */
export function searchOf(params) {
  const search = new URLSearchParams();
  for (const name of [...FIELDS, 'page']) {
    const value = params.get(name);
    if (value !== null && value !== '') {
      search.set(name, value);
    }
  }
  return search;
}

function href(search, changes) {
  const next = new URLSearchParams(search);
  for (const [name, value] of Object.entries(changes)) {
    if (value === null || value === '') {
      next.delete(name);
    } else {
      next.set(name, String(value));
    }
  }
  const query = next.toString();
  return query ? `/?${query}` : '/';
}

function settle(promise) {
  return promise.catch((failure) => (failure instanceof Problem ? failure : Promise.reject(failure)));
}

export async function catalogView(params, { navigate, signal }) {
  const search = searchOf(params);
  const api = new URLSearchParams(search);
  api.set('size', String(PAGE_SIZE));
  const [known, result] = await Promise.all([
    settle(loadCategories(signal)),
    settle(getJson(`/api/v1/products?${api}`, { signal })),
  ]);
  const categoryList = known instanceof Problem ? [] : known;
  const problem = result instanceof Problem ? result : null;
  const query = search.get('q');
  const node = h(
    'section',
    { class: 'catalog' },
    h('h1', {}, query ? `Results for “${query}”` : 'Catalog'),
    searchForm(search, categoryList, problem, navigate),
    problem ? problemBox(problem, { fieldLabels: LABELS }) : results(search, result, categoryList)
  );
  if (problem) {
    announce(problem.title);
  } else {
    announce(result.totalItems === 0 ? 'No products match' : `${count(result.totalItems, 'product', 'products')} found`);
  }
  return { title: query ? `“${query}” – Cleave shop` : 'Catalog – Cleave shop', node };
}

function searchForm(search, known, problem, navigate) {
  const errors = problem ? problem.fieldErrors() : new Map();
  const field = (name, input) => formField('search', name, LABELS[name], input, { messages: errors.get(name) });
  const chosen = search.get('category');
  const category = h(
    'select',
    {},
    h('option', { value: '' }, 'All categories'),
    known.map((c) => h('option', { value: c.slug, selected: c.slug === chosen }, `${c.name} (${c.productCount})`))
  );
  if (chosen && !known.some((c) => c.slug === chosen)) {
    category.append(h('option', { value: chosen, selected: true }, chosen));
  }
  const sort = h(
    'select',
    {},
    SORTS.map(([value, label]) => h('option', { value, selected: value === (search.get('sort') ?? '') }, label))
  );
  const price = (name) =>
    h('input', { type: 'text', inputmode: 'decimal', autocomplete: 'off', size: 8, value: search.get(name) ?? '' });
  const form = h(
    'form',
    { class: 'search-form', role: 'search', action: '/', method: 'get', 'aria-label': 'Search the catalog' },
    field('q', h('input', { type: 'search', value: search.get('q') ?? '', autocomplete: 'off', maxlength: 200 })),
    field('category', category),
    h(
      'fieldset',
      { class: 'price-range' },
      h('legend', {}, 'Price'),
      field('minPrice', price('minPrice')),
      field('maxPrice', price('maxPrice'))
    ),
    field('sort', sort),
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'submit' }, 'Search'),
      h('a', { href: '/', class: 'reset' }, 'Clear the search')
    )
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const [name, value] of new FormData(form)) {
      const text = String(value).trim();
      if (text !== '') {
        next.set(name, text);
      }
    }
    navigate(next.toString() ? `/?${next}` : '/');
  });
  return form;
}

function results(search, page, known) {
  const names = new Map(known.map((c) => [c.slug, c.name]));
  if (page.totalItems === 0) {
    return h(
      'div',
      { class: 'results', 'data-total': 0 },
      h('p', { class: 'result-count' }, 'No products match this search.'),
      h('p', {}, 'Try fewer words, another category or a wider price range.')
    );
  }
  const first = (page.page - 1) * page.size + 1;
  const last = first + page.items.length - 1;
  return h(
    'div',
    { class: 'results', 'data-total': page.totalItems },
    h(
      'p',
      { class: 'result-count' },
      page.items.length
        ? `${count(page.totalItems, 'product', 'products')}, showing ${first}–${last}`
        : `${count(page.totalItems, 'product', 'products')}; this page is past the last one`
    ),
    h('ul', { class: 'products' }, page.items.map((product) => h('li', {}, card(product, names)))),
    resultPager(search, page)
  );
}

function card(product, names) {
  return h(
    'article',
    { class: 'product-card', 'data-product-id': product.id },
    h('h2', {}, h('a', { href: `/products/${product.id}` }, product.name)),
    h(
      'p',
      { class: 'price', 'data-amount': product.price.amount, 'data-currency': product.price.currency },
      money(product.price)
    ),
    h('p', { class: 'category', 'data-category': product.category }, names.get(product.category) ?? product.category),
    h(
      'p',
      { class: product.inStock ? 'stock in-stock' : 'stock out-of-stock' },
      product.inStock ? 'In stock' : availability(0)
    )
  );
}

function resultPager(search, page) {
  return pager({
    label: 'Result pages',
    page: page.page,
    pages: page.totalPages,
    hrefOf: (number) => href(search, { page: number === 1 ? null : number }),
  });
}
