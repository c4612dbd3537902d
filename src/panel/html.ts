/**
 * Escaping for the entry panel's HTML. Every value interpolated with the `html` tag is escaped unless it is already
 * a SafeHtml, which only this module and the sanitizing renderer's output can produce, so that forgetting to escape
 * a value is not possible by accident. Pure: no `vscode` import.
 */

/** HTML that is known to be safe to insert as-is. */
export class SafeHtml {
  private constructor(readonly value: string) {}

  /** Marks a string as safe. Only for output of the tag below and of the sanitizing renderer (src/glossary/render.ts). */
  static trust(value: string): SafeHtml {
    return new SafeHtml(value);
  }

  toString(): string {
    return this.value;
  }
}

export type HtmlValue = string | number | SafeHtml | readonly HtmlValue[] | undefined | null | false;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for use both between tags and inside a quoted attribute value. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

function toHtml(value: HtmlValue): string {
  if (value === undefined || value === null || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return (value as readonly HtmlValue[]).map(toHtml).join('');
  return escapeHtml(String(value));
}

/** A tagged template that escapes every interpolated value; arrays are joined, absent values render as nothing. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += toHtml(value) + (strings[i + 1] ?? '');
  });
  return SafeHtml.trust(out);
}
