// The person's orders: the history in pages, and one order's page, which follows its checkout saga
// (asking again every two seconds while the order is not settled: a slow card's payment, a refund)
// and offers to cancel a confirmed order.

import { Problem } from './api.js';
import { announce, h } from './dom.js';
import { count, money } from './format.js';
import { authorized, currentUser } from './session.js';
import { dataTable, messageView, pager, problemBox } from './views.js';

export const REFRESH_MILLIS = 2000;
export const PAGE_SIZE = 10;

/** What each status means to the person who placed the order. */
const STATUS = {
  PLACED: ['Being placed', 'We are reserving the products. This page updates by itself.', 'pending'],
  STOCK_RESERVED: ['Being placed', 'The products are reserved; the payment is being made. This page updates by itself.', 'pending'],
  PAYMENT_AUTHORIZED: ['Being placed', 'The payment is authorized; the order is being confirmed. This page updates by itself.', 'pending'],
  CONFIRMED: ['Confirmed', 'Thank you: the order is confirmed and the card was charged.', 'good'],
  REJECTED: ['Not placed', 'Some products are not available in the quantities ordered. Nothing was charged.', 'bad'],
  PAYMENT_DECLINED: ['Payment declined', 'The card was declined. Nothing was charged: try again with another card.', 'bad'],
  FAILED: ['Not placed', 'The order could not be completed. Nothing was charged.', 'bad'],
  CANCELLING: ['Being cancelled', 'The order is being cancelled and the payment refunded. This page updates by itself.', 'pending'],
  CANCELLED: ['Cancelled', 'The order is cancelled, the payment refunded and the products back in stock.', 'muted'],
};

const SETTLED = new Set(['CONFIRMED', 'REJECTED', 'PAYMENT_DECLINED', 'FAILED', 'CANCELLED']);

function statusOf(status) {
  return STATUS[status] ?? [status, '', 'muted'];
}

