/**
 * Where a workspace keeps its own glossaries: `docs/source/<lang>/glossary.md`, the layout of the Transformers docs and
 * of every doc-builder project. Pure, so that the VS Code service (./glossaryFiles.ts, through `vscode.workspace.fs`)
 * and the language server (src/lsp/glossaries.ts, through Node's `fs`) discover the same files by one rule.
 */

/** Where a doc-builder project keeps its per-locale pages, relative to a workspace folder. */
export const DOCS_SOURCE_SEGMENTS = ['docs', 'source'] as const;
/** The glossary page of one locale folder. */
export const DISCOVERED_GLOSSARY_NAME = 'glossary.md';
/** The glob a file watcher follows for discovered glossaries, relative to a workspace folder. */
export const DISCOVERED_GLOSSARY_GLOB = 'docs/source/*/glossary.md';
