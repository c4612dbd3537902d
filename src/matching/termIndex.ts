/**
 * Turns a term map into the lookup tables the scanner uses. Everything that depends only on the glossary is
 * computed here, once, so that matching a word costs a hash and at most a few Map lookups.
 */
import type { Term, TermMap } from '../glossary';
import type { TermMatch } from './types';
import { MAX_SURFACE_FORM_LENGTH, compareIds, pluralOf, singularOf, trailingParenthetical } from '../glossary';
import { hashOf, isAscii } from './chars';
import { cjkFormOf, type CjkForm } from './cjk';
import { foldKey, isIdentifierWord, splitWords } from './words';

export type MatchVia = TermMatch['via'];

export interface FormTarget {
  readonly termId: string;
  readonly via: MatchVia;
}

/** A phrase of two or more words, stored under its first word. */
export interface PhraseEntry {
  readonly termId: string;
  /** Built once here so that a match allocates nothing but its result. */
  readonly target: FormTarget;
  /** The whole phrase as its fold keys joined by single spaces, reused as the match text when the text is spelled so. */
  readonly canonical: string;
  /** Fold keys of the words after the first one. */
  readonly rest: readonly string[];
}

/**
 * What a word hash leads to. The scanner compares `key` with the text in place, so that a word costs no string
 * allocation unless it matches. A key without capitals is stored under its hash once and serves both the
 * case-sensitive forms (`labels` as an identifier) and the case-insensitive ones (`labels` as a word, `attention` as
 * the first word of a phrase); a key with capitals (`MLM`) is only ever case-sensitive.
 *
 * Every property is always written, undefined where a form has no such target, so that every form has one shape and
 * the scanner's property reads stay monomorphic: the type says so by making them required.
 */
interface HashedForm {
  readonly key: string;
  /** hashOf(key), which the scanner compares before the text: forms of other hashes share a filter slot. */
  readonly hash: number;
  readonly hasUpper: boolean;
  /** Case-sensitive: an identifier, abbreviation or name that matches anywhere. */
  readonly exact: FormTarget | undefined;
  /** Case-sensitive: a single-word identifier, only in marked positions. */
  readonly restricted: FormTarget | undefined;
  /** Case-insensitive: a single dictionary word, only in marked positions. */
  readonly restrictedWord: FormTarget | undefined;
  /** Case-insensitive: the phrases this word starts. */
  readonly phrases: readonly PhraseEntry[] | undefined;
  /**
   * The same phrases by the lowercase hash of their second word, when that word is ASCII (after folding, nearly
   * always): a first word such as `decoder` starts a dozen phrases, and the second word picks the one or two worth
   * comparing.
   */
  readonly phrasesBySecondWord: SecondWordGroups | undefined;
}

/**
 * Phrases sharing a first word, grouped by the lowercase hash of their second word: `groups[n]` continues with a
 * word of hash `hashes[n]`. A first word starts a handful of phrases, so a scan of this short array finds the group
 * in less time than a Map lookup, which cost a tenth of a Markdown scan.
 */
export interface SecondWordGroups {
  readonly hashes: Int32Array;
  readonly groups: readonly (readonly PhraseEntry[])[];
}

/** The phrases of `groups` whose second word hashes to `hash`, longest first, if any. */
export function phrasesWithSecondWord(groups: SecondWordGroups, hash: number): readonly PhraseEntry[] | undefined {
  const hashes = groups.hashes;
  for (let n = 0; n < hashes.length; n++) if (hashes[n] === hash) return groups.groups[n];
  return undefined;
}

/** The bit of the prefilter a hash falls on. */
export function filterSlot(hash: number): number {
  return (hash ^ (hash >>> 16)) & 0xffff;
}

