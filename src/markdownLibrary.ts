/**
 * The parts of the glossary core that need the Markdown and HTML libraries (unified, remark, rehype, hast): the
 * compiler of custom glossaries and the entry panel's renderer. They are more than half of the extension's code and
 * neither a hover nor a scan needs them, so they are loaded on first need, not with the extension.
 *
 * How: `import('./markdown.js')` below. The desktop build (scripts/build.mjs) keeps that import out of
 * dist/extension.js and bundles src/markdown.ts on its own as dist/markdown.js, which the Node extension host then
 * `require`s the first time it is asked for. A build that does not mark it external (the unit tests, a browser
 * bundle for the web extension host, which loads one script and cannot `require` a second file) bundles the module
 * in and resolves the same promise without a second file; an ESM build with splitting would make it a chunk. The
 * code that uses the library is the same in all of them.
 */
import type { compileGlossaries, renderEntry } from './glossary';

export interface MarkdownLibrary {
  readonly compileGlossaries: typeof compileGlossaries;
  readonly renderEntry: typeof renderEntry;
}

let loading: Promise<MarkdownLibrary> | undefined;
let loaded: MarkdownLibrary | undefined;

/** Loads the library once; later calls return the same promise. */
export function loadMarkdownLibrary(): Promise<MarkdownLibrary> {
  loading ??= import('./markdown.js').then((library) => {
    loaded = library;
    return library;
  });
  return loading;
}

/** The library if it has loaded already, for callers that must answer synchronously (the panel's render). */
export function loadedMarkdownLibrary(): MarkdownLibrary | undefined {
  return loaded;
}
