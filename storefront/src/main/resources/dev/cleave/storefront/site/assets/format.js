// How the shop writes money and counts. Amounts arrive as decimal strings or numbers with two
// fraction digits; they are formatted for display only and never computed with.

const formats = new Map();

export function money(price) {
  if (!price) {
    return '';
  }
  const currency = price.currency;
  if (!formats.has(currency)) {
    formats.set(currency, new Intl.NumberFormat(undefined, { style: 'currency', currency }));
  }
  return formats.get(currency).format(Number(price.amount));
}

export function count(n, one, many) {
  return `${n.toLocaleString()} ${n === 1 ? one : many}`;
}

export function availability(units) {
  if (units <= 0) {
    return 'Out of stock';
  }
  return units === 1 ? 'Only 1 left in stock' : `${units.toLocaleString()} in stock`;
}
