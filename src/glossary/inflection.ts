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

/** Spanish words that end the part of a noun phrase that takes the number (`máscara de atención`, `búsqueda por haz`). */
const SPANISH_LINKING_WORDS = new Set(['de', 'del', 'por', 'en', 'para', 'con', 'sin', 'a', 'al', 'sobre', 'entre']);
const SPANISH_ACCENTED = { á: 'a', é: 'e', í: 'i', ó: 'o', ú: 'u' } as const;

/**
 * The Spanish plural of one word by the regular rules, or undefined where they need what spelling alone does not say
 * (an unstressed `-n` may take `-s` as a loanword, `tokens`, or `-es` with a new accent, `orígenes`).
 */
function spanishPluralWord(word: string): string | undefined {
  if (!/^\p{L}+$/u.test(word) || word.length < 2) return undefined;
  if (/[sx]$/i.test(word)) return word;
  if (/z$/.test(word)) return `${word.slice(0, -1)}ces`;
  if (/[aeiouáéó]$/.test(word)) return `${word}s`;
  // `-ión`, `-én`, `-án`: the stress stays on the same vowel, which no longer needs its accent (`atención` → `atenciones`).
  const accented = /([áéíóú])([ns])$/.exec(word);
  if (accented) return `${word.slice(0, -2)}${SPANISH_ACCENTED[accented[1] as keyof typeof SPANISH_ACCENTED]}${accented[2]}es`;
  if (/[rldjy]$/.test(word)) return `${word}es`;
  if (/n$/.test(word)) return undefined;
  // Any other final consonant is a loanword's, which takes `-s`: `checkpoint` → `checkpoints`, `embedding` → `embeddings`.
  return `${word}s`;
}

/** The Spanish singular of a regular plural word; undefined when it is not one. */
function spanishSingularWord(word: string): string | undefined {
  if (/iones$/.test(word)) return `${word.slice(0, -5)}ión`;
  if (/ces$/.test(word)) return `${word.slice(0, -3)}z`;
  if (/[rldj]es$/.test(word)) return word.slice(0, -2);
  if (/[aeiouáéó]s$/.test(word)) return word.slice(0, -1);
  if (/[^aeiou]s$/.test(word) && word.length > 3) return word.slice(0, -1);
  return undefined;
}

/** Applies `inflect` to each word of a Spanish noun phrase up to its first linking word; undefined if one cannot be. */
function inflectSpanishPhrase(phrase: string, inflect: (word: string) => string | undefined): string | undefined {
  const words = phrase.split(' ');
  const out: string[] = [];
  let head = true;
  for (const word of words) {
    if (head && SPANISH_LINKING_WORDS.has(word.toLowerCase())) head = false;
    if (!head || /[-_\d]/.test(word) || /^\p{Lu}{2,}s?$/u.test(word)) {
      out.push(word);
      continue;
    }
    const inflected = inflect(word);
    if (inflected === undefined) return undefined;
    out.push(inflected);
  }
  return out.join(' ');
}

/**
 * The plural of a glossary form in a locale, where that locale's regular rules can say it: English inflects the last
 * word (`attention mask` → `attention masks`), Spanish every word before the first linking word (`máscara de
 * atención` → `máscaras de atención`, `modelo ajustado` → `modelos ajustados`). Japanese, Chinese and Korean nouns
 * have no grammatical number, so a form is its own plural there; other locales get undefined (no rule known).
 */
export function pluralPhrase(phrase: string, locale: string): string | undefined {
  const language = locale.split('-')[0];
  if (language === 'ja' || language === 'zh' || language === 'ko') return phrase;
  if (language === 'es') return inflectSpanishPhrase(phrase, spanishPluralWord);
  if (language !== 'en') return undefined;
  const words = phrase.split(' ');
  const last = words[words.length - 1]!;
  const plural = pluralOf(last);
  return plural === undefined ? undefined : [...words.slice(0, -1), plural].join(' ');
}

/** The singular of a plural glossary form in a locale, by the same rules as pluralPhrase; undefined when unknown. */
export function singularPhrase(phrase: string, locale: string): string | undefined {
  const language = locale.split('-')[0];
  if (language === 'ja' || language === 'zh' || language === 'ko') return phrase;
  if (language === 'es') return inflectSpanishPhrase(phrase, spanishSingularWord);
  if (language !== 'en') return undefined;
  const words = phrase.split(' ');
  const singular = singularOf(words[words.length - 1]!);
  return singular === undefined ? undefined : [...words.slice(0, -1), singular].join(' ');
}

/**
 * Whether a glossary form is plural by a locale's regular rules: English looks at the last word (`attention masks`,
 * `input IDs`), Spanish at the first (`máscaras de atención`, `IDs de entrada`). Number-less languages and unknown
 * rules say singular, so that no fix changes the number of a word it cannot read.
 */
export function isPluralPhrase(phrase: string, locale: string): boolean {
  const language = locale.split('-')[0];
  const words = phrase.trim().split(/[\s-]+/);
  const word = language === 'es' ? words[0] : language === 'en' ? words[words.length - 1] : undefined;
  if (word === undefined || word === '') return false;
  if (/^\p{Lu}{2,}s$/u.test(word) || /^\p{Lu}+IDs$/u.test(word)) return true;
  if (language === 'en') return singularOf(word.toLowerCase()) !== undefined && word.length > 3;
  return spanishSingularWord(word.toLowerCase()) !== undefined && word.length > 3;
}

/** Masculine nouns with a feminine-looking ending that a glossary form may start with (`el sistema`, `el esquema`). */
const SPANISH_MASCULINE_IN_A = /(?:ma|día|mapa)$/;
const SPANISH_FEMININE_IN_O = /^(?:mano|foto|radio|moto)$/;

/**
 * The grammatical gender of a Spanish noun phrase, read from its first word (the head noun), where the ending says it
 * with few exceptions: `-ción`, `-sión`, `-dad`, `-tad`, `-tud`, `-umbre` and `-a` are feminine (`-ma` Greek nouns
 * such as `sistema` aside), `-o`, `-or`, `-aje`, `-miento` and `-ismo` masculine. Undefined otherwise: loanwords
 * (`pooling`, `token`) take either gender in the docs, and a guess would write a wrong article.
 */
export function spanishGender(phrase: string): 'feminine' | 'masculine' | undefined {
  const head = phrase.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
  const singular = spanishSingularWord(head) ?? head;
  for (const word of new Set([head, singular])) {
    if (/(?:ción|sión|dad|tad|tud|umbre)$/.test(word)) return 'feminine';
    if (SPANISH_FEMININE_IN_O.test(word)) return 'feminine';
    if (/(?:o|or|aje|miento|ismo)$/.test(word)) return 'masculine';
    if (/a$/.test(word) && !SPANISH_MASCULINE_IN_A.test(word)) return 'feminine';
  }
  return undefined;
}
