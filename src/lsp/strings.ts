/**
 * The hover's fixed words in the language the entries are shown in. The language server has no VS Code to localize
 * them, so it reads the same translations the extension ships (l10n/bundle.l10n.<lang>.json, bundled into the server
 * at build time): a Spanish reader gets "Abrir en huggingface.co" beside the Spanish entry.
 */
import { languageName, primaryLanguage, type Locale } from '../glossary';
import { englishHoverStrings, type HoverStrings } from '../hover/hoverContent';
import ar from '../../l10n/bundle.l10n.ar.json';
import es from '../../l10n/bundle.l10n.es.json';
import ja from '../../l10n/bundle.l10n.ja.json';
import ko from '../../l10n/bundle.l10n.ko.json';
import zhCn from '../../l10n/bundle.l10n.zh-cn.json';

/** The translation bundles by primary language; VS Code names Simplified Chinese `zh-cn`, the glossary `zh-hans`. */
const bundles: Readonly<Record<string, Readonly<Record<string, string>>>> = { ar, es, ja, ko, zh: zhCn };

/** The hover strings for `locale`: its translation where the bundle has one, English otherwise. */
export function hoverStringsFor(locale: Locale): HoverStrings {
  // Traditional Chinese readers get English rather than the Simplified Chinese bundle.
  const language = /^zh-hant\b/i.test(locale) ? '' : primaryLanguage(locale);
  const bundle = Object.hasOwn(bundles, language) ? bundles[language] : undefined;
  if (!bundle) return englishHoverStrings;
  const t = (english: string): string => (Object.hasOwn(bundle, english) ? (bundle[english] ?? english) : english);
  return {
    openEntry: t(englishHoverStrings.openEntry),
    openOnHub: t(englishHoverStrings.openOnHub),
    identifiers: t(englishHoverStrings.identifiers),
    abbreviations: t(englishHoverStrings.abbreviations),
    fallbackNote: (shown, requested) =>
      t('Shown in {0} because this term has no {1} entry.')
        .replace('{0}', languageName(shown, locale, 'mid-sentence'))
        .replace('{1}', languageName(requested, locale, 'mid-sentence')),
  };
}
