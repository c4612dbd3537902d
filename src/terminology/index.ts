/**
 * The terminology check, the pure core every face calls: the command line's `lint` and `--fix`, the VS Code
 * diagnostics and quick fixes, and a language server. A face builds one checker per term map
 * (`createTerminologyChecker`), asks for a document's locale (`documentLocaleFromPath` in src/glossary, or a setting),
 * calls `check(text, options)` and converts the UTF-16 offsets of the findings to its own positions. Code outside
 * this folder imports it through this file only.
 */
export type { AnchorSource, CheckOptions, Finding, FindingCode, FindingSeverity, NoFixReason, TextFix } from './types';
export { DEFAULT_SEVERITIES } from './types';
export type { TerminologyChecker } from './check';
export { checkDocument, createTerminologyChecker, glossaryHeadingAnchors } from './check';
export { agreeingFix, applyFixes, replacementFor, resolveReplacement, spanishGenderInProse } from './fixes';
export type { Replacement } from './fixes';
export { IGNORE_NEXT_LINE } from './regions';
export { formKey } from './termbase';
export { findTerm, lookupKey, suggestTerms } from './lookup';
export type { LocaleTermbase } from './termbase';
export { englishReader, findingMessage, fixAllTitle, quickFixTitle } from './messages';
export type { MessageReader } from './messages';
