/**
 * English number inflection of glossary names, defined once: the compiler adds the plural or singular of an English
 * title as an alias (`attention mask` → `attention masks`), and the matcher accepts either number for the last word
 * of a phrase and of an ignored term. Pure TypeScript.
 */
import { trailingParenthetical } from './anchors';

/** The plural of a lowercase English word (`mask` → `masks`, `patch` → `patches`, `entity` → `entities`). */
export function pluralOf(word: string): string | undefined {
  if (!/^[a-z]+$/.test(word)) return undefined;
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  if (/(?:s|x|z|ch|sh)$/.test(word)) return `${word}es`;
  return `${word}s`;
}

/** The singular of a lowercase English plural (`masks` → `mask`, `entities` → `entity`); undefined for `loss`, `corpus`. */
export function singularOf(word: string): string | undefined {
  if (!/^[a-z]+$/.test(word)) return undefined;
  if (/[^aeiou]ies$/.test(word)) return `${word.slice(0, -3)}y`;
  if (/(?:ss|us|is)$/.test(word)) return undefined;
  if (/s$/.test(word)) return word.slice(0, -1);
  return undefined;
}

const SINGULAR_ONLY_ENDINGS = /(?:ing|ed|ss|ism|ion|al|ics|ity|ness)$/;

/**
 * Plural and singular forms of an English title worth matching in prose (`attention mask` → `attention masks`,
 * `encoder models` → `encoder model`). Titles whose last word is a gerund, an adjective, an abstract noun or an
 * all-caps or CamelCase name get none: their plural would be wrong more often than useful.
 */
export function numberVariants(title: string): string[] {
  const base = trailingParenthetical(title)?.base || title;
  const words = base.split(/\s+/);
  const last = words[words.length - 1];
  if (!last || !/^[a-z][a-z-]*$|^[a-z-]*IDs?$/.test(last)) return [];
  const head = words.slice(0, -1).join(' ');
  const join = (w: string): string => (head ? `${head} ${w}` : w);
  if (last.endsWith('IDs')) return [join(last.slice(0, -1))];
  if (last.endsWith('ID')) return [join(`${last}s`)];
  if (last.endsWith('s') && !last.endsWith('ss')) {
    const singular = last.length > 3 ? singularOf(last) : undefined;
    return singular === undefined ? [] : [join(singular)];
  }
  if (SINGULAR_ONLY_ENDINGS.test(last) || last.includes('-')) return [];
  const plural = pluralOf(last);
  return plural === undefined ? [] : [join(plural)];
}
