/**
 * Decides what the entry panel shows for the current history entry: which locale's entry, its sanitized body,
 * its links, the locale switcher and the fallback note. Pure apart from the GlossaryService it reads (no `vscode`
 * import), so that unit tests can drive it with a fake glossary.
 */
import { classifyHref, parseHttpUrl, renderEntryHtml } from '../glossary/render';
import type { LinkTarget } from '../glossary/render';
import { ownEntry, ownTitle } from '../glossary/termAccess';
import type { GlossaryService } from '../state/types';
import type { NavigationHistory } from './history';
import { SafeHtml } from './html';
import { languageName } from './localeNames';
import type { LinkItem, PanelState, PanelView } from './panelHtml';

/** The part of the glossary service the panel reads. */
export type PanelGlossary = Pick<GlossaryService, 'term' | 'termMap' | 'displayLocale' | 'entryFor' | 'docsUrl' | 'glossaryUrl'>;

export interface ViewContext {
  /** VS Code's display language: the language of the note's language names. */
  readonly uiLanguage: string;
  /** The localized message for a term the glossary does not have (any more). */
  readonly notFound: (termId: string) => string;
  /** The localized note for an entry shown in another locale than the requested one; arguments are language names. */
  readonly fallbackNote: (requestedLanguage: string, shownLanguage: string) => string;
}

export interface BuiltView {
  readonly view: PanelView;
  /** Every http(s) URL the view links to; the host opens no other URL for this render. */
  readonly openableUrls: Set<string>;
  /** What is shown, when a term is shown. */
  readonly shown: { readonly locale: string; readonly isFallback: boolean; readonly title: string } | undefined;
}

/** Where the glossary lives when a term's own link cannot be built. */
const HUB_FALLBACK = 'https://huggingface.co/docs/transformers';

export function buildPanelView(glossary: PanelGlossary, history: NavigationHistory, context: ViewContext): BuiltView {
  const current = history.current;
  if (current === undefined) throw new Error('the entry panel has nothing to show: its history is empty');
  const state: PanelState = { termId: current.termId, locale: current.locale, history: history.toJSON() };
  const navigation = { canGoBack: history.canGoBack, canGoForward: history.canGoForward };
  const term = glossary.term(current.termId);
  if (term === undefined) {
    // The term disappeared (a custom glossary was edited or removed) while the panel showed it.
    return {
      view: { kind: 'message', title: current.termId, message: context.notFound(current.termId), state, ...navigation },
      openableUrls: new Set(),
      shown: undefined,
    };
  }

  const requested = current.locale ?? glossary.displayLocale();
  const { locale, entry, isFallback } = glossary.entryFor(term, requested);
  const openableUrls = new Set<string>();
  const linkTarget = (href: string): LinkTarget => {
    const target = classifyHref(href);
    if (target.kind === 'term') {
      // A reference to a term the glossary lacks would lead nowhere: it stays plain text.
      return target.termId !== undefined && glossary.term(target.termId) !== undefined ? target : { kind: 'unsafe', href: '' };
    }
    if (target.kind === 'external') {
      const url = parseHttpUrl(glossary.docsUrl(target.href));
      if (url === undefined) return { kind: 'unsafe', href: '' };
      openableUrls.add(url);
      return { kind: 'external', href: url };
    }
    return target;
  };
  const body = SafeHtml.trust(renderEntryHtml(entry.markdown, { linkTarget }));

  const hubUrl = parseHttpUrl(glossary.glossaryUrl(term.id, locale)) ?? HUB_FALLBACK;
  openableUrls.add(hubUrl);
  const videos: LinkItem[] = [];
  for (const link of entry.links) {
    if (link.kind !== 'video') continue;
    const url = parseHttpUrl(link.url);
    if (url === undefined || videos.some((video) => video.url === url)) continue;
    openableUrls.add(url);
    videos.push({ text: link.text.trim() === '' ? url : link.text, url });
  }

  const title = ownTitle(term, locale) ?? entry.title;
  return {
    view: {
      kind: 'entry',
      termId: term.id,
      title,
      locale,
      identifiers: term.identifiers,
      abbreviations: term.abbreviations,
      body,
      fallbackNote: isFallback
        ? context.fallbackNote(languageName(requested, context.uiLanguage), languageName(locale, context.uiLanguage))
        : undefined,
      hubUrl,
      videos,
      locales: glossary
        .termMap()
        .locales.filter((l) => ownEntry(term, l) !== undefined)
        .map((l) => ({ locale: l, label: languageName(l) })),
      ...navigation,
      state,
    },
    openableUrls,
    shown: { locale, isFallback, title },
  };
}
