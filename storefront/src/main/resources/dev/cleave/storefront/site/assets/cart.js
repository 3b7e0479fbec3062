// The cart and checkout. The cart lives in the order module (GET /api/v1/cart, priced from the
// catalog now), so it is the same on every device the person signs in on. Checkout sends the card
// once, with an Idempotency-Key, and hands over to the order's page, which follows the saga.

import { Problem } from './api.js';
import { announce, h } from './dom.js';
import { count, money } from './format.js';
import { authorized, currentUser } from './session.js';
import { dataTable, formField, messageView, problemBox } from './views.js';

const LABELS = {
  productId: 'Product',
  quantity: 'Quantity',
  'card.number': 'Card number',
  'card.expiryMonth': 'Expiry month',
  'card.expiryYear': 'Expiry year',
  'card.cvc': 'Security code',
  'shippingAddress.recipient': 'Recipient',
  'shippingAddress.line1': 'Street and number',
  'shippingAddress.line2': 'Address line 2',
  'shippingAddress.postalCode': 'Postal code',
  'shippingAddress.city': 'City',
  'shippingAddress.region': 'Region',
  'shippingAddress.country': 'Country',
  shippingAddress: 'Shipping address',
  'Idempotency-Key': 'Idempotency-Key',
};

const ADDRESS = ['recipient', 'line1', 'line2', 'postalCode', 'city', 'region', 'country'];

/** The simulated processor's test cards (modules/payment/README.md), offered at checkout. */
export const TEST_CARDS = [
  ['4242424242424242', 'approved'],
  ['4000000000000002', 'declined'],
  ['4000000000009995', 'declined: insufficient funds'],
  ['4000000000000119', 'processor error'],
  ['4000000000005209', 'slow: pending for a few seconds, then approved'],
];

/** A typed whole number as a number; anything else as typed, for the API to refuse by name. */
function whole(text) {
  return /^[0-9]{1,9}$/.test(text) ? Number(text) : text;
}

function signInFirst(navigate, next) {
  navigate(`/sign-in?next=${encodeURIComponent(next)}`, { replace: true });
  return null;
}

/**
 * The product page's buying box: a quantity and "Add to cart" for a signed-in person, a link to
 * sign in otherwise. Problems (not sold any more, the cart's limits) appear in the box.
 */
export function buyBox(product) {
  const box = h('div', { class: 'buy-box' });
  const draw = (problem, added) => {
    if (!currentUser()) {
      box.replaceChildren(
        h('p', {}, h('a', { href: `/sign-in?next=/products/${product.id}`, class: 'sign-in-to-buy' }, 'Sign in to buy'))
      );
      return;
    }
    const quantity = h('input', {
      type: 'number',
      min: 1,
      max: 100,
      value: '1',
      inputmode: 'numeric',
      required: true,
    });
    const form = h(
      'form',
      { class: 'add-to-cart', novalidate: true },
      problem ? problemBox(problem, { fieldLabels: LABELS }) : null,
      formField('buy', 'quantity', 'Quantity', quantity, { messages: problem?.fieldErrors().get('quantity') }),
      h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Add to cart'))
    );
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      form.querySelector('button').disabled = true;
      try {
        const cart = await authorized('POST', '/api/v1/cart/items', {
          body: { productId: product.id, quantity: whole(quantity.value) },
        });
        draw(null, cart);
        announce(`Added to the cart; it holds ${count(cart.units, 'unit', 'units')}`);
      } catch (failure) {
        if (!(failure instanceof Problem)) {
          throw failure;
        }
        draw(failure, null);
        box.querySelector('[role=alert]').focus();
      }
    });
    box.replaceChildren(
      form,
      added
        ? h(
            'p',
            { class: 'added', role: 'status' },
            `In your cart: ${count(added.units, 'unit', 'units')}. `,
            h('a', { href: '/cart' }, 'View the cart')
          )
        : null
    );
  };
  draw(null, null);
  return box;
}

export async function cartView(params, context) {
  if (!currentUser()) {
    return signInFirst(context.navigate, '/cart');
  }
  return cartPage(await authorized('GET', '/api/v1/cart', { signal: context.signal }), null, context);
}

