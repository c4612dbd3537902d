/**
 * Every id the extension contributes to VS Code, defined once. `package.json` must agree with this module;
 * test/unit/manifest.test.ts checks that it does, in both directions.
 */

export const EXTENSION_ID = 'transformers-glossary.transformers-glossary';

export const Commands = {
  /** Opens the Glossary: Search quick pick, pre-filled with the term under the cursor. */
  search: 'transformersGlossary.search',
  /** Opens the entry panel. Arguments: `{ termId: string, locale?: string }`. Used by hover command links. */
  openEntry: 'transformersGlossary.openEntry',
  /** Picks the display language of the glossary. */
  changeLanguage: 'transformersGlossary.changeLanguage',
  /** Moves the cursor to the next occurrence of a term in the active editor ("In This File" clicks). */
  revealNextOccurrence: 'transformersGlossary.revealNextOccurrence',
  /** Recompiles the custom glossaries listed in the settings. */
  reloadGlossaries: 'transformersGlossary.reloadGlossaries',
} as const;

export const Views = {
  /** The activity-bar container. */
  container: 'transformersGlossary',
  terms: 'transformersGlossary.terms',
  inThisFile: 'transformersGlossary.inThisFile',
} as const;

/** The webview panel's view type, also the key of its serializer. */
export const ENTRY_PANEL_VIEW_TYPE = 'transformersGlossary.entry';

/** Setting keys relative to the `transformersGlossary` section. */
export const SETTINGS_SECTION = 'transformersGlossary';
export const Settings = {
  language: 'language',
  hoverEnabled: 'hover.enabled',
  hoverAdditionalLanguages: 'hover.additionalLanguages',
  ignoredTerms: 'ignoredTerms',
  docsVersion: 'docsVersion',
  customGlossaries: 'customGlossaries',
  /** The language of Markdown documents outside `docs/source/<lang>/`, for the terminology check (resource scope). */
  documentLanguage: 'documentLanguage',
  checkEnabled: 'check.enabled',
  checkIgnore: 'check.ignore',
  checkEnglishTermSeverity: 'check.englishTermSeverity',
  discoverGlossaries: 'discoverGlossaries',
} as const;

/** The fully qualified key of a setting, as package.json and affectsConfiguration spell it. */
export function settingKey(key: (typeof Settings)[keyof typeof Settings]): string {
  return `${SETTINGS_SECTION}.${key}`;
}