export interface TermIndex {
  /** Case-sensitive whole-word forms that match anywhere: identifiers with `_`, abbreviations, CamelCase names. */
  readonly exactAnywhere: ReadonlyMap<string, FormTarget>;
  /** Case-sensitive single-word identifiers (`labels`, `token`): only in marked positions. */
  readonly exactRestricted: ReadonlyMap<string, FormTarget>;
  /** Fold keys of single dictionary words (`pipeline`, `tokens`): only in marked positions. */
  readonly wordRestricted: ReadonlyMap<string, FormTarget>;
  /** Phrases by the fold key of their first word, longest first. */
  readonly phrases: ReadonlyMap<string, readonly PhraseEntry[]>;
  /** Identifiers with `_`, for the longest whole-segment match inside a longer identifier. */
  readonly compoundIdentifiers: ReadonlyMap<string, FormTarget>;
  /** Raw hashes of the first segment of every compound identifier. */
  readonly compoundFirstSegmentHashes: ReadonlySet<number>;
  readonly maxCompoundSegments: number;
  /** Every ASCII key of the maps above (phrases by first word) by its hash. */
  readonly hashedForms: ReadonlyMap<number, readonly HashedForm[]>;
  /**
   * The same forms by filterSlot of their hash: the scanner's lookup for each candidate word, an array read where a Map
   * lookup cost a tenth of a Markdown scan. Undefined where no key hashes.
   */
  readonly formsBySlot: readonly (readonly HashedForm[] | undefined)[];
  /**
   * One byte per filterSlot: non-zero when some key hashes there. Most words of a document are not terms, and this
   * answers for them without a Map lookup.
   */
  readonly hashFilter: Uint8Array;
  /** Term ids by lowercase anchor, for `glossary#anchor` links. */
  readonly anchors: ReadonlyMap<string, string>;
  /** Forms starting with Han or kana, by the first code unit of their key, longest first. */
  readonly cjkForms: ReadonlyMap<number, readonly CjkForm[]>;
  /** One byte per code unit: non-zero when some CJK form starts with it. */
  readonly cjkFirstUnits: Uint8Array;
  /** One byte per code unit: non-zero when some key of exactAnywhere (phrases) starts with it; see the scanner's affixedAt. */
  readonly exactFirstUnits: Uint8Array;
  /** Raw hashes of the keys of `phrases` and `wordRestricted`, for the scanner's path for Arabic words. */
  readonly foldedKeyHashes: ReadonlySet<number>;
  /** Restricted forms match in any position, not only in marked ones (the terminology check's index). */
  readonly singleWordsAnywhere: boolean;
  /**
   * The words a match may continue past into the next word: the fold keys of every phrase word but the last, and
   * every run of ASCII letters and digits inside a CJK form (which may hold spaces). findTermAt starts its scan after
   * an ASCII word that is none of these (window.ts), so the set must hold every such word of this index.
   */
  readonly continuedWords: ReadonlySet<string>;
}

/** Gaps a phrase may have between its words: spaces, or a single hyphen (`self-attention`, `self attention`). */
const phraseGap = /^(?:[ \t\u00a0]+|[-\u2010\u2011])$/;

const customAnchor = /\[\[[^\]]*\]\]\s*$/;

/**
 * A single word is distinctive, and matched anywhere like an abbreviation, when it is written with a capital letter
 * after its first character or with a digit (`DataParallel`, `seq2seq`): such spellings are names, not
 * dictionary words, so they cannot be the noise that plain words like `token` or `head` are.
 */
function isDistinctiveWord(word: string): boolean {
  return /^.+[A-Z0-9]/.test(word) && /[A-Za-z]/.test(word);
}

/**
 * Names that look like an inflection of a single-word term but name something else. `transformers` is the
 * library's own name (`import transformers`, `` `transformers` `` in install instructions, `getLogger("transformers")`),
 * never a plural of the `transformer` architecture, so it is kept out of the single-word forms.
 */
const RESERVED_NAMES = new Set(['transformers']);

/**
 * Whether a term names a concept that English writes as a single dictionary word (`token`, `model`, `tokenizer`):
 * its translations are as common in running text as the English word, so in Japanese and Chinese they follow the
 * short-form rule whatever their length.
 */
