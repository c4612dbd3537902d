/**
 * The Terms view's structure, computed without VS Code: terms grouped by the letter their title starts with in the
 * display locale, letters and terms sorted the way a reader of that locale expects.
 */
import { compareIds, type Locale } from '../glossary';
import type { GlossarySnapshot } from '../service/snapshot';

export interface SectionTerm {
  readonly termId: string;
  readonly title: string;
  readonly summary: string;
  /** The locale the title and summary are in (differs from the display locale for a fallback entry). */
  readonly locale: Locale;
}

export interface TermSection {
  readonly letter: string;
  readonly terms: readonly SectionTerm[];
}

const firstLetterOrDigit = /[\p{L}\p{N}]/u;
const combiningMarks = /\p{M}+/gu;

/**
 * The section letter of a title: its first letter without diacritics, upper-cased for the locale (`épocas` → `E`),
 * `#` for titles that start with a digit, and the entry's own `## X` section when the title has no letter at all.
 */
export function sectionLetter(title: string, locale: Locale, fallbackSection: string): string {
  const found = firstLetterOrDigit.exec(title.normalize('NFD'));
  if (!found) return fallbackSection.trim() || '#';
  const char = found[0];
  if (/\p{N}/u.test(char)) return '#';
  return char.replace(combiningMarks, '').toLocaleUpperCase(locale);
}

/** Every term in a section of its display-locale title; sections and terms sorted with Intl.Collator for that locale. */
export function groupTermsBySection(glossary: GlossarySnapshot): TermSection[] {
  const locale = glossary.displayLocale;
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const sections = new Map<string, SectionTerm[]>();
  for (const term of glossary.termMap.terms) {
    const chosen = glossary.entryFor(term, locale);
    const letter = sectionLetter(chosen.entry.title, locale, chosen.entry.section);
    const list = sections.get(letter) ?? [];
    list.push({ termId: term.id, title: chosen.entry.title, summary: chosen.entry.summary, locale: chosen.locale });
    sections.set(letter, list);
  }
  return [...sections.entries()]
    .sort(([a], [b]) => (a === '#' ? -1 : b === '#' ? 1 : collator.compare(a, b)))
    .map(([letter, terms]) => ({
      letter,
      terms: terms.sort((a, b) => collator.compare(a.title, b.title) || compareIds(a.termId, b.termId)),
    }));
}