function when(instant) {
  return new Date(instant).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

function badge(status) {
  const [label, , tone] = statusOf(status);
  return h('span', { class: `status status-${tone}`, 'data-status': status }, label);
}

const BRANDS = { VISA: 'Visa', MASTERCARD: 'Mastercard', AMEX: 'American Express', DISCOVER: 'Discover' };

function shortId(id) {
  return id.slice(0, 8).toUpperCase();
}

export async function ordersView(params, { navigate, signal }) {
  if (!currentUser()) {
    navigate('/sign-in?next=/orders', { replace: true });
    return null;
  }
  const page = params.get('page') ?? '1';
  let result;
  try {
    result = await authorized('GET', `/api/v1/orders?size=${PAGE_SIZE}&page=${encodeURIComponent(page)}`, { signal });
  } catch (failure) {
    if (failure instanceof Problem && failure.status === 400) {
      return messageView('Your orders', failure);
    }
    throw failure;
  }
  const number = Number(page);
  const node = h(
    'section',
    { class: 'orders' },
    h('h1', {}, 'Your orders'),
    result.items.length === 0
      ? h('p', { class: 'empty' }, number > 1 ? 'No orders on this page. ' : 'No orders yet. ', h('a', { href: '/' }, 'Browse the catalog'))
      : [
          h('p', { class: 'result-count' }, count(result.totalItems, 'order', 'orders')),
          h(
            'ol',
            { class: 'order-list' },
            result.items.map((order) =>
              h(
                'li',
                { class: 'order-row', 'data-order-id': order.id },
                h('a', { href: `/orders/${order.id}` }, `Order ${shortId(order.id)}`),
                h('span', { class: 'placed' }, when(order.placedAt)),
                badge(order.status),
                h('span', { class: 'money' }, money(order.total))
              )
            )
          ),
          pager({
            label: 'Pages of orders',
            page: number,
            pages: result.totalPages,
            hrefOf: (n) => `/orders?page=${n}`,
            previous: 'Newer orders',
            next: 'Older orders',
          }),
        ]
  );
  return { title: 'Your orders – Cleave shop', node };
}

export async function orderView(id, { navigate, signal, rerender }) {
  if (!currentUser()) {
    navigate(`/sign-in?next=/orders/${id}`, { replace: true });
    return null;
  }
  let order;
  try {
    order = await authorized('GET', `/api/v1/orders/${id}`, { signal });
  } catch (failure) {
    if (failure instanceof Problem && failure.status === 404) {
      return messageView('Order not found', failure);
    }
    throw failure;
  }
  return followed(order, { navigate, rerender });
}

/**
 * An order's page that follows the order while it is not settled: when its status changes, the
 * page is drawn again (and says so to screen readers).
 */
function followed(order, context) {
  const page = orderPage(order, null, context);
  let timer = null;
  let stopped = false;
  const follow = async () => {
    if (stopped) {
      return;
    }
    try {
      const now = await authorized('GET', `/api/v1/orders/${order.id}`);
      if (stopped) {
        return;
      }
      if (now.status !== order.status) {
        announce(`Order ${statusOf(now.status)[0].toLowerCase()}`);
        context.rerender(followed(now, context));
        return;
      }
      page.freshness.textContent = '';
    } catch {
      page.freshness.textContent = 'The order could not be refreshed; retrying.';
    }
    timer = setTimeout(follow, REFRESH_MILLIS);
  };
  if (!SETTLED.has(order.status)) {
    timer = setTimeout(follow, REFRESH_MILLIS);
  }
  return {
    ...page.view,
    dispose: () => {
      stopped = true;
      clearTimeout(timer);
    },
  };
}

function orderPage(order, problem, context) {
  const [label, explanation, tone] = statusOf(order.status);
  const freshness = h('p', { class: 'freshness' }, '');
  const cancel =
    order.status === 'CONFIRMED'
      ? h(
          'button',
          {
            type: 'button',
            class: 'cancel-order secondary',
            onClick: async (event) => {
              event.currentTarget.disabled = true;
              try {
                const cancelled = await authorized('POST', `/api/v1/orders/${order.id}/cancel`);
                announce(`Order ${statusOf(cancelled.status)[0].toLowerCase()}`);
                context.rerender(followed(cancelled, context));
              } catch (failure) {
                if (!(failure instanceof Problem)) {
                  throw failure;
                }
                context.rerender({ ...orderPage(order, failure, context).view });
              }
            },
          },
          'Cancel the order'
        )
      : null;
  const address = order.shippingAddress;
  const node = h(
    'article',
    { class: 'order', 'data-order-id': order.id, 'data-status': order.status },
    h('p', {}, h('a', { href: '/orders' }, 'Your orders')),
    h('h1', {}, `Order ${shortId(order.id)}`),
    problem ? problemBox(problem) : null,
    h(
      'div',
      { class: `order-status tone-${tone}`, 'aria-live': 'polite' },
      h('h2', { class: 'status-label' }, label),
      h('p', { class: 'status-explanation' }, explanation),
      order.failureReason ? h('p', { class: 'failure-reason' }, order.failureReason) : null
    ),
    freshness,
    dataTable({
      caption: 'Products in the order',
      columns: [{ label: 'Product' }, { label: 'Price', money: true }, { label: 'Quantity' }, { label: 'Subtotal', money: true }],
      rows: order.lines.map((line) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, h('a', { href: `/products/${line.productId}` }, line.name)),
          h('td', { class: 'money' }, money(line.unitPrice)),
          h('td', {}, String(line.quantity)),
          h('td', { class: 'money' }, money(line.lineTotal))
        )
      ),
      footer: h('tr', {}, h('th', { scope: 'row', colspan: 3 }, 'Total'), h('td', { class: 'money total' }, money(order.total))),
    }),
    h(
      'dl',
      { class: 'facts' },
      h('dt', {}, 'Placed'),
      h('dd', {}, when(order.placedAt)),
      h('dt', {}, 'Paid with'),
      h('dd', { class: 'paid-with' }, `${BRANDS[order.cardBrand] ?? 'Card'} ending in ${order.cardLast4}`),
      address
        ? [
            h('dt', {}, 'Ships to'),
            h(
              'dd',
              { class: 'ships-to' },
              [address.recipient, address.line1, address.line2, `${address.postalCode} ${address.city}`, address.region, address.country]
                .filter(Boolean)
                .join(', ')
            ),
          ]
        : null
    ),
    cancel ? h('div', { class: 'actions' }, cancel) : null
  );
  return { view: { title: `Order ${shortId(order.id)} – Cleave shop`, node }, freshness };
}
