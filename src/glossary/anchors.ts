/**
 * Names derived from headings: the English anchor that identifies a term, the Python identifier it stands for,
 * its abbreviation and its trailing parenthetical. (URLs are built in ./urls.ts, plural forms in ./inflection.ts.)
 */

/**
 * The anchor doc-builder gives a heading, which is the public id of a term: lowercase, each space becomes `-`,
 * and everything outside `[a-z0-9-]` is dropped (`masked language modeling (MLM)` → `masked-language-modeling-mlm`).
 */
export function englishAnchor(heading: string): string {
  return heading.toLowerCase().replace(/ /g, '-').replace(/[^a-z0-9-]/g, '');
}

/**
 * Every id the compiler can give a term, and so what the panel, its messages and its saved state must accept: a
 * derived anchor (`[a-z0-9-]`, which may even start with `-` when a heading opens with an emoji) or a custom
 * `[[anchor]]` (letters, digits, `-`, `_`, `.`). One pattern, so that no term compiles that the panel cannot open.
 */
const TERM_ID = /^[A-Za-z0-9_.-]*[A-Za-z0-9][A-Za-z0-9_.-]*$/;

/** True when `value` has the shape of a term id: safe in a `data-term` attribute, a message and a URL fragment. */
export function isTermIdShape(value: string): boolean {
  return value.length <= 200 && TERM_ID.test(value);
}

/** Locales are short BCP-47 tags (`en`, `es`, `pt-BR`); anything longer or odder is not a locale. */
const LOCALE_TAG = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8}){0,2}$/;

/**
 * True when `value` has the shape of a locale tag. Locales key the per-locale records of the term map, so this one
 * rule keeps `__proto__` and other odd keys out of them, from a compiler source or a panel message alike.
 */
export function isLocaleTag(value: unknown): value is string {
  return typeof value === 'string' && LOCALE_TAG.test(value);
}

const PYTHON_KEYWORDS = new Set([
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif', 'else',
  'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise',
  'return', 'try', 'while', 'with', 'yield',
]);

/**
 * Whether `name` can be a Python variable or parameter name: an ASCII identifier that is not a keyword (`labels`,
 * `input_ids`, but not `class` or `None`). Compare matching's isIdentifierWord, which accepts keywords because it
 * only asks how a surface form is shaped.
 */
export function isPythonName(name: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !PYTHON_KEYWORDS.has(name);
}

/**
 * The Python name a heading stands for (`input IDs` → `input_ids`), or undefined when the result is not a valid
 * Python identifier (`deep learning (DL)`, `self-attention`).
 */
export function identifierFromHeading(heading: string): string | undefined {
  const candidate = heading.trim().toLowerCase().replace(/ /g, '_');
  return isPythonName(candidate) ? candidate : undefined;
}

export interface HeadingParts {
  /** The heading without the `[[custom-id]]` suffix, trimmed. */
  readonly title: string;
  /** The `[[custom-id]]` anchor, when given. */
  readonly customAnchor?: string;
}

/** Splits `### Title[[custom-id]]` into its title and custom anchor. */
export function splitHeading(raw: string): HeadingParts {
  const trimmed = raw.trim();
  const match = /\[\[([^[\]]*)\]\]\s*$/.exec(trimmed);
  if (!match) return { title: trimmed };
  const customAnchor = match[1]!.trim();
  const title = trimmed.slice(0, match.index).trim();
  return customAnchor ? { title, customAnchor } : { title };
}

/**
 * Whether a parenthetical is an abbreviation rather than a word: short, no spaces, and with a capital letter
 * past the first character or a digit (`MLM`, `ZeRO`, `seq2seq`, `DP`), but not a capitalized word (`Labels`)
 * or a long CamelCase name (`DataParallel`).
 */
export function looksLikeAbbreviation(text: string): boolean {
  if (!/^[A-Za-z0-9][A-Za-z0-9.+-]{1,9}$/.test(text)) return false;
  if (!/[A-Z0-9]/.test(text.slice(1)) && !/^[A-Z]+$/.test(text)) return false;
  return text.length <= 8;
}

/**
 * The trailing `(…)` of a title or surface form and the text before it: `masked language modeling (MLM)` → base
 * `masked language modeling`, inner `MLM`; `어텐션 마스크 (attention mask)` → inner `attention mask`. `base` is empty
 * when the whole text is the parenthetical. The compiler and the matcher both split forms with it.
 */
export function trailingParenthetical(title: string): { base: string; inner: string } | undefined {
  const match = /^(.*?)\s*\(([^()]*)\)\s*$/s.exec(title);
  if (!match) return undefined;
  return { base: (match[1] ?? '').trim(), inner: (match[2] ?? '').trim() };
}

/** The abbreviation a title declares in a trailing parenthetical, if any. */
export function abbreviationOf(title: string): string | undefined {
  const paren = trailingParenthetical(title);
  if (!paren || paren.base === '') return undefined;
  // Korean and Arabic headings write `(english name, ABBR)` or `(Name - ABBR)`: the abbreviation is the last part.
  const parts = paren.inner.split(/\s*(?:,|،| - | – | — )\s*/);
  const last = parts[parts.length - 1]!.trim();
  return looksLikeAbbreviation(last) ? last : undefined;
}

/** True when every letter of the text is Latin (ASCII or accented): headings written in English or Spanish. */
export function isLatinScript(text: string): boolean {
  return !/[^\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]/u.test(text);
}
