/**
 * HTML escaping for server-rendered pages. Every value that reaches a page goes through `escapeHtml`
 * or the `html` tag, which escapes each interpolation unless it is already-rendered `Html`.
 */

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

const escapeHtml = (value: unknown): string =>
  String(value ?? '').replace(/[&<>"'`]/g, (character) => ENTITIES[character] ?? character);

/** Markup that is already safe (produced by `html`); plain strings are always escaped. */
class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Interpolation = Html | string | number | undefined | null | false | Interpolation[];

const render = (value: Interpolation): string => {
  if (value === undefined || value === null || value === false) return '';
  if (Array.isArray(value)) return value.map(render).join('');
  if (value instanceof Html) return value.value;
  return escapeHtml(value);
};

/**
 * A template tag that escapes every interpolated value.
 *
 * @example
 * html`<p>Linked ${page.name}</p>` // page.name is escaped
 */
const html = (strings: TemplateStringsArray, ...values: Interpolation[]): Html => {
  let out = strings[0] ?? '';
  values.forEach((value, index) => {
    out += render(value) + (strings[index + 1] ?? '');
  });
  return new Html(out);
};

export type { Interpolation };
export { escapeHtml, Html, html };
