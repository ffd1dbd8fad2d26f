/**
 * The only way the dashboard makes elements. Every datum goes in as a text node (or an attribute value set
 * with setAttribute), never as HTML, so article text, titles and names can't become markup or script:
 * `h('td', {}, article.title)` shows `<script>` as those eight characters.
 */
export type Child = Node | string | number | null | undefined | false | Child[];
export type Props = Record<string, string | number | boolean | null | undefined | ((e: Event) => void)>;

/** Attributes that take a URL: only http(s) URLs and same-origin paths get in (no javascript:, data:). */
const URL_ATTRS = new Set(['href', 'src', 'action', 'formaction']);

export const safeUrl = (v: string): string | undefined => {
  if (v.startsWith('/') && !v.startsWith('//')) return v;
  try {
    const u = new URL(v);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
};

const append = (el: Node, c: Child): void => {
  if (c === null || c === undefined || c === false) return;
  if (Array.isArray(c)) for (const x of c) append(el, x);
  else el.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
};

export const h = <K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] => {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) {
      if (typeof v !== 'function') throw new Error(`dom: ${k} must be a function`);
      el.addEventListener(k.slice(2).toLowerCase(), v);
    } else if (typeof v === 'function') {
      throw new Error(`dom: ${k} can't be a function`);
    } else if (URL_ATTRS.has(k)) {
      const u = safeUrl(String(v));
      if (u) el.setAttribute(k, u);
    } else if (k === 'value' && (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement)) {
      el.value = String(v);
    } else {
      el.setAttribute(k, v === true ? '' : String(v));
    }
  }
  append(el, children);
  return el;
};

/** Replaces an element's children. */
export const fill = (el: Element, ...children: Child[]): void => {
  el.replaceChildren();
  append(el, children);
};

export const fmt = (n: number): string => n.toLocaleString('en-US');
