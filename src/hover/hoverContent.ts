/**
 * The hover's content, computed without VS Code: which term stands at a position of a line, and the Markdown that
 * explains it. The adapter in ./index.ts wraps the result in a vscode.Hover; tests and benchmarks call this module
 * in plain Node. Every piece of glossary text goes through escapeMarkdown: a glossary is data, never markup.
 */
import {
  commandUri,
  directionalTextFor,
  encodeLinkDestination,
  escapeMarkdown,
  languageName,
  type Locale,
  type Term,
} from '../glossary';
import { Commands } from '../ids';
import type { MatchContext } from '../matching';
import type { GlossarySnapshot } from '../service/snapshot';

/** The arguments of the open-entry command link. */
interface OpenEntryArgs {
  readonly termId: string;
  readonly locale?: Locale;
}

/** The hover's fixed wording, localized by the caller (the adapter passes vscode.l10n strings). */
export interface HoverStrings {
  readonly openEntry: string;
  readonly openOnHub: string;
  readonly identifiers: string;
  readonly abbreviations: string;
  /** The note shown when the entry is not in the requested locale. */
  fallbackNote(shownLocale: Locale, requestedLocale: Locale): string;
}

/** English wording, for the unit tests and the benchmarks (the extension passes vscode.l10n strings). */
export const englishHoverStrings: HoverStrings = {
  openEntry: 'Open entry',
  openOnHub: 'Open on huggingface.co',
  identifiers: 'Identifiers',
  abbreviations: 'Abbreviation',
  fallbackNote: (shown, requested) =>
    `Shown in ${languageName(shown, 'en', 'mid-sentence')} because this term has no ${languageName(requested, 'en', 'mid-sentence')} entry.`,
};

export interface HoverContent {
  /** UTF-16 offset in the line where the term starts. */
  readonly start: number;
  /** UTF-16 offset one past the term's end. */
  readonly end: number;
  readonly termId: string;
  /** Markdown in which every piece of glossary text is escaped. Trust only Commands.openEntry when rendering it. */
  readonly markdown: string;
}

/** Identifiers that can stand inside a code span as they are; anything else is shown as escaped text. */
const plainIdentifier = /^[\p{L}\p{N}_.-]+$/u;

function formatSurfaceForm(form: string): string {
  return plainIdentifier.test(form) ? `\`${form}\`` : escapeMarkdown(form);
}

/**
 * The hover for the term at `character` in `lineText`, or undefined when there is none. Work is bounded by the
 * line: the caller passes one line, never the document.
 */
export function computeHover(
  lineText: string,
  character: number,
  context: MatchContext,
  glossary: GlossarySnapshot,
  strings: HoverStrings,
  options: HoverOptions = {},
): HoverContent | undefined {
  const found = glossary.termAt(lineText, character, context);
  if (!found) return undefined;
  return {
    start: found.match.start,
    end: found.match.end,
    termId: found.term.id,
    markdown: hoverMarkdown(found.term, glossary, strings, options),
  };
}

/** What the hover may link to besides huggingface.co. */
export interface HoverOptions {
  /**
   * Whether to add the `command:` link that opens the entry panel (default: true). Only VS Code runs that command;
   * the language server leaves it out, since other editors would show it as a dead link.
   */
  readonly openEntryLink?: boolean;
}

/** The hover Markdown of one term in the display locale. */
export function hoverMarkdown(
  term: Term,
  glossary: GlossarySnapshot,
  strings: HoverStrings,
  options: HoverOptions = {},
): string {
  const chosen = glossary.entryFor(term);
  // Hovers are laid out left to right: an Arabic title and summary keep their reading order only inside isolates.
  const blocks: string[] = [`**${escapeMarkdown(directionalTextFor(chosen.entry.title, chosen.locale))}**`];
  if (chosen.entry.summary.trim() !== '') {
    blocks.push(escapeMarkdown(directionalTextFor(chosen.entry.summary, chosen.locale)));
  }

  const facts: string[] = [];
  if (term.identifiers.length > 0) {
    facts.push(`${escapeMarkdown(strings.identifiers)}: ${term.identifiers.map(formatSurfaceForm).join(', ')}`);
  }
  if (term.abbreviations.length > 0) {
    facts.push(`${escapeMarkdown(strings.abbreviations)}: ${term.abbreviations.map(formatSurfaceForm).join(', ')}`);
  }
  if (facts.length > 0) blocks.push(facts.join(' · '));

  if (chosen.isFallback) {
    blocks.push(`*${escapeMarkdown(strings.fallbackNote(chosen.locale, glossary.displayLocale))}*`);
  }

  const args: OpenEntryArgs = { termId: term.id, locale: chosen.locale };
  const links: string[] = [];
  if (options.openEntryLink !== false) {
    links.push(`[${escapeMarkdown(strings.openEntry)}](${commandUri(Commands.openEntry, args)})`);
  }
  const hubUrl = glossary.glossaryUrl(term.id, chosen.locale);
  // A term with no page upstream gets no huggingface.co link rather than one that leads to a 404.
  if (hubUrl !== undefined) links.push(`[${escapeMarkdown(strings.openOnHub)}](${encodeLinkDestination(hubUrl)})`);
  if (links.length > 0) blocks.push(links.join(' · '));
  return blocks.join('\n\n');
}
