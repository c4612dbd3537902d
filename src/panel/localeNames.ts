/** Language names and writing directions for the panel's locale switcher and notes. Pure: no `vscode` import. */

/**
 * The name of `locale` written in `inLocale` (by default in the language itself: "español", "日本語"), with the
 * first letter capitalized as a label in a list would be. Falls back to the tag when the runtime has no data for it.
 */
export function languageName(locale: string, inLocale: string = locale): string {
  let name: string | undefined;
  try {
    name = new Intl.DisplayNames([inLocale, 'en'], { type: 'language', fallback: 'none' }).of(locale);
  } catch {
    name = undefined;
  }
  if (name === undefined || name === '') return locale;
  return name.charAt(0).toLocaleUpperCase(inLocale) + name.slice(1);
}

const RIGHT_TO_LEFT = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'yi', 'dv', 'ckb']);

/** `rtl` for scripts written right to left (the Arabic glossary), so that its entries lay out correctly. */
export function textDirection(locale: string): 'ltr' | 'rtl' {
  const language = locale.split('-')[0]?.toLowerCase() ?? '';
  return RIGHT_TO_LEFT.has(language) ? 'rtl' : 'ltr';
}
