// Building DOM safely: every piece of data becomes a text node (textContent), never markup.

/**
 * h("a", {className: "x", href: "#/"}, "text", child) -> element.
 * Attributes are set as properties or with setAttribute for data-* and aria-*; children that are
 * strings or numbers become text nodes; null/undefined/false children are skipped.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith("on") && typeof value === "function") {
      el.addEventListener(key.slice(2).toLowerCase(), value);
    } else if (key.startsWith("data-") || key.startsWith("aria-") || key === "role" || key === "for") {
      el.setAttribute(key, String(value));
    } else if (key === "innerHTML" || key === "outerHTML") {
      throw new Error("markup from data is not allowed");
    } else {
      el[key] = value;
    }
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

/** An href for a URL taken from data: only http(s) links are made clickable. */
export function safeHref(url) {
  try {
    const parsed = new URL(url, window.location.href);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch {
    return null;
  }
}

export function option(value, label, selected) {
  return h("option", { value, selected: value === selected }, label);
}
