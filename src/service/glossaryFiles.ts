/**
 * Which glossary files the extension compiles besides its bundled one: the custom glossaries listed in the settings,
 * and the repository's own glossaries found in the workspace (`docs/source/<lang>/glossary.md`, the layout of the
 * Transformers docs and of every doc-builder project). Everything here goes through `vscode.Uri` and
 * `vscode.workspace.fs`, never Node's `path` or `fs`, so that it works the same in a web extension host and on a
 * virtual file system (github.dev, vscode.dev).
 */
import * as vscode from 'vscode';
import { readCustomGlossaryPaths, readDiscoveryFolders } from '../config';
import { parseCustomGlossaryPath } from './customGlossaryPath';
import { DISCOVERED_GLOSSARY_GLOB, DISCOVERED_GLOSSARY_NAME, DOCS_SOURCE_SEGMENTS } from './discoveryPaths';

/**
 * The part of `vscode.workspace.fs` the glossary reads with. `vscode.workspace.fs` is one; the Node extension host
 * passes one that reads `file:` URIs with Node instead (./nodeFileSystem.ts says why).
 */
export type GlossaryFileSystem = Pick<vscode.FileSystem, 'readFile' | 'stat' | 'readDirectory'>;

/**
 * The custom glossary files as URIs, by the one rule of what a listed path means (`parseCustomGlossaryPath`). Relative
 * paths resolve against the workspace folder whose settings list them; `~` stands for `homeDirectory` (a web extension
 * host has none, and such a path is skipped). Duplicates are dropped.
 */
export function resolveCustomGlossaryUris(homeDirectory: vscode.Uri | undefined): vscode.Uri[] {
  const seen = new Map<string, vscode.Uri>();
  for (const { path: listed, folder } of readCustomGlossaryPaths()) {
    const parsed = parseCustomGlossaryPath(listed);
    let uri: vscode.Uri | undefined;
    if (parsed.from === 'home') {
      uri =
        homeDirectory &&
        (parsed.segments.length > 0 ? vscode.Uri.joinPath(homeDirectory, ...parsed.segments) : homeDirectory);
    } else if (parsed.from === 'root') {
      uri = vscode.Uri.file(parsed.path);
    } else if (folder) {
      uri = vscode.Uri.joinPath(folder.uri, ...parsed.segments);
    }
    if (uri) seen.set(uri.toString(), uri);
  }
  return [...seen.values()];
}

/**
 * The repository's own glossaries: `docs/source/<lang>/glossary.md` in every workspace folder where discovery is on,
 * sorted by URI so that the compile order (and so the merge) is the same on every run. Only the folders of
 * `docs/source` are listed, one directory read per workspace folder and one stat per locale folder, rather than a
 * workspace-wide search: a Transformers checkout has thousands of pages, and a virtual file system may have no
 * search provider at all. A folder without `docs/source` simply contributes nothing.
 */
export async function discoverWorkspaceGlossaries(files: GlossaryFileSystem): Promise<vscode.Uri[]> {
  const perFolder = await Promise.all(
    readDiscoveryFolders().map(async (folder) => {
      const source = vscode.Uri.joinPath(folder.uri, ...DOCS_SOURCE_SEGMENTS);
      let children: [string, vscode.FileType][];
      try {
        children = await files.readDirectory(source);
      } catch {
        return [];
      }
      // The locale folders are asked about together: through vscode.workspace.fs each question is a round trip.
      const candidates = await Promise.all(
        children
          .filter(([, type]) => (type & vscode.FileType.Directory) !== 0)
          .map(async ([name]) => {
            const candidate = vscode.Uri.joinPath(source, name, DISCOVERED_GLOSSARY_NAME);
            try {
              const stat = await files.stat(candidate);
              return (stat.type & vscode.FileType.File) !== 0 ? candidate : undefined;
            } catch {
              // This locale has no glossary page.
              return undefined;
            }
          }),
      );
      return candidates.filter((candidate): candidate is vscode.Uri => candidate !== undefined);
    }),
  );
  return perFolder.flat().sort((a, b) => (a.toString() < b.toString() ? -1 : a.toString() > b.toString() ? 1 : 0));
}

/** The folders whose `docs/source/*\/glossary.md` files are watched, so that a new or deleted one is noticed too. */
export function discoveryWatchPatterns(): vscode.RelativePattern[] {
  return readDiscoveryFolders().map((folder) => new vscode.RelativePattern(folder, DISCOVERED_GLOSSARY_GLOB));
}

/** The last segment of a URI's path, for a watcher's pattern. */
export function uriBasename(uri: vscode.Uri): string {
  const segments = uri.path.split('/');
  return segments[segments.length - 1] ?? '';
}
