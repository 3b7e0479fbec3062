// Builds elements from data without ever parsing it as HTML: every text goes in as a text node, so
// nothing a product name or a problem detail holds can become markup or script.

/**
 * h('a', { href: '/', class: 'brand' }, 'Cleave') -> <a href="/" class="brand">Cleave</a>.
 * Attributes whose value is null, undefined or false are left out; true gives an empty attribute;
 * a function under an "on..." name becomes an event listener. Children are nodes, texts, numbers or
 * arrays of them; null and false are skipped.
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (typeof value === 'function' && name.startsWith('on')) {
      element.addEventListener(name.slice(2).toLowerCase(), value);
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    if (Array.isArray(child)) {
      append(element, child);
    } else if (child instanceof Node) {
      element.append(child);
    } else {
      element.append(document.createTextNode(String(child)));
    }
  }
}

/** Says a short text to screen readers (the page's polite live region). */
export function announce(text) {
  const announcer = document.getElementById('announcer');
  if (announcer) {
    announcer.textContent = '';
    // A new text node in a later task, so that the same text said twice is said again.
    setTimeout(() => {
      announcer.textContent = text;
    }, 50);
  }
}