function isSingleWordConcept(term: Term): boolean {
  const english = term.titles['en'];
  if (english === undefined) return false;
  const words = splitWords(trailingParenthetical(english)?.base || english);
  return words.length === 1 && !isDistinctiveWord(words[0]!.text);
}

function groupBySecondWord(entries: readonly PhraseEntry[] | undefined): SecondWordGroups | undefined {
  if (entries === undefined) return undefined;
  const groups = new Map<number, PhraseEntry[]>();
  // Entries arrive longest first; pushing in order keeps every group longest first too.
  for (const entry of entries) {
    const second = entry.rest[0];
    if (second === undefined || !isAscii(second)) continue;
    const hash = hashOf(second, true);
    const group = groups.get(hash);
    if (group) group.push(entry);
    else groups.set(hash, [entry]);
  }
  return { hashes: Int32Array.from(groups.keys()), groups: [...groups.values()] };
}

/**
 * Whether the index takes a surface form or term id at all. The compiler never writes longer ones; a term map from
 * elsewhere may, and the bound is what keeps every match, and so findTermAt's window, within MAX_MATCH_LENGTH.
 */
function isWithinFormLimit(form: string): boolean {
  return typeof form === 'string' && form.length <= MAX_SURFACE_FORM_LENGTH;
}

export interface IndexOptions {
  /** Term ids or surface forms (compared case-insensitively) that must never match. */
  readonly ignoredTerms?: readonly string[];
  /** Single dictionary words match in any position (see TermMatcherOptions). */
  readonly singleWordsAnywhere?: boolean;
}

