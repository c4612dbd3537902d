/**
 * The glossary core: the term map contract, the compiler that builds term maps from glossary Markdown, and every
 * rule about term maps that more than one face needs (locale fallback and language names, docs URLs, JSON
 * validation, merging, Markdown escaping, line positions). Everything here is pure: no file system, no `vscode`.
 * Code outside this folder imports it through this file only.
 */
export type * from './types';
export { MAX_SURFACE_FORM_LENGTH, SOURCE_LOCALE } from './types';
export { compileGlossaries, isFolderReadme, localeFromPath } from './compile';
export type { CompileOptions } from './compile';
export { alignmentReference, isAlignmentReference } from './alignReference';
export type { AlignmentReference } from './alignReference';
export { formatDiagnostic } from './diagnostics';
export { decodeGlossaryText } from './decode';
export { englishAnchor, identifierFromHeading, isLocaleTag, isTermIdShape, trailingParenthetical } from './anchors';
export {
  isPluralPhrase,
  pluralOf,
  pluralPhrase,
  singularOf,
  singularPhrase,
  spanishGender,
} from './inflection';
export { HF_DOCS_ROOT, applyDocsVersion, hfDocsUrl, hfGlossaryUrl } from './urls';
export { termPageUrl } from './docsIndex';
export {
  AUTO_LANGUAGE,
  GLOSSARY_LOCALES,
  chooseEntry,
  directionalTextFor,
  docsLanguage,
  documentLocaleFromPath,
  isGlossaryDocumentPath,
  languageEndonym,
  languageName,
  localeFallbackChain,
  offeredLocales,
  primaryLanguage,
  resolveDisplayLocale,
  textDirection,
} from './locales';
export type { ChosenEntry } from './locales';
export { TermMapJsonError, parseTermMapJson } from './termMapJson';
export { mergeTermMaps } from './merge';
export { compareIds, sortLocales } from './order';
export { LineIndex } from './lineIndex';
export { directionalText, isolateBidi, stripBidiControls } from './bidi';
export { MARKDOWN_INLINE_SPECIAL_CHARS, commandUri, encodeLinkDestination, escapeMarkdown } from './markdownText';
export { classifyHref, parseHttpUrl, renderEntry, renderEntryHtml } from './render';
export type { LinkTarget } from './render';
export { ownEntry, ownTitle } from './termAccess';
