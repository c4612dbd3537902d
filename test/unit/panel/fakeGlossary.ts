/**
 * A small in-memory glossary for the panel's unit tests: the parts of GlossaryService the panel reads, with the
 * same fallback rule as the real service (requested locale, then English, then any locale the term has).
 */
import type { Locale, Term, TermEntry, TermMap } from '../../../src/glossary';
import { createSnapshot, type GlossarySnapshot } from '../../../src/service/snapshot';

export function entry(title: string, markdown: string, links: TermEntry['links'] = []): TermEntry {
  return {
    title,
    section: title.charAt(0).toUpperCase(),
    aliases: [],
    summary: markdown.split('\n\n')[0] ?? '',
    markdown,
    links,
    source: { file: 'fake.md', line: 1, column: 1 },
  };
}

export function term(
  id: string,
  entries: Record<Locale, TermEntry>,
  extra: Partial<Pick<Term, 'identifiers' | 'abbreviations'>> = {},
): Term {
  const titles: Record<Locale, string> = {};
  for (const [locale, e] of Object.entries(entries)) titles[locale] = e.title;
  return {
    id,
    titles,
    entries,
    aliases: [],
    identifiers: extra.identifiers ?? [],
    abbreviations: extra.abbreviations ?? [],
  };
}

/**
 * A real glossary snapshot over `terms`, with the display locale and docs version a test chooses (the panel reads
 * nothing else of the glossary).
 */
export function glossaryOf(
  terms: Term[],
  options: { locales?: Locale[]; displayLocale?: Locale } = {},
): GlossarySnapshot {
  const termMap: TermMap = { schemaVersion: 1, locales: options.locales ?? ['en', 'es', 'ja'], terms };
  return createSnapshot(termMap, {
    language: options.displayLocale ?? 'en',
    uiLanguage: 'en',
    docsVersion: 'main',
    ignoredTerms: [],
  });
}
