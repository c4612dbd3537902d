/**
 * The termbase of one locale, built once per term map and locale: which forms a document in that locale may use for
 * each term, which it should not (`avoid:` forms, and the English forms of the terms the locale translates), and
 * which forms a fix writes. The forms become a term map of their own, matched by the one matcher (src/matching), so
 * that words, phrases, plurals, hyphens and "longest match wins" mean here exactly what they mean in a hover.
 *
 * How aliases and English forms interact (documented in the README's "Terminology"):
 * - a form is allowed in a locale when it is the title or an alias of the term's entry in that locale, or declared
 *   `preferred:`, unless the entry lists it under `avoid:` (aliases keep the hover working on forms we discourage);
 * - a form another term allows in the locale is never flagged: the check cannot tell which concept the writer meant
 *   (`agrupación` is pooling's preferred form, so clustering's `avoid: agrupación` is not enforced);
 * - the English forms of a term are flagged only when the locale has its own entry for the term (it translates it),
 *   that entry does not say `keep: english`, and the locale's own forms do not include them;
 * - every other known form shadows what it contains: `decoder attention mask` is matched as a whole, so the
 *   `attention mask` inside it is not reported as the English form of attention-mask.
 */
import type { AvoidedForm, Locale, Term, TermEntry, TermMap } from '../glossary';
import {
  SOURCE_LOCALE,
  localeFallbackChain,
  isPluralPhrase,
  ownEntry,
  pluralPhrase,
  singularPhrase,
  trailingParenthetical,
} from '../glossary';
import type { TermMatcher } from '../matching';
import { createTermMatcher, foldKey, splitWords } from '../matching';
import { spanishGenderInProse } from './fixes';

type GroupKind = 'allowed' | 'avoid' | 'english' | 'shadow';

/** The forms of one term of one kind, as one term of the termbase's own term map. */
export interface FormGroup {
  readonly kind: GroupKind;
  readonly termId: string;
  /** The forms by their key (formKey), as declared. */
  readonly forms: ReadonlyMap<string, string>;
  /** For `avoid`: the reason of each form by its key. */
  readonly reasons: ReadonlyMap<string, string | undefined>;
  /** The language each form is written in by its key (English for a term's English forms), whose number rules apply. */
  readonly languages: ReadonlyMap<string, Locale>;
}

export interface LocaleTermbase {
  readonly locale: Locale;
  /** The matcher over every allowed, flagged and shadowing form of the locale; match ids are group ids. */
  readonly matcher: TermMatcher;
  readonly groups: ReadonlyMap<string, FormGroup>;
  /** The forms a fix writes for a term in this locale, most preferred first (empty: no fix). */
  preferredForms(termId: string): readonly string[];
  /** The language whose number rules a form of the term follows: English for the term's English forms. */
  languageOf(termId: string, form: string): Locale;
  /**
   * Whether a flagged English form is the term's English title in either number (`attention masks`), which names the
   * concept the locale's title translates; an English alias may name a kind or a neighbour (`deep neural networks`
   * under deep learning), so its finding gets no automatic fix.
   */
  isEnglishTitleForm(termId: string, form: string): boolean;
  /** Every term id, lowercased: the anchors `[[…]]` markers and glossary links may name. */
  readonly anchors: ReadonlySet<string>;
  /** The gender the locale's own entries give a phrase's head noun after an article (Spanish; see fixes.ts). */
  usedGender(phrase: string): 'feminine' | 'masculine' | undefined;
}

/**
 * The entry whose termbase applies to a page of `locale`: the first the term has along the locale's own part of the
 * one fallback chain (`localeFallbackChain`), never the English stand-in of another language. A page under
 * `docs/source/zh/` is `zh-hans`, and the glossary found beside it compiles as `zh`: both name the same language.
 */
function localEntry(term: Term, locale: Locale): TermEntry | undefined {
  for (const candidate of localeFallbackChain(locale)) {
    if (candidate === SOURCE_LOCALE && locale !== SOURCE_LOCALE) return undefined;
    const entry = ownEntry(term, candidate);
    if (entry) return entry;
  }
  return undefined;
}

/** The key forms are compared by: their words, folded as the matcher folds them, joined by single spaces. */
export function formKey(form: string): string {
  return splitWords(form)
    .map((word) => foldKey(word.text))
    .join(' ');
}

/** A title or alias without its trailing parenthetical gloss, and the parts of the gloss when `withGloss` is set. */
function expandForm(form: string, withGloss: boolean): string[] {
  const parenthetical = trailingParenthetical(form);
  if (!parenthetical || parenthetical.base === '') return [form];
  return withGloss
    ? [parenthetical.base, ...parenthetical.inner.split(/[,，、]/).map((part) => part.trim())]
    : [parenthetical.base];
}

