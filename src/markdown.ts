/**
 * The entry of the on-demand bundle dist/markdown.js: the glossary functions that need the Markdown and HTML
 * libraries. Only src/markdownLibrary.ts imports it, dynamically; see there why and how.
 */
export { compileGlossaries, renderEntry } from './glossary';
