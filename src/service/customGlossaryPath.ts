/**
 * What a path in the `customGlossaries` setting stands for. Pure, so that the VS Code service (./glossaryFiles.ts,
 * as `vscode.Uri`s, in a desktop or a web extension host) and the language server (src/lsp/glossaries.ts, as Node
 * paths) resolve the same setting by one rule; each face only joins the parts with its own kind of path.
 */

/**
 * Where a listed path starts, with the segments to join onto that start:
 * - `home`: `~` or `~/...`, the user's home directory (a face without one, such as a web extension host, skips it);
 * - `root`: an absolute path (`/x`, `\\server\x`, `C:\x`, `c:/x`), which stands as it is, whatever the platform;
 * - `folder`: any other path, relative to a workspace folder.
 *
 * `/` and `\` both separate segments, so that a settings file shared between Windows and other systems means the same
 * files on each; empty segments are dropped.
 */
export type CustomGlossaryPath =
  | { readonly from: 'home'; readonly segments: readonly string[] }
  | { readonly from: 'root'; readonly path: string }
  | { readonly from: 'folder'; readonly segments: readonly string[] };

export function parseCustomGlossaryPath(listed: string): CustomGlossaryPath {
  if (listed === '~' || listed.startsWith('~/')) return { from: 'home', segments: segmentsOf(listed.slice(2)) };
  if (/^[\\/]/.test(listed) || /^[a-zA-Z]:[\\/]/.test(listed)) return { from: 'root', path: listed };
  return { from: 'folder', segments: segmentsOf(listed) };
}

function segmentsOf(relative: string): string[] {
  return relative.split(/[\\/]+/).filter(Boolean);
}
