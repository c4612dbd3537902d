/**
 * Decides what the entry panel shows for the current history entry: which locale's entry, its sanitized body,
 * its links, the locale switcher and the fallback note. Pure (no `vscode` import): it reads the glossary snapshot
 * it is given, so that unit tests drive it with a snapshot of their own term map.
 */
import {
  classifyHref,
  languageEndonym,
  languageName,
  ownEntry,
  ownTitle,
  parseHttpUrl,
  type LinkTarget,
} from '../glossary';
import type { MarkdownLibrary } from '../markdownLibrary';
import type { GlossarySnapshot } from '../service/snapshot';
import type { NavigationHistory, SerializedHistory } from './history';
import { SafeHtml } from './html';

interface LocaleChoice {
  readonly locale: string;
  /** The language's name in that language ("Español"), so that a reader finds their own. */
  readonly label: string;
}

interface LinkItem {
  readonly text: string;
  readonly url: string;
}

/** What the webview keeps with vscode.setState, so that the serializer can restore the panel after a reload. */
interface PanelState {
  readonly termId: string;
  readonly locale?: string;
  readonly history: SerializedHistory;
}

export interface EntryView {
  readonly kind: 'entry';
  readonly termId: string;
  readonly title: string;
  /** The locale of the entry shown. */
  readonly locale: string;
  readonly identifiers: readonly string[];
  readonly abbreviations: readonly string[];
  readonly body: SafeHtml;
  /** Set when the entry is not in the locale that was asked for. */
  readonly fallbackNote?: string;
  /** Where "Open on huggingface.co" goes; absent when the term has no page upstream. */
  readonly hubUrl?: string;
  readonly videos: readonly LinkItem[];
  /** Every locale the term exists in, in term map order. */
  readonly locales: readonly LocaleChoice[];
  readonly canGoBack: boolean;
  readonly canGoForward: boolean;
  readonly state: PanelState;
}

/** Shown when the panel is asked for (or restored on) a term the glossary no longer has. */
interface MessageView {
  readonly kind: 'message';
  readonly title: string;
  readonly message: string;
  readonly canGoBack: boolean;
  readonly canGoForward: boolean;
  readonly state?: PanelState;
}

export type PanelView = EntryView | MessageView;

export interface ViewContext {
  /** VS Code's display language: the language of the note's language names. */
  readonly uiLanguage: string;
  /** The localized message for a term the glossary does not have (any more). */
  readonly notFound: (termId: string) => string;
  /** The localized note for an entry shown in another locale than the requested one; arguments are language names. */
  readonly fallbackNote: (requestedLanguage: string, shownLanguage: string) => string;
  /**
   * The localized message for an entry that cannot be rendered (nested too deeply, say); `reason` is the renderer's
   * English explanation. Defaults to an English sentence.
   */
  readonly renderFailed?: (title: string, reason: string) => string;
  /** The renderer, from the Markdown library the host loaded on first need (src/markdownLibrary.ts). */
  readonly renderEntry: MarkdownLibrary['renderEntry'];
}

function defaultRenderFailed(title: string, reason: string): string {
  return `The entry "${title}" cannot be shown: ${reason}.`;
}

export interface BuiltView {
  readonly view: PanelView;
  /** Every http(s) URL the view links to; the host opens no other URL for this render. */
  readonly openableUrls: Set<string>;
  /** What is shown, when a term is shown. */
  readonly shown: { readonly locale: string; readonly isFallback: boolean; readonly title: string } | undefined;
}

export function buildPanelView(
  glossary: GlossarySnapshot,
  history: NavigationHistory,
  context: ViewContext,
): BuiltView {
  const current = history.current;
  if (current === undefined) throw new Error('the entry panel has nothing to show: its history is empty');
  // An entry without a chosen locale leaves `locale` out of the state, as parseHistoryEntry reads it back.
  const state: PanelState = {
    termId: current.termId,
    ...(current.locale !== undefined ? { locale: current.locale } : {}),
    history: history.toJSON(),
  };
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

  const requested = current.locale ?? glossary.displayLocale;
  const { locale, entry, isFallback } = glossary.entryFor(term, requested);
  const openableUrls = new Set<string>();
  const linkTarget = (href: string): LinkTarget => {
    const target = classifyHref(href);
    if (target.kind === 'term') {
      // A reference to a term the glossary lacks would lead nowhere: it stays plain text.
      return target.termId !== undefined && glossary.term(target.termId) !== undefined
        ? target
        : { kind: 'unsafe', href: '' };
    }
    if (target.kind === 'external') {
      const url = parseHttpUrl(glossary.docsUrl(target.href));
      if (url === undefined) return { kind: 'unsafe', href: '' };
      openableUrls.add(url);
      return { kind: 'external', href: url };
    }
    return target;
  };
  const rendered = context.renderEntry(entry.markdown, { linkTarget });
  if (!rendered.ok) {
    // An error boundary: the panel shows why instead of failing, and the history entry stays valid, so that Back,
    // Forward and a restore after a reload all work (each shows this message again rather than throwing).
    const shownTitle = ownTitle(term, locale) ?? entry.title;
    return {
      view: {
        kind: 'message',
        title: shownTitle,
        message: (context.renderFailed ?? defaultRenderFailed)(shownTitle, rendered.reason),
        state,
        ...navigation,
      },
      openableUrls: new Set(),
      shown: { locale, isFallback, title: shownTitle },
    };
  }
  const body = SafeHtml.trust(rendered.html);

  const hubTarget = glossary.glossaryUrl(term.id, locale);
  const hubUrl = hubTarget === undefined ? undefined : parseHttpUrl(hubTarget);
  if (hubUrl !== undefined) openableUrls.add(hubUrl);
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
      ...(isFallback
        ? {
            fallbackNote: context.fallbackNote(
              languageName(requested, context.uiLanguage, 'mid-sentence'),
              languageName(locale, context.uiLanguage, 'mid-sentence'),
            ),
          }
        : {}),
      ...(hubUrl === undefined ? {} : { hubUrl }),
      videos,
      locales: glossary.termMap.locales
        .filter((l) => ownEntry(term, l) !== undefined)
        .map((l) => ({ locale: l, label: languageEndonym(l) })),
      ...navigation,
      state,
    },
    openableUrls,
    shown: { locale, isFallback, title },
  };
}

/**
 * buildPanelView inside an error boundary: whatever goes wrong (a corrupt term, a renderer bug), the panel gets a
 * message view that keeps the history's state and navigation, never an exception.
 */
export function buildPanelViewSafely(
  glossary: GlossarySnapshot,
  history: NavigationHistory,
  context: ViewContext,
): BuiltView {
  try {
    return buildPanelView(glossary, history, context);
  } catch (error) {
    const current = history.current;
    const termId = current?.termId ?? '';
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    const state: PanelState | undefined =
      current === undefined
        ? undefined
        : {
            termId,
            ...(current.locale !== undefined ? { locale: current.locale } : {}),
            history: history.toJSON(),
          };
    return {
      view: {
        kind: 'message',
        title: termId,
        message: (context.renderFailed ?? defaultRenderFailed)(termId, reason),
        canGoBack: history.canGoBack,
        canGoForward: history.canGoForward,
        ...(state ? { state } : {}),
      },
      openableUrls: new Set(),
      shown: undefined,
    };
  }
}
