/**
 * A small in-memory glossary for the panel's unit tests: the parts of GlossaryService the panel reads, with the
 * same fallback rule as the real service (requested locale, then English, then any locale the term has).
 */
import type { Locale, Term, TermEntry, TermMap } from '../../../src/glossary/types';
import type { PanelGlossary } from '../../../src/panel/panelView';

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

export function term(id: string, entries: Record<Locale, TermEntry>, extra: Partial<Pick<Term, 'identifiers' | 'abbreviations'>> = {}): Term {
  const titles: Record<Locale, string> = {};
  for (const [locale, e] of Object.entries(entries)) titles[locale] = e.title;
  return { id, titles, entries, aliases: [], identifiers: extra.identifiers ?? [], abbreviations: extra.abbreviations ?? [] };
}

export class FakeGlossary implements PanelGlossary {
  displayLocaleValue: Locale = 'en';
  docsVersion = 'main';
  private map: TermMap;

  constructor(terms: Term[], locales: Locale[] = ['en', 'es', 'ja']) {
    this.map = { schemaVersion: 1, locales, terms };
  }

  termMap(): TermMap {
    return this.map;
  }

  term(id: string): Term | undefined {
    return this.map.terms.find((t) => t.id === id);
  }

  displayLocale(): Locale {
    return this.displayLocaleValue;
  }

  entryFor(t: Term, locale: Locale = this.displayLocale()): { locale: Locale; entry: TermEntry; isFallback: boolean } {
    for (const candidate of [locale, 'en', ...Object.keys(t.entries)]) {
      const found = t.entries[candidate];
      if (found) return { locale: candidate, entry: found, isFallback: candidate !== locale };
    }
    throw new Error(`term ${t.id} has no entries`);
  }

  docsUrl(url: string): string {
    return url.replace('/docs/transformers/', `/docs/transformers/${this.docsVersion}/`);
  }

  glossaryUrl(termId: string, locale: Locale): string {
    return `https://huggingface.co/docs/transformers/${this.docsVersion}/${locale}/glossary#${termId}`;
  }
}
