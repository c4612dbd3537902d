/**
 * Japanese and Chinese forms: which glossary forms are matched as running text without spaces, and where one
 * matches. docs/matching.md ("Japanese and Chinese") gives the rules and the reasons; the index builds the forms with
 * cjkFormOf, the scanner asks cjkFormAt at every Han or kana character.
 */
import type { FormTarget } from './termIndex';
import { CLASS_HAN, CLASS_KATAKANA, CLASS_MARK, CLASS_NONE, CLASS_SPACED, classAt, isSpace } from './chars';
import { foldKey } from './words';
import { MAX_MATCH_LENGTH } from './window';

/**
 * A form that starts with a Han or kana character (`注意力掩码`, `アテンションマスク`, `自己注意力`). Japanese and
 * Chinese write words without spaces, so such a form is found inside running text, by its whole folded spelling.
 */
export interface CjkForm {
  /** The folded form (foldKey), compared with the text in place, ASCII letters case-insensitively. */
  readonly key: string;
  readonly target: FormTarget;
  /**
   * The short-form rule (docs/matching.md): the form matches only when set off from Japanese and Chinese text on both
   * sides, because it is a common word in running text (`令牌`, `模型`, `トークン`).
   */
  readonly setOff: boolean;
  /** A form that starts (ends) with katakana does not start (end) inside a longer katakana word. */
  readonly katakanaStart: boolean;
  readonly katakanaEnd: boolean;
  /** A form that ends with a Latin letter or digit does not end inside a longer Latin word (`输入ID` in `输入IDs`). */
  readonly spacedEnd: boolean;
}

/** Whether a character class is Han, hiragana or katakana: the scripts written without spaces. */
export function isCjkClass(cls: number): boolean {
  return cls >= CLASS_HAN && cls <= CLASS_KATAKANA;
}

/**
 * The longest a CJK form may be, in characters (code points, not counting spaces), and still be too common to match
 * in running text.
 */
const SHORT_CJK_FORM = 2;

/**
 * The CJK form for `form` of term `termId`, or undefined when it is not one or cannot be matched as one (see CjkForm).
 * `singleWordConcept`: the term names a concept English writes as one dictionary word (the index decides).
 */
export function cjkFormOf(termId: string, form: string, singleWordConcept: boolean): CjkForm | undefined {
  if (!isCjkClass(classAt(form, 0))) return undefined;
  const key = foldKey(form);
  if (key.length === 0 || key.length > MAX_MATCH_LENGTH) return undefined;
  let characters = 0;
  for (let i = 0; i < key.length; i++) {
    const cls = classAt(key, i);
    // Punctuation inside a form would let findTermAt start its scan inside a match (window.ts): such forms are left out.
    if (cls === CLASS_NONE && !isSpace(key.charCodeAt(i))) return undefined;
    const c = key.charCodeAt(i);
    if (!isSpace(c) && !(c >= 0xdc00 && c <= 0xdfff) && cls !== CLASS_MARK) characters++;
  }
  const last = key.length - 1;
  const lastClass = classAt(key, last);
  return {
    key,
    target: { termId, via: 'phrase' },
    setOff: characters <= SHORT_CJK_FORM || singleWordConcept,
    katakanaStart: classAt(key, 0) === CLASS_KATAKANA,
    katakanaEnd: lastClass === CLASS_KATAKANA,
    spacedEnd: !isCjkClass(lastClass) && lastClass !== CLASS_NONE,
  };
}

/**
 * The longest CJK form starting at `at` (a Han or kana character) that the rules of CjkForm allow there. The text
 * was folded beforehand, so the forms are compared unit by unit, ASCII letters lowercased. `shortFormsAnywhere` lifts
 * the short-form rule, as the index's singleWordsAnywhere lifts the single-word rule (the terminology check).
 */
export function cjkFormAt(
  cjkForms: ReadonlyMap<number, readonly CjkForm[]>,
  text: string,
  at: number,
  to: number,
  shortFormsAnywhere = false,
): CjkForm | undefined {
  const forms = cjkForms.get(text.charCodeAt(at));
  if (forms === undefined) return undefined;
  for (const form of forms) {
    const key = form.key;
    const end = at + key.length;
    if (end > to) continue;
    let same = true;
    for (let k = 1; k < key.length; k++) {
      let unit = text.charCodeAt(at + k);
      if (unit >= 0x41 && unit <= 0x5a) unit |= 0x20;
      if (unit !== key.charCodeAt(k)) {
        same = false;
        break;
      }
    }
    if (!same) continue;
    const after = end < text.length ? classAt(text, end) : CLASS_NONE;
    // A mark after the form belongs to its last character: never split a combining sequence.
    if (after === CLASS_MARK) continue;
    const before = at > 0 ? classAt(text, at - 1) : CLASS_NONE;
    if (form.katakanaStart && before === CLASS_KATAKANA) continue;
    if (form.katakanaEnd && after === CLASS_KATAKANA) continue;
    if (form.spacedEnd && after === CLASS_SPACED) continue;
    if (form.setOff && !shortFormsAnywhere && (isCjkClass(before) || isCjkClass(after))) continue;
    return form;
  }
  return undefined;
}
