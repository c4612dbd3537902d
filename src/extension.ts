/**
 * The Node composition root (`main` in package.json): the extension host of desktop VS Code, code-server and
 * Codespaces. It supplies the Node side of the platform seam (src/platform.ts) and nothing else; the features are
 * put together in src/activation.ts, which the browser entry point (src/extensionWeb.ts) shares.
 */
import { randomBytes } from 'node:crypto';
import * as os from 'node:os';
import * as vscode from 'vscode';
import { activateExtension, type GlossaryTestApi } from './activation';
import type { ExtensionPlatform } from './platform';
import { NodeCompilerHost } from './service/nodeCompilerHost';
import { createNodeFileSystem } from './service/nodeFileSystem';

export type { GlossaryTestApi } from './activation';

const nodePlatform: ExtensionPlatform = {
  kind: 'node',
  // Custom and discovered glossaries compile in a worker thread from dist/compileWorker.js (built beside this
  // bundle); nothing starts until the first compilation.
  createCompilerHost: (extensionUri) =>
    new NodeCompilerHost({ workerFile: vscode.Uri.joinPath(extensionUri, 'dist', 'compileWorker.js').fsPath }),
  homeDirectory: vscode.Uri.file(os.homedir()),
  // Files on this machine are read with Node: through vscode.workspace.fs each read is a round trip to the workbench.
  fileSystem: createNodeFileSystem(),
  randomBytes: (length) => new Uint8Array(randomBytes(length)),
};

export function activate(context: vscode.ExtensionContext): GlossaryTestApi | undefined {
  return activateExtension(context, nodePlatform);
}

export function deactivate(): void {
  // Everything registered is disposed through context.subscriptions.
}
