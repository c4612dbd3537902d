/**
 * The one platform seam of the extension: what differs between the Node extension host (desktop, code-server,
 * Codespaces) and the web worker extension host (vscode.dev, github.dev). Each composition root (src/extension.ts for
 * Node, src/extensionWeb.ts for the browser) builds one `ExtensionPlatform` and hands it to `activateExtension`
 * (src/activation.ts); nothing else imports a Node-only module, so the browser bundle never pulls one in.
 */
import type * as vscode from 'vscode';
import type { GlossaryCompilerHost } from './service/compilerHost';

export interface ExtensionPlatform {
  /** Which extension host this is, for the log. */
  readonly kind: 'node' | 'web';
  /** The host that compiles custom and discovered glossaries (Node: a worker thread; web: a nested Web Worker). */
  createCompilerHost(extensionUri: vscode.Uri): GlossaryCompilerHost;
  /** What `~` in a custom glossary path stands for; a web extension host has no home directory. */
  readonly homeDirectory: vscode.Uri | undefined;
  /** Cryptographically random bytes (the entry panel's CSP nonces). */
  randomBytes(length: number): Uint8Array;
}
