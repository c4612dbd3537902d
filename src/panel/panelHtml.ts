/**
 * Builds the entry panel's HTML document. Pure (no `vscode` import): the host gathers the term, its rendered entry,
 * the localized strings and the webview's asset URIs, and this module only assembles them, escaping every value.
 * The entry body arrives as SafeHtml produced by the sanitizing renderer in src/glossary/render.ts.
 */
import type { SafeHtml } from './html';
import { html } from './html';
import type { EntryView, PanelView } from './panelView';
import { textDirection } from '../glossary';

/** The user-interface strings, already localized by the host (vscode.l10n). */
export interface PanelStrings {
  readonly back: string;
  readonly forward: string;
  readonly identifiers: string;
  readonly abbreviations: string;
  readonly languages: string;
  readonly openOnHub: string;
  readonly videos: string;
  readonly links: string;
}

export interface PanelAssets {
  /** `webview.cspSource`: the origin the webview serves local resources from. */
  readonly cspSource: string;
  /** A fresh random value for every render; only the script carrying it may run. */
  readonly nonce: string;
  readonly scriptUri: string;
  readonly styleUri: string;
  /** The language of the VS Code user interface, for the `lang` of the document's chrome. */
  readonly uiLanguage: string;
}

/** The Content Security Policy: nothing but our stylesheet and the one script carrying this render's nonce. */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `style-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
    // Entries never contain images (the renderer turns them into links); only our own assets may be images.
    `img-src ${cspSource}`,
    "form-action 'none'",
    "base-uri 'none'",
  ].join('; ');
}

/**
 * Back and Forward. In a right-to-left page the toolbar starts at the right, so Back stands at the right and points
 * right, as in a browser whose interface is in Arabic: the arrows follow the reading direction, not the screen.
 */
function navigation(view: PanelView, strings: PanelStrings, direction: 'ltr' | 'rtl'): SafeHtml {
  const [backArrow, forwardArrow] = direction === 'rtl' ? ['→', '←'] : ['←', '→'];
  return html`<nav class="toolbar">
      <button type="button" class="nav-button" data-action="back" title="${strings.back}" aria-label="${strings.back}"${view.canGoBack ? '' : ' disabled'}>${backArrow}</button>
      <button type="button" class="nav-button" data-action="forward" title="${strings.forward}" aria-label="${strings.forward}"${view.canGoForward ? '' : ' disabled'}>${forwardArrow}</button>
    </nav>`;
}

function chips(label: string, values: readonly string[], className: string): SafeHtml {
  if (values.length === 0) return html``;
  // Identifiers and abbreviations are code: left to right even in an Arabic entry. The label is interface text.
  return html`<div class="chip-row ${className}"><span class="chip-label" dir="auto">${label}</span><ul class="chips">${values.map(
    (value) => html`<li><code dir="ltr">${value}</code></li>`,
  )}</ul></div>`;
}

function localeSwitcher(view: EntryView, strings: PanelStrings): SafeHtml {
  if (view.locales.length < 2) return html``;
  // Each language is named in its own script and direction (`العربية` beside `English`).
  return html`<nav class="locales" aria-label="${strings.languages}"><span class="chip-label" dir="auto">${strings.languages}</span><ul>${view.locales.map(
    (choice) =>
      choice.locale === view.locale
        ? html`<li><span class="locale current" aria-current="true" lang="${choice.locale}" dir="auto">${choice.label}</span></li>`
        : html`<li><button type="button" class="locale" data-locale="${choice.locale}" lang="${choice.locale}" dir="auto">${choice.label}</button></li>`,
  )}</ul></nav>`;
}

function entryBody(view: EntryView, strings: PanelStrings): SafeHtml {
  const direction = textDirection(view.locale);
  // The entry's title and body are in the entry's language and direction; the interface strings around them (labels,
  // the note, the links) are in VS Code's language and take their direction from their own text (dir="auto"), inline
  // where they head a block, so that the block still lines up with the page's side.
  return html`<header>
      <h1 lang="${view.locale}" dir="${direction}">${view.title}</h1>
      ${chips(strings.identifiers, view.identifiers, 'identifiers')}
      ${chips(strings.abbreviations, view.abbreviations, 'abbreviations')}
      ${localeSwitcher(view, strings)}
    </header>
    ${view.fallbackNote === undefined ? '' : html`<p class="fallback-note" role="note" dir="auto">${view.fallbackNote}</p>`}
    <article class="entry" lang="${view.locale}" dir="${direction}">${view.body}</article>
    <footer>
      ${
        view.hubUrl === undefined
          ? ''
          : html`<h2><span dir="auto">${strings.links}</span></h2><ul class="links"><li><a href="${view.hubUrl}" data-external="true" dir="auto">${strings.openOnHub}</a></li></ul>`
      }
      ${
        view.videos.length === 0
          ? ''
          : html`<h2><span dir="auto">${strings.videos}</span></h2><ul class="links videos">${view.videos.map(
              (video) => html`<li><a href="${video.url}" data-external="true" dir="auto">${video.text}</a></li>`,
            )}</ul>`
      }
    </footer>`;
}

/** The complete HTML document for one render of the panel. */
export function entryPanelHtml(view: PanelView, assets: PanelAssets, strings: PanelStrings): string {
  const state = view.state === undefined ? '' : JSON.stringify(view.state);
  const termId = view.kind === 'entry' ? view.termId : '';
  const content =
    view.kind === 'entry'
      ? entryBody(view, strings)
      : html`<h1 dir="auto">${view.title}</h1><p class="message" dir="auto">${view.message}</p>`;
  // The page is laid out in the direction of what it shows: an Arabic entry mirrors the whole panel (toolbar, chips,
  // footer), by the one direction rule of the core (textDirection); a message follows VS Code's language.
  const direction = textDirection(view.kind === 'entry' ? view.locale : assets.uiLanguage);
  return html`<!DOCTYPE html>
<html lang="${assets.uiLanguage}" dir="${direction}">
<head>
  <meta charset="UTF-8">
  <meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(assets.cspSource, assets.nonce)}">
  <meta name="viewport" content="width=device-width, initial-scale=1.0">
  <link rel="stylesheet" href="${assets.styleUri}">
  <title>${view.title}</title>
</head>
<body data-term-id="${termId}" data-state="${state}">
  ${navigation(view, strings, direction)}
  <main>
    ${content}
  </main>
  <script nonce="${assets.nonce}" src="${assets.scriptUri}"></script>
</body>
</html>
`.value;
}
