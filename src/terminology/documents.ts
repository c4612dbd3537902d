/**
 * Which documents the check reads as glossary pages. Pure string work on a path (either separator), so that the
 * command line (Node paths) and the editor (URI paths, also in a browser) apply the same rule.
 */

/** A glossary page (`glossary.md`, `glosario.md`, `.mdx`, `.markdown`): its anchors and in-page links are checked as a glossary's. */
export function isGlossaryPage(file: string): boolean {
  const base = file.replace(/\\/g, '/').split('/').pop() ?? '';
  return /^(?:glossary|glosario)\.(?:md|mdx|markdown)$/i.test(base);
}
