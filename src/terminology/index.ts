/**
 * The terminology check, the pure core every face calls: the command line's `lint` and `--fix`, the VS Code
 * diagnostics and quick fixes, and a language server. A face builds one checker per term map
 * (`createTerminologyChecker`), asks for a document's locale (`documentLocaleFromPath` in src/glossary, or a setting),
 * calls `check(text, options)` and converts the UTF-16 offsets of the findings to its own positions. Code outside
 * this folder imports it through this file only.
 */
export type { CheckOptions, Finding, FindingCode, FindingSeverity, NoFixReason, TextFix } from './types';
export { checkDocument, createTerminologyChecker } from './check';
export { agreeingFix, applyFixes, replacementFor, spanishGenderInProse } from './fixes';
export { formKey } from './termbase';
export { findTerm, suggestTerms } from './lookup';
export { englishReader, findingMessage, fixAllTitle, quickFixTitle } from './messages';
