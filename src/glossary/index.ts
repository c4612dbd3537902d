/**
 * The public face of the glossary compiler. Everything here is pure: no file system, no `vscode`.
 */
export type * from './types';
export { TERM_MAP_SCHEMA_VERSION, SOURCE_LOCALE } from './types';
export { compileGlossaries, localeFromPath, localeFromContent } from './compile';
export { formatDiagnostic, sortDiagnostics } from './diagnostics';
export { decodeGlossaryText } from './decode';
export type { DecodedText } from './decode';
export { englishAnchor, identifierFromHeading, isPythonIdentifier, hfDocsUrl, hfGlossaryUrl, HF_DOCS_ROOT } from './anchors';