export function buildTermIndex(termMap: TermMap, options: IndexOptions = {}): TermIndex {
  const ignored = new Set((options.ignoredTerms ?? []).map((form) => form.trim().toLowerCase()));
  const isIgnored = (form: string): boolean => ignored.has(form.trim().toLowerCase());
  // An ignored phrase is also ignored in its other spellings: `attention mask` takes `Attention-Masks` with it.
  const ignoredPhraseKeys = new Set<string>();
  for (const form of options.ignoredTerms ?? []) {
    const keys = splitWords(form).map((word) => foldKey(word.text));
    const last = keys[keys.length - 1];
    if (last === undefined) continue;
    ignoredPhraseKeys.add(keys.join(' '));
    for (const variant of [pluralOf(last), singularOf(last)]) {
      if (variant !== undefined) ignoredPhraseKeys.add([...keys.slice(0, -1), variant].join(' '));
    }
  }

  const exactAnywhere = new Map<string, FormTarget>();
  const exactRestricted = new Map<string, FormTarget>();
  const wordRestricted = new Map<string, FormTarget>();
  const phraseLists = new Map<string, PhraseEntry[]>();
  const phraseKeys = new Set<string>();
  const compoundIdentifiers = new Map<string, FormTarget>();
  const anchors = new Map<string, string>();
  const cjkLists = new Map<number, CjkForm[]>();
  const cjkKeys = new Set<string>();
  let maxCompoundSegments = 0;

  // Earlier registrations win, so that a form claimed by two terms resolves the same way on every run: terms are
  // visited in id order, and within a term identifiers and abbreviations come before titles and aliases.
  const setFirst = <V>(map: Map<string, V>, key: string, value: V): void => {
    if (!map.has(key)) map.set(key, value);
  };

  const addPhraseWords = (termId: string, words: readonly string[]): void => {
    const [first, ...rest] = words;
    if (first === undefined || rest.length === 0) return;
    const joined = words.join(' ');
    if (phraseKeys.has(joined) || ignoredPhraseKeys.has(joined)) return;
    phraseKeys.add(joined);
    let list = phraseLists.get(first);
    if (!list) {
      list = [];
      phraseLists.set(first, list);
    }
    list.push({ termId, target: { termId, via: 'phrase' }, canonical: joined, rest });
  };

  const addSurfaceForm = (term: Term, form: string, depth = 0): void => {
    if (!isWithinFormLimit(form)) return;
    const cleaned = form.replace(customAnchor, '').trim();
    if (cleaned === '' || isIgnored(cleaned)) return;
    const parenthetical = trailingParenthetical(cleaned);
    if (parenthetical && depth === 0) {
      const { base: outside, inner: inside } = parenthetical;
      addSurfaceForm(term, outside, depth + 1);
      // Korean headings put the English name, sometimes with the abbreviation, inside the parentheses.
      for (const part of inside.split(/[,，、]/)) addSurfaceForm(term, part, depth + 1);
      return;
    }
    const cjk = cjkFormOf(term.id, cleaned, isSingleWordConcept(term));
    if (cjk !== undefined) {
      if (cjkKeys.has(cjk.key)) return;
      cjkKeys.add(cjk.key);
      const first = cjk.key.charCodeAt(0);
      const list = cjkLists.get(first);
      if (list) list.push(cjk);
      else cjkLists.set(first, [cjk]);
      return;
    }
    const words = splitWords(cleaned);
    if (words.length === 0) return;
    if (words.slice(1).some((word) => !phraseGap.test(word.gapBefore))) return;
    if (words.length === 1) {
      const word = words[0]!.text;
      if (isDistinctiveWord(word)) {
        setFirst(exactAnywhere, word, {
          termId: term.id,
          via: depth > 0 && /^[A-Z0-9]+$/.test(word) ? 'abbreviation' : 'phrase',
        });
      } else if (!RESERVED_NAMES.has(foldKey(word)) && !ignoredPhraseKeys.has(foldKey(word))) {
        setFirst(wordRestricted, foldKey(word), { termId: term.id, via: 'phrase' });
      }
      return;
    }
    const keys = words.map((word) => foldKey(word.text));
    addPhraseWords(term.id, keys);
    const last = keys[keys.length - 1]!;
    for (const variant of [pluralOf(last), singularOf(last)]) {
      if (variant !== undefined) addPhraseWords(term.id, [...keys.slice(0, -1), variant]);
    }
  };

  const terms = [...termMap.terms].sort((a, b) => compareIds(a.id, b.id));
  for (const term of terms) {
    if (isIgnored(term.id)) continue;
    if (isWithinFormLimit(term.id)) setFirst(anchors, term.id.toLowerCase(), term.id);

    for (const identifier of term.identifiers) {
      if (!isWithinFormLimit(identifier) || isIgnored(identifier)) continue;
      if (!isIdentifierWord(identifier)) {
        addSurfaceForm(term, identifier);
        continue;
      }
      const segments = identifier.split('_').filter((segment) => segment !== '');
      if (segments.length >= 2) {
        const target: FormTarget = { termId: term.id, via: 'identifier' };
        setFirst(exactAnywhere, identifier, target);
        setFirst(compoundIdentifiers, identifier, target);
        maxCompoundSegments = Math.max(maxCompoundSegments, identifier.split('_').length);
        if (!isIgnored(segments.join(' '))) {
          addPhraseWords(
            term.id,
            segments.map((segment) => segment.toLowerCase()),
          );
        }
      } else if (isDistinctiveWord(identifier)) {
        setFirst(exactAnywhere, identifier, { termId: term.id, via: 'identifier' });
      } else if (!RESERVED_NAMES.has(identifier.toLowerCase())) {
        setFirst(exactRestricted, identifier, { termId: term.id, via: 'identifier' });
      }
    }
    for (const abbreviation of term.abbreviations) {
      if (!isWithinFormLimit(abbreviation) || isIgnored(abbreviation)) continue;
      const words = splitWords(abbreviation);
      if (words.length === 1) setFirst(exactAnywhere, words[0]!.text, { termId: term.id, via: 'abbreviation' });
      else if (words.length > 1) addSurfaceForm(term, abbreviation);
    }
    const forms = new Set<string>();
    for (const title of Object.values(term.titles)) forms.add(title);
    for (const alias of term.aliases) forms.add(alias);
    for (const entry of Object.values(term.entries)) {
      forms.add(entry.title);
      for (const alias of entry.aliases) forms.add(alias);
    }
    for (const form of forms) addSurfaceForm(term, form);
  }

  const phrases = new Map<string, readonly PhraseEntry[]>();
  for (const [first, list] of phraseLists) {
    phrases.set(
      first,
      [...list].sort((a, b) => b.rest.length - a.rest.length),
    );
  }

  const hashedForms = new Map<number, HashedForm[]>();
  const hashFilter = new Uint8Array(0x10000);
  // Filled with undefined rather than left holey, so that V8 keeps it a packed array.
  const formsBySlot = new Array<HashedForm[] | undefined>(0x10000).fill(undefined);
  const keys = new Set([
    ...exactAnywhere.keys(),
    ...exactRestricted.keys(),
    ...wordRestricted.keys(),
    ...phrases.keys(),
  ]);
  for (const key of keys) {
    if (!isAscii(key)) continue;
    const hasUpper = /[A-Z]/.test(key);
    const hash = hashOf(key, false);
    const form: HashedForm = {
      key,
      hash,
      hasUpper,
      exact: exactAnywhere.get(key),
      restricted: exactRestricted.get(key),
      // Case-insensitive tables hold lowercase keys only, so a key with capitals never carries these.
      restrictedWord: hasUpper ? undefined : wordRestricted.get(key),
      phrases: hasUpper ? undefined : phrases.get(key),
      phrasesBySecondWord: hasUpper ? undefined : groupBySecondWord(phrases.get(key)),
    };
    const list = hashedForms.get(hash);
    if (list) list.push(form);
    else hashedForms.set(hash, [form]);
    hashFilter[filterSlot(hash)] = 1;
    const slot = formsBySlot[filterSlot(hash)];
    if (slot) slot.push(form);
    else formsBySlot[filterSlot(hash)] = [form];
  }
  const compoundFirstSegmentHashes = new Set<number>();
  for (const identifier of compoundIdentifiers.keys()) {
    const firstSegment = identifier.split('_').find((segment) => segment !== '');
    if (firstSegment !== undefined) compoundFirstSegmentHashes.add(hashOf(firstSegment, false));
  }

  const cjkForms = new Map<number, readonly CjkForm[]>();
  const cjkFirstUnits = new Uint8Array(0x10000);
  for (const [first, list] of cjkLists) {
    cjkForms.set(
      first,
      [...list].sort((a, b) => b.key.length - a.key.length),
    );
    cjkFirstUnits[first] = 1;
  }

  const exactFirstUnits = new Uint8Array(0x10000);
  for (const key of exactAnywhere.keys()) exactFirstUnits[key.charCodeAt(0)] = 1;
  const foldedKeyHashes = new Set<number>();
  for (const key of [...phrases.keys(), ...wordRestricted.keys()]) foldedKeyHashes.add(hashOf(key, false));

  const continuedWords = new Set<string>();
  for (const [first, list] of phrases) {
    continuedWords.add(first);
    for (const entry of list) for (let n = 0; n < entry.rest.length - 1; n++) continuedWords.add(entry.rest[n]!);
  }
  // A CJK form is compared unit by unit and may run over spaces and Latin words (`エンコーダ decoder model`).
  for (const list of cjkForms.values()) {
    for (const form of list) {
      for (const run of form.key.toLowerCase().split(/[^a-z0-9]+/)) if (run !== '') continuedWords.add(run);
    }
  }

  return {
    exactAnywhere,
    exactRestricted,
    wordRestricted,
    phrases,
    compoundIdentifiers,
    compoundFirstSegmentHashes,
    maxCompoundSegments,
    hashedForms,
    formsBySlot,
    hashFilter,
    anchors,
    cjkForms,
    cjkFirstUnits,
    exactFirstUnits,
    foldedKeyHashes,
    singleWordsAnywhere: options.singleWordsAnywhere === true,
    continuedWords,
  };
}
