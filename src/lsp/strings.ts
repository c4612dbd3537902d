/**
 * The server's fixed words in the language the entries are shown in: the hover's links and notes, and the messages
 * and code action titles of the terminology check. The language server has no VS Code to localize them, so it reads
 * the same translations the extension ships (l10n/bundle.l10n.<lang>.json, bundled into the server at build time): a
 * Spanish reader gets "Abrir en huggingface.co" beside the Spanish entry, and the extension's Spanish diagnostics.
 */
import { languageName, primaryLanguage, type Locale } from '../glossary';
import { englishHoverStrings, type HoverStrings } from '../hover/hoverContent';
import ar from '../../l10n/bundle.l10n.ar.json';
import es from '../../l10n/bundle.l10n.es.json';
import ja from '../../l10n/bundle.l10n.ja.json';
import ko from '../../l10n/bundle.l10n.ko.json';
import zhCn from '../../l10n/bundle.l10n.zh-cn.json';
import { fillPlaceholders, type Localizer } from '../util/localizer';

/** The translation bundles by primary language; VS Code names Simplified Chinese `zh-cn`, the glossary `zh-hans`. */
const bundles: Readonly<Record<string, Readonly<Record<string, string>>>> = { ar, es, ja, ko, zh: zhCn };

/**
 * A translator into `locale` that works as `vscode.l10n.t` does: the bundle's translation of the English message
 * (the message itself where there is none), with `{0}`, `{1}`… replaced by the arguments in one pass, so that an
 * argument that contains a placeholder is not replaced again.
 */
export function localizerFor(locale: Locale): Localizer {
  // Traditional Chinese readers get English rather than the Simplified Chinese bundle.
  const language = /^zh-hant\b/i.test(locale) ? '' : primaryLanguage(locale);
  const bundle = Object.hasOwn(bundles, language) ? bundles[language] : undefined;
  return {
    t: (message, ...args) => {
      const translated = bundle && Object.hasOwn(bundle, message) ? (bundle[message] ?? message) : message;
      return fillPlaceholders(translated, args);
    },
  };
}

/** The hover strings for `locale`: its translation where the bundle has one, English otherwise. */
export function hoverStringsFor(locale: Locale): HoverStrings {
  const translator = localizerFor(locale);
  const t = (message: string, ...args: string[]): string => translator.t(message, ...args);
  return {
    openEntry: t(englishHoverStrings.openEntry),
    openOnHub: t(englishHoverStrings.openOnHub),
    identifiers: t(englishHoverStrings.identifiers),
    abbreviations: t(englishHoverStrings.abbreviations),
    fallbackNote: (shown, requested) =>
      t(
        'Shown in {0} because this term has no {1} entry.',
        languageName(shown, locale, 'mid-sentence'),
        languageName(requested, locale, 'mid-sentence'),
      ),
  };
}