/** An English form worth flagging as untranslated: prose words, not an abbreviation, identifier or name. */
function isEnglishProseForm(form: string): boolean {
  return /^[A-Za-z][A-Za-z -]*$/.test(form) && !/^[A-Z0-9]+s?$/.test(form) && !/[a-z][A-Z]/.test(form);
}

/** The keys of a form and of its other number by `language`'s rules. */
function numberFamily(form: string, language: Locale): Set<string> {
  const keys = new Set([formKey(form)]);
  for (const variant of [pluralPhrase(form, language), singularPhrase(form, language)]) {
    if (variant !== undefined) keys.add(formKey(variant));
  }
  return keys;
}

/** The keys of a term's English forms (title and aliases, either number): the forms that follow English rules. */
function englishKeysOf(term: Term): Set<string> {
  const english = ownEntry(term, SOURCE_LOCALE);
  const keys = new Set<string>();
  if (!english) return keys;
  for (const form of [english.title, ...english.aliases].flatMap((f) => expandForm(f, false))) {
    for (const key of numberFamily(form, SOURCE_LOCALE)) keys.add(key);
  }
  return keys;
}

/**
 * The declared or default preferred forms of a term in a locale: `preferred:`, else the title (gloss removed) and
 * the aliases that are its other number. Other aliases are not fix targets by default: an alias may name a kind or a
 * neighbour of the concept (`scaled dot-product attention` under attention implementation), and a fix must never
 * write a different concept. A form the entry avoids, in either number, is never preferred.
 */
function preferredOf(term: Term, locale: Locale, languageOf: (form: string) => Locale): string[] {
  const entry = localEntry(term, locale);
  if (!entry) return [];
  const avoided = new Set((entry.terminology?.avoid ?? []).flatMap((avoid) => [...numberFamily(avoid.form, locale)]));
  const declared = entry.terminology?.preferred;
  const title = expandForm(entry.title, false)[0] ?? entry.title;
  const titleKeys = numberFamily(title, languageOf(title));
  const candidates = declared ?? [title, ...entry.aliases.filter((alias) => titleKeys.has(formKey(alias)))];
  return [...new Set(candidates)].filter((form) => form.trim() !== '' && !avoided.has(formKey(form)));
}

