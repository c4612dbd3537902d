/**
 * Translation quality signals, defined together: a machine-translation prompt or reply left in an entry's text, an
 * entry that copies English paragraphs, and an entry much shorter than its English counterpart. The normalizer
 * records each entry's paragraphs and prose weight; the compiler compares the locales of a term once all are read.
 */
import { diagnosticAt } from './diagnostics';
import type { ParsedEntry } from './parse';
import { SOURCE_LOCALE, type Diagnostic, type Locale } from './types';

const LEAKED_PROMPT_START = /^(?:translate|traduce|traduzca|traduire|traduis|traduza|tradurre|traduci|übersetze|翻訳して|翻訳し|번역해|번역하|ترجم)\b/iu;
const PROMPT_ADDRESS = /:|\b(?:following|siguiente|suivant|folgenden|seguinte|seguente)\b/i;
const LEAKED_PROMPT_ANYWHERE =
  /\b(?:as an AI\b|as a language model|I am an AI|here is the translation|here's the translation|como (?:un )?modelo de lenguaje|aquí (?:está|tienes) la traducción|en tant qu'IA)/i;

/** The first line of a paragraph's plain text that looks like a leaked prompt or reply, with its 0-based index. */
export function findLeakedPrompt(plain: string): { line: string; index: number } | undefined {
  const lines = plain.split('\n');
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k]!.trim();
    // A definition may well start with "Translate…"; a prompt addresses the translator ("…the following…:").
    const promptStart = LEAKED_PROMPT_START.test(line) && PROMPT_ADDRESS.test(line);
    if (promptStart || LEAKED_PROMPT_ANYWHERE.test(line)) return { line, index: k };
  }
  return undefined;
}

/** Scripts written without spaces or with dense syllable blocks carry more meaning per character than English. */
const DENSE_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
const WHITESPACE = /\s+/g;
const BEYOND_LATIN_AND_NEIGHBOURS = /[\u1100-\uffff]/;

/** Length of prose, weighted so that dense scripts compare fairly with English. */
export function weightedLength(text: string): number {
  // Only text with characters from U+1100 up can hold a dense script; English prose skips the Unicode pattern.
  const dense = BEYOND_LATIN_AND_NEIGHBOURS.test(text) ? (text.match(DENSE_SCRIPT)?.length ?? 0) : 0;
  return text.replace(WHITESPACE, '').length + 1.5 * dense;
}

/** What the checks read of a term: per locale, its normalized paragraphs and prose weight, and where its entry is. */
export interface TranslatedTerm {
  readonly normalized: ReadonlyMap<Locale, { readonly paragraphs: readonly string[]; readonly proseWeight: number }>;
  readonly firstEntry: ReadonlyMap<Locale, ParsedEntry>;
}

/** Translation defects that are cheap to see by comparing an entry with its English counterpart. */
export function checkTranslation(builder: TranslatedTerm, diagnostics: Diagnostic[]): void {
  const english = builder.normalized.get(SOURCE_LOCALE);
  if (!english) return;
  const englishParagraphs = new Set(english.paragraphs.filter(isProse));
  for (const [locale, normalized] of builder.normalized) {
    if (locale === SOURCE_LOCALE) continue;
    const entry = builder.firstEntry.get(locale)!;
    const prose = normalized.paragraphs.filter(isProse);
    const copied = prose.filter((p) => englishParagraphs.has(p));
    if (prose.length > 0 && copied.length === prose.length) {
      diagnostics.push(diagnosticAt('warning', 'untranslated', `entry "${entry.title}" (${locale}) is the English text, untranslated`, entry.file, entry.line, entry.column));
    } else if (copied.length > 0) {
      diagnostics.push(
        diagnosticAt('warning', 'untranslated', `entry "${entry.title}" (${locale}) keeps an English paragraph untranslated: "${copied[0]!.slice(0, 60)}…"`, entry.file, entry.line, entry.column),
      );
    }
    if (english.proseWeight >= 150 && normalized.proseWeight < english.proseWeight * 0.4) {
      diagnostics.push(
        diagnosticAt(
          'warning',
          'possibly-truncated',
          `entry "${entry.title}" (${locale}) is much shorter than its English counterpart (${Math.round((100 * normalized.proseWeight) / english.proseWeight)}% of its text); truncated?`,
          entry.file,
          entry.line,
          entry.column,
        ),
      );
    }
  }
}

/** A paragraph long enough, and wordy enough, that finding it word for word in two languages means it was copied. */
function isProse(paragraph: string): boolean {
  return paragraph.length >= 40 && paragraph.split(' ').length >= 6;
}