function cartPage(cart, problem, context) {
  // Every change answers with the cart (a removal with nothing: the cart is read again); a refused
  // change shows its problem above the cart as it now is.
  const change = async (request) => {
    let refused = null;
    let fresh = null;
    try {
      fresh = await request();
    } catch (failure) {
      if (!(failure instanceof Problem)) {
        throw failure;
      }
      refused = failure;
    }
    fresh ??= await authorized('GET', '/api/v1/cart');
    context.rerender(cartPage(fresh, refused, context));
    if (!refused) {
      announce(`The cart holds ${count(fresh.units, 'unit', 'units')}`);
    }
  };
  const rows = cart.lines.map((line) => {
    const quantity = h('input', {
      type: 'number',
      min: 1,
      max: 100,
      value: String(line.quantity),
      inputmode: 'numeric',
      class: 'quantity',
    });
    const update = h(
      'form',
      { class: 'line-quantity', novalidate: true },
      formField(`cart-${line.productId}`, 'quantity', `Quantity of ${line.name}`, quantity),
      h('button', { type: 'submit', class: 'secondary' }, 'Update')
    );
    update.addEventListener('submit', (event) => {
      event.preventDefault();
      change(() =>
        authorized('PUT', `/api/v1/cart/items/${line.productId}`, { body: { quantity: whole(quantity.value) } })
      );
    });
    return h(
      'tr',
      { class: 'cart-line', 'data-product-id': line.productId },
      h(
        'th',
        { scope: 'row' },
        h('a', { href: `/products/${line.productId}` }, line.name),
        line.available ? null : h('p', { class: 'out-of-stock' }, 'No longer sold: remove it to check out')
      ),
      h('td', { class: 'money' }, money(line.unitPrice)),
      h('td', {}, update),
      h('td', { class: 'money line-total' }, money(line.lineTotal)),
      h(
        'td',
        {},
        h(
          'button',
          {
            type: 'button',
            class: 'secondary remove',
            'aria-label': `Remove ${line.name}`,
            onClick: () => change(() => authorized('DELETE', `/api/v1/cart/items/${line.productId}`)),
          },
          'Remove'
        )
      )
    );
  });
  const node = h(
    'section',
    { class: 'cart' },
    h('h1', {}, 'Your cart'),
    problem ? problemBox(problem, { fieldLabels: LABELS }) : null,
    cart.lines.length === 0
      ? h('p', { class: 'empty' }, 'The cart is empty. ', h('a', { href: '/' }, 'Browse the catalog'))
      : [
          dataTable({
            caption: 'Products in the cart',
            columns: [
              { label: 'Product' },
              { label: 'Price', money: true },
              { label: 'Quantity' },
              { label: 'Subtotal', money: true },
              { label: 'Remove', hidden: true },
            ],
            rows,
          }),
          h(
            'p',
            { class: 'cart-total' },
            `${count(cart.units, 'unit', 'units')}`,
            cart.total ? [', total ', h('strong', { class: 'total' }, money(cart.total))] : null
          ),
          h('p', { class: 'actions' }, h('a', { href: '/checkout', class: 'button checkout' }, 'Check out')),
        ]
  );
  return { title: 'Your cart – Cleave shop', node };
}

export async function checkoutView(params, context) {
  if (!currentUser()) {
    return signInFirst(context.navigate, '/checkout');
  }
  const [cart, me] = await Promise.all([
    authorized('GET', '/api/v1/cart', { signal: context.signal }),
    authorized('GET', '/api/v1/users/me', { signal: context.signal }),
  ]);
  if (cart.lines.length === 0) {
    return messageView('Your cart is empty');
  }
  const address = me.addresses.find((candidate) => candidate.isDefault) ?? me.addresses[0] ?? { recipient: me.name };
  return checkoutPage(cart, address, null, context);
}

function months(selected) {
  return Array.from({ length: 12 }, (_, index) => {
    const month = String(index + 1);
    return h('option', { value: month, selected: month === selected }, month.padStart(2, '0'));
  });
}

function years(selected) {
  const first = new Date().getUTCFullYear();
  return Array.from({ length: 16 }, (_, index) => {
    const year = String(first + index);
    return h('option', { value: year, selected: year === selected }, year);
  });
}

/**
 * The checkout form. After the API refuses it, it is drawn again with what was typed and the
 * API's messages beside the fields, except the card number and security code: those are typed
 * again, and never written into the page's markup.
 */
