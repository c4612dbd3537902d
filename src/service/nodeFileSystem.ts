/**
 * How the Node extension host reads the glossary's files: `file:` URIs with Node's own file system, everything else
 * (a virtual file system, a remote scheme) through `vscode.workspace.fs`. Only the Node composition root
 * (src/extension.ts) imports it; the web bundle never pulls in `node:fs`.
 *
 * Why not `vscode.workspace.fs` for every file: in the Node extension host each of its calls is a message to the
 * workbench and back. Measured in code-server (test/integration/bench.test.ts): 5–200 ms per `stat` or `readFile`
 * once the window has settled, and over a second each while the window is still starting, which is exactly when a
 * translator's first page opens; Node's `stat` took 0.1 ms. The discovered glossary needs five such calls before it
 * compiles (the bundled term map, the listing of docs/source, a stat per locale folder, a stat and a read per file).
 */
import { promises as fs, type Dirent, type Stats } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { GlossaryFileSystem } from './glossaryFiles';

/** The `vscode.FileType` bits of what a path leads to (a symbolic link adds its own bit, as VS Code's provider does). */
function fileType(stats: Stats | Dirent, symbolicLink: boolean): vscode.FileType {
  const type = stats.isFile() ? vscode.FileType.File : stats.isDirectory() ? vscode.FileType.Directory : 0;
  return symbolicLink ? type | vscode.FileType.SymbolicLink : type;
}

/** A file system that reads `file:` URIs with Node and hands every other URI to `fallback`. */
export function createNodeFileSystem(fallback: GlossaryFileSystem = vscode.workspace.fs): GlossaryFileSystem {
  return {
    async readFile(uri) {
      if (uri.scheme !== 'file') return fallback.readFile(uri);
      return new Uint8Array(await fs.readFile(uri.fsPath));
    },
    async stat(uri) {
      if (uri.scheme !== 'file') return fallback.stat(uri);
      const [target, link] = await Promise.all([fs.stat(uri.fsPath), fs.lstat(uri.fsPath)]);
      const type = fileType(target, link.isSymbolicLink());
      return { type, size: target.size, ctime: target.ctimeMs, mtime: target.mtimeMs };
    },
    async readDirectory(uri) {
      if (uri.scheme !== 'file') return fallback.readDirectory(uri);
      const entries = await fs.readdir(uri.fsPath, { withFileTypes: true });
      return Promise.all(
        entries.map(async (entry): Promise<[string, vscode.FileType]> => {
          if (!entry.isSymbolicLink()) return [entry.name, fileType(entry, false)];
          // A link is reported as what it leads to, as VS Code's own provider does; a broken one as a bare link.
          const target = await fs.stat(path.join(uri.fsPath, entry.name)).catch(() => undefined);
          return [entry.name, target ? fileType(target, true) : vscode.FileType.SymbolicLink];
        }),
      );
    },
  };
}
