/**
 * `lookup`: printing a term's entry for a terminal. Which term a query names is the core's rule (`findTerm` and
 * `suggestTerms` in src/terminology/lookup.ts).
 */
import { chooseEntry, termPageUrl, type Locale, type Term } from '../glossary';

/** The title of a term in `locale`, or of the entry that stands in for it (the one fallback rule, chooseEntry). */
export function titleIn(term: Term, locale: Locale): string {
  return chooseEntry(term, locale).entry.title;
}

function plainParagraph(markdown: string): string {
  return (
    markdown
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/[`*]/g, '')
      // `_emphasis_`, but not the underscores inside identifiers such as `batch_size`.
      .replace(/(^|[^\p{L}\p{N}_])_([^_]+)_(?=[^\p{L}\p{N}_]|$)/gu, '$1$2')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/**
 * The entry as a terminal shows it: title and id, the names it matches, the summary, the rest of the body as
 * Markdown, and the huggingface.co page. When the term has no entry in `locale`, the English one is shown with a
 * note saying so.
 */
export function formatEntry(term: Term, locale: Locale): string {
  const { locale: shownLocale, entry } = chooseEntry(term, locale);
  const lines: string[] = [];
  lines.push(`${entry.title}  (${term.id})`);
  if (shownLocale !== locale) lines.push(`No '${locale}' entry; showing '${shownLocale}'.`);
  if (term.identifiers.length > 0) lines.push(`Identifiers: ${term.identifiers.join(', ')}`);
  if (term.abbreviations.length > 0) lines.push(`Abbreviations: ${term.abbreviations.join(', ')}`);
  const otherTitles = Object.entries(term.titles).filter(([titleLocale]) => titleLocale !== shownLocale);
  if (otherTitles.length > 0) {
    lines.push(`Other languages: ${otherTitles.map(([titleLocale, title]) => `${titleLocale}: ${title}`).join('; ')}`);
  }
  lines.push('');
  lines.push(entry.summary);
  // The summary is the body's first paragraph as plain text; print the body after it without repeating it.
  const blocks = entry.markdown.trim().split(/\n[ \t]*\n/);
  const firstParagraph = blocks.findIndex((block) => plainParagraph(block) === entry.summary);
  const rest =
    firstParagraph === -1 ? blocks : [...blocks.slice(0, firstParagraph), ...blocks.slice(firstParagraph + 1)];
  if (rest.length > 0 && rest.join('').trim() !== '') {
    lines.push('');
    lines.push(rest.join('\n\n'));
  }
  const hubUrl = termPageUrl(term, shownLocale);
  if (hubUrl !== undefined) lines.push('', hubUrl);
  return `${lines.join('\n')}\n`;
}
