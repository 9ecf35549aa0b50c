// Builds the page from data with DOM calls and textContent only: no text ever becomes markup. (The page's
// Content-Security-Policy requires Trusted Types, so an innerHTML assignment of a string would throw.)
// Text from Moodle or CourseSales goes into <bdi> or dir="auto" elements, so right-to-left names stay isolated.

/** el('td', {class: 'num'}, 'text', child, ...): attributes and listeners from code, children as nodes or text. */
export function el(tag, props = {}, ...children) {
  const e = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') e.className = value;
    else if (key.startsWith('on')) e.addEventListener(key.slice(2), value);
    else e.setAttribute(key, value === true ? '' : String(value));
  }
  append(e, children);
  return e;
}

export function append(parent, children) {
  for (const c of children.flat(Infinity)) {
    if (c === undefined || c === null || c === false) continue;
    parent.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return parent;
}

/** Data from outside (a name, a reason text): isolated for bidirectional text, shown as text. */
export function bdi(value) {
  return el('bdi', {}, value === undefined || value === null ? '' : String(value));
}

/** A table cell holding data from outside. */
export function dataCell(value, props = {}) {
  return el('td', { dir: 'auto', ...props }, value === undefined || value === null ? '' : String(value));
}

export function show(node, content) {
  node.replaceChildren(...[content].flat().filter((c) => c !== null && c !== undefined));
}

export function badge(value) {
  const v = String(value ?? '');
  return el('span', { class: `badge badge-${v.replace(/[^A-Z_]/g, '')}` }, v);
}

/** A table in a wrapper that scrolls sideways on narrow screens (focusable, so a keyboard can scroll it). */
export function table(caption, headers, rows, { captionHidden = false } = {}) {
  const head = el('tr', {}, headers.map((h) => (typeof h === 'string' ? el('th', { scope: 'col' }, h) : h)));
  return el('div', { class: 'table-wrap', tabindex: 0, role: 'region', 'aria-label': caption },
    el('table', {}, el('caption', { class: captionHidden ? 'visually-hidden' : null }, caption),
      el('thead', {}, head), el('tbody', {}, rows)));
}

export function facts(pairs) {
  return el('dl', { class: 'facts' }, pairs.filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => [el('dt', {}, k), el('dd', { dir: 'auto' }, v instanceof Node ? v : String(v))]));
}

/** An ISO-8601 instant as local date and time, the exact value in the title. */
export function time(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return bdi(iso);
  return el('time', { datetime: iso, title: iso }, d.toLocaleString());
}

export function duration(ms) {
  if (ms === undefined || ms === null) return '';
  if (ms < 1000) return `${ms} ms`;
  if (ms < 120000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.round(ms / 60000)} min`;
}

export function problem(text) {
  return el('p', { class: 'problem', role: 'alert' }, bdi(text));
}

export function loading(text = 'Loading…') {
  return el('p', { class: 'muted' }, text);
}
