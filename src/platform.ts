/**
 * The one platform seam of the extension: what differs between the Node extension host (desktop, code-server,
 * Codespaces) and the web worker extension host (vscode.dev, github.dev). Each composition root (src/extension.ts for
 * Node, src/extensionWeb.ts for the browser) builds one `ExtensionPlatform` and hands it to `activateExtension`
 * (src/activation.ts); nothing else imports a Node-only module, so the browser bundle never pulls one in.
 */
import type * as vscode from 'vscode';
import type { GlossaryCompilerHost } from './service/compilerHost';
import type { GlossaryFileSystem } from './service/glossaryFiles';

export interface ExtensionPlatform {
  /** Which extension host this is, for the log. */
  readonly kind: 'node' | 'web';
  /** The host that compiles custom and discovered glossaries (Node: a worker thread; web: a nested Web Worker). */
  createCompilerHost(extensionUri: vscode.Uri): GlossaryCompilerHost;
  /** What `~` in a custom glossary path stands for; a web extension host has no home directory. */
  readonly homeDirectory: vscode.Uri | undefined;
  /**
   * What the bundled term map and the custom and repository glossaries are read with; `vscode.workspace.fs` when
   * absent (the web host). The Node host reads `file:` URIs with Node (src/service/nodeFileSystem.ts says why).
   */
  readonly fileSystem?: GlossaryFileSystem;
  /** Cryptographically random bytes (the entry panel's CSP nonces). */
  randomBytes(length: number): Uint8Array;
}