/** The termbase of `locale` in `termMap`. */
export function buildLocaleTermbase(termMap: TermMap, locale: Locale): LocaleTermbase {
  // Each key belongs to one group: allowed first, then flagged, then shadowing, so that the matcher (which gives a
  // form claimed twice to the first term) and the rules above agree.
  const owner = new Map<string, string>();
  const groups = new Map<
    string,
    {
      kind: GroupKind;
      termId: string;
      forms: Map<string, string>;
      reasons: Map<string, string | undefined>;
      languages: Map<string, Locale>;
    }
  >();
  const groupId = (kind: GroupKind, termId: string): string =>
    `${['allowed', 'avoid', 'english', 'shadow'].indexOf(kind)}:${kind}:${termId}`;
  // A form stands for its other number too, by the rules of the language it is written in: the matcher inflects
  // only the last word of phrases, by English rules, and never single words. `skip` holds the keys the term avoids,
  // which none of its allowed forms may bring back as a variant (`tokenizers` must not allow `tokenizer`).
  const add = (
    kind: GroupKind,
    termId: string,
    form: string,
    language: Locale,
    reason?: string,
    skip?: ReadonlySet<string>,
  ): void => {
    // Only the other number: pluralising a plural (`models` → `modelses`) would add forms nobody writes.
    const other = isPluralPhrase(form, language) ? singularPhrase(form, language) : pluralPhrase(form, language);
    for (const variant of [form, other]) {
      if (variant === undefined || (variant !== form && formKey(variant) === formKey(form))) continue;
      if (skip?.has(formKey(variant))) continue;
      addOne(kind, termId, variant, language, reason);
    }
  };
  const addOne = (kind: GroupKind, termId: string, form: string, language: Locale, reason?: string): void => {
    const key = formKey(form);
    if (key === '' || owner.has(key)) return;
    const id = groupId(kind, termId);
    let group = groups.get(id);
    if (!group) {
      group = { kind, termId, forms: new Map(), reasons: new Map(), languages: new Map() };
      groups.set(id, group);
    }
    owner.set(key, id);
    group.forms.set(key, form.trim());
    group.languages.set(key, language);
    if (kind === 'avoid') group.reasons.set(key, reason);
  };

  const avoidedOf = (term: Term): readonly AvoidedForm[] => localEntry(term, locale)?.terminology?.avoid ?? [];
  for (const term of termMap.terms) {
    const entry = localEntry(term, locale);
    if (!entry) continue;
    // An avoided form takes its other number with it: `avoid: modelo fine-tuned` also un-allows `modelos fine-tuned`.
    const avoided = new Set<string>();
    for (const { form } of avoidedOf(term)) {
      for (const variant of [form, pluralPhrase(form, locale), singularPhrase(form, locale)]) {
        if (variant !== undefined) avoided.add(formKey(variant));
      }
    }
    const own = [entry.title, ...entry.aliases, ...(entry.terminology?.preferred ?? [])];
    for (const form of own) {
      for (const part of expandForm(form, true)) add('allowed', term.id, part, locale, undefined, avoided);
    }
  }
  for (const term of termMap.terms) {
    // An avoided form that is one of the term's English forms (`attention masks`) takes English number rules.
    const english = ownEntry(term, SOURCE_LOCALE);
    const englishKeys = new Set(
      english ? [english.title, ...english.aliases].flatMap((form) => expandForm(form, false)).map(formKey) : [],
    );
    for (const avoid of avoidedOf(term)) {
      for (const part of expandForm(avoid.form, false)) {
        add('avoid', term.id, part, englishKeys.has(formKey(part)) ? SOURCE_LOCALE : locale, avoid.reason);
      }
    }
  }
  if (locale !== SOURCE_LOCALE) {
    for (const term of termMap.terms) {
      const entry = localEntry(term, locale);
      const english = ownEntry(term, SOURCE_LOCALE);
      if (!entry || !english || entry.terminology?.keepEnglish === true) continue;
      for (const form of [english.title, ...english.aliases]) {
        for (const part of expandForm(form, false)) {
          if (isEnglishProseForm(part)) add('english', term.id, part, SOURCE_LOCALE);
        }
      }
    }
  }
  for (const term of termMap.terms) {
    for (const form of [...Object.values(term.titles), ...term.aliases]) {
      for (const part of expandForm(form, true)) addOne('shadow', term.id, part, locale);
    }
  }

  // The matcher needs every flagged form, and of the other forms only the phrases that share a word with a flagged
  // form: those are the ones that can shadow it. The rest would only cost time (single words most of all).
  const flaggedWords = new Set<string>();
  for (const group of groups.values()) {
    if (group.kind === 'avoid' || group.kind === 'english') {
      for (const key of group.forms.keys()) for (const word of key.split(' ')) flaggedWords.add(word);
    }
  }
  const terms: Term[] = [];
  for (const [id, group] of groups) {
    const flagged = group.kind === 'avoid' || group.kind === 'english';
    const aliases = [...group.forms]
      .filter(([key]) => flagged || (key.includes(' ') && key.split(' ').some((word) => flaggedWords.has(word))))
      .map(([, form]) => form);
    if (aliases.length > 0) terms.push({ id, titles: {}, abbreviations: [], identifiers: [], aliases, entries: {} });
  }
  const matcher = createTermMatcher({ schemaVersion: 1, locales: [locale], terms }, { singleWordsAnywhere: true });
  const byId = new Map(termMap.terms.map((term) => [term.id, term]));
  const preferredCache = new Map<string, readonly string[]>();
  const englishCache = new Map<string, Set<string>>();
  const englishKeys = (termId: string): Set<string> => {
    let keys = englishCache.get(termId);
    if (keys === undefined) {
      const term = byId.get(termId);
      keys = term ? englishKeysOf(term) : new Set();
      englishCache.set(termId, keys);
    }
    return keys;
  };
  const languageOf = (termId: string, form: string): Locale =>
    englishKeys(termId).has(formKey(form)) ? SOURCE_LOCALE : locale;
  return {
    locale,
    matcher,
    groups,
    preferredForms(termId) {
      let forms = preferredCache.get(termId);
      if (forms === undefined) {
        const term = byId.get(termId);
        forms = term ? preferredOf(term, locale, (form) => languageOf(termId, form)) : [];
        preferredCache.set(termId, forms);
      }
      return forms;
    },
    languageOf,
    isEnglishTitleForm(termId, form) {
      const term = byId.get(termId);
      const english = term ? ownEntry(term, SOURCE_LOCALE) : undefined;
      if (!english) return false;
      const title = expandForm(english.title, false)[0] ?? english.title;
      return numberFamily(title, SOURCE_LOCALE).has(formKey(form));
    },
    anchors: new Set(termMap.terms.map((term) => term.id.toLowerCase())),
    usedGender: spanishGenderInProse(
      locale.split('-')[0] === 'es' ? termMap.terms.map((term) => localEntry(term, locale)?.markdown ?? '') : [],
    ),
  };
}
