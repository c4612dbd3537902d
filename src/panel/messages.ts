/**
 * The messages the entry panel's page (src/panel/webview/, bundled into media/panel.js) sends to the extension. This
 * file is the one definition of that protocol: the page imports the WebviewMessage type from here (type-only, so
 * nothing of this module is bundled into the page) and the host validates every arrival with parseWebviewMessage.
 * The webview is treated as untrusted: whatever arrives is checked against this union before the host acts on it,
 * and anything else is dropped. The host never sends messages to the webview: every change of what is shown is a
 * fresh render with a new nonce, so that no state has to be patched into a live page. Pure: no `vscode` import.
 */
import { isLocaleTag, isTermIdShape, parseHttpUrl } from '../glossary';

export type WebviewMessage =
  /** A cross-reference to another term was clicked. */
  | { readonly type: 'navigate'; readonly termId: string }
  /** An http(s) link was clicked; the host opens it in the browser. */
  | { readonly type: 'openExternal'; readonly url: string }
  /** A language was picked in the locale switcher. */
  | { readonly type: 'switchLocale'; readonly locale: string }
  | { readonly type: 'back' }
  | { readonly type: 'forward' };

/** Locales are short BCP-47 tags (`en`, `es`, `pt-BR`): the compiler's rule, see isLocaleTag. */
export function isLocaleShape(value: unknown): value is string {
  return isLocaleTag(value);
}

const MAX_URL_LENGTH = 2048;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The message, validated and reduced to the fields it declares, or undefined when it is not one we accept. */
export function parseWebviewMessage(value: unknown): WebviewMessage | undefined {
  if (!isRecord(value)) return undefined;
  const { type } = value;
  switch (type) {
    case 'navigate': {
      const { termId } = value;
      return typeof termId === 'string' && isTermIdShape(termId) ? { type, termId } : undefined;
    }
    case 'openExternal': {
      const { url } = value;
      if (typeof url !== 'string' || url.length > MAX_URL_LENGTH) return undefined;
      const normalized = parseHttpUrl(url);
      return normalized === undefined ? undefined : { type, url: normalized };
    }
    case 'switchLocale': {
      const { locale } = value;
      return isLocaleShape(locale) ? { type, locale } : undefined;
    }
    case 'back':
    case 'forward':
      return { type };
    default:
      return undefined;
  }
}

/** A short description of a rejected message for the log, without echoing arbitrary amounts of its content. */
export function describeRejectedMessage(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = Object.prototype.toString.call(value);
  }
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

/**
 * The arguments of `transformersGlossary.openEntry`: a term id, or `{ termId, locale? }` (what hover command links
 * pass). Undefined when the arguments are malformed.
 */
export function parseOpenEntryArgs(arg: unknown): { termId: string; locale?: string } | undefined {
  if (typeof arg === 'string') return isTermIdShape(arg) ? { termId: arg } : undefined;
  if (typeof arg !== 'object' || arg === null || Array.isArray(arg)) return undefined;
  const { termId, locale } = arg as { termId?: unknown; locale?: unknown };
  if (typeof termId !== 'string' || !isTermIdShape(termId)) return undefined;
  if (locale === undefined || locale === null || locale === '') return { termId };
  return isLocaleShape(locale) ? { termId, locale } : undefined;
}