function checkoutPage(cart, typed, problem, context, idempotencyKey = null) {
  const errors = problem ? problem.fieldErrors() : new Map();
  const field = (name, label, input, options = {}) =>
    formField('checkout', name, label, input, { messages: errors.get(name), ...options });
  const text = (autocomplete, value, more = {}) =>
    h('input', { type: 'text', autocomplete, value: value ?? '', spellcheck: 'false', ...more });
  const address = h(
    'fieldset',
    { class: 'address' },
    h('legend', {}, 'Shipping address'),
    field('shippingAddress.recipient', 'Recipient', text('shipping name', typed.recipient)),
    field('shippingAddress.line1', 'Street and number', text('shipping address-line1', typed.line1)),
    field('shippingAddress.line2', 'Address line 2 (optional)', text('shipping address-line2', typed.line2)),
    h(
      'div',
      { class: 'field-row' },
      field('shippingAddress.postalCode', 'Postal code', text('shipping postal-code', typed.postalCode)),
      field('shippingAddress.city', 'City', text('shipping address-level2', typed.city))
    ),
    h(
      'div',
      { class: 'field-row' },
      field('shippingAddress.region', 'Region (optional)', text('shipping address-level1', typed.region)),
      field(
        'shippingAddress.country',
        'Country',
        text('shipping country', typed.country, { maxlength: 2, class: 'short' }),
        { hint: 'Two letters, such as DE or FR.' }
      )
    )
  );
  const card = h(
    'fieldset',
    { class: 'card' },
    h('legend', {}, 'Card'),
    field(
      'card.number',
      'Card number',
      h('input', { type: 'text', inputmode: 'numeric', autocomplete: 'cc-number', spellcheck: 'false' }),
      { hint: 'Digits only. Nothing is charged: use a test card below.' }
    ),
    h(
      'div',
      { class: 'field-row' },
      field('card.expiryMonth', 'Expiry month', h('select', { autocomplete: 'cc-exp-month' }, months(typed.expiryMonth ?? '12'))),
      field(
        'card.expiryYear',
        'Expiry year',
        h('select', { autocomplete: 'cc-exp-year' }, years(typed.expiryYear ?? String(new Date().getUTCFullYear() + 3)))
      ),
      field(
        'card.cvc',
        'Security code',
        h('input', { type: 'text', inputmode: 'numeric', autocomplete: 'cc-csc', maxlength: 4, class: 'short' })
      )
    ),
    h(
      'details',
      { class: 'test-cards' },
      h('summary', {}, 'Test cards'),
      h(
        'ul',
        {},
        TEST_CARDS.map(([number, outcome]) => h('li', {}, h('code', {}, number), ` ${outcome}`))
      )
    )
  );
  const form = h(
    'form',
    { class: 'checkout-form', method: 'post', novalidate: true },
    problem ? problemBox(problem, { fieldLabels: LABELS }) : null,
    address,
    card,
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'submit', class: 'place-order' }, cart.total ? `Pay ${money(cart.total)}` : 'Place the order')
    )
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    const values = Object.fromEntries(new FormData(form));
    const shippingAddress = Object.fromEntries(
      ADDRESS.map((name) => [name, values[`shippingAddress.${name}`].trim() || null])
    );
    if (shippingAddress.country) {
      shippingAddress.country = shippingAddress.country.toUpperCase();
    }
    // A retry after a network failure sends the same key, so an order the shop did place is
    // answered again instead of placed twice; any answer of the API ends the key's use.
    const key = idempotencyKey ?? crypto.randomUUID();
    try {
      const order = await authorized('POST', '/api/v1/orders', {
        headers: { 'Idempotency-Key': key },
        body: {
          card: {
            number: values['card.number'].replace(/[\s-]/g, ''),
            expiryMonth: whole(values['card.expiryMonth']),
            expiryYear: whole(values['card.expiryYear']),
            cvc: values['card.cvc'].trim(),
          },
          shippingAddress,
        },
      });
      announce('Order placed');
      context.navigate(`/orders/${order.id}`, { replace: true });
    } catch (failure) {
      if (!(failure instanceof Problem)) {
        throw failure;
      }
      if (failure.status === 0) {
        // Not answered: keep the form as it is, with the same key for the retry.
        button.disabled = false;
        form.querySelector('[role=alert]')?.remove();
        form.prepend(problemBox(failure));
        form.querySelector('[role=alert]').focus();
        idempotencyKey = key;
        return;
      }
      const again = Object.fromEntries(ADDRESS.map((name) => [name, values[`shippingAddress.${name}`]]));
      again.expiryMonth = values['card.expiryMonth'];
      again.expiryYear = values['card.expiryYear'];
      context.rerender(checkoutPage(cart, again, failure, context));
    }
  });
  return {
    title: 'Checkout – Cleave shop',
    node: h(
      'section',
      { class: 'checkout' },
      h('h1', {}, 'Checkout'),
      h(
        'p',
        { class: 'checkout-summary' },
        `${count(cart.units, 'unit', 'units')} `,
        cart.total ? ['for ', h('strong', {}, money(cart.total))] : null,
        ' · ',
        h('a', { href: '/cart' }, 'Change the cart')
      ),
      form
    ),
  };
}
