/**
 * The browser composition root (`browser` in package.json): the web worker extension host of vscode.dev, github.dev
 * and code-server's web extensions. It supplies the web side of the platform seam (src/platform.ts); the features
 * are the ones src/activation.ts puts together for Node too. This bundle must not import a Node built-in
 * (scripts/build.mjs builds it for the browser, and test/unit/build/webBundle.test.ts checks the result).
 */
import * as vscode from 'vscode';
import { activateExtension, type GlossaryTestApi } from './activation';
import type { ExtensionPlatform } from './platform';
import { MAX_CUSTOM_GLOSSARY_BYTES } from './service/customGlossaries';
import { WebCompilerHost, type MessageWorker } from './service/webCompilerHost';

export type { GlossaryTestApi } from './activation';

/**
 * The most glossary text compiled on the web extension host's own thread, when no nested worker can be started: the
 * limit of one custom glossary file (4 MB). That thread is already a Web Worker, off the window's UI thread, so such
 * a compile never freezes typing or rendering; it only delays other extensions' answers while it runs (milliseconds
 * for real glossaries, seconds at the bound).
 */
export const WEB_IN_THREAD_MAX_BYTES = MAX_CUSTOM_GLOSSARY_BYTES;

/** The Worker constructor of the web extension host, when it has one (it is not in the Node types this file sees). */
type WorkerConstructor = new (url: string, options?: { name?: string }) => MessageWorker;

/**
 * Starts the nested worker that compiles glossaries, from dist/web/compileWorker.js. The script is read through
 * `vscode.workspace.fs` and started from a blob: URL of this origin, because VS Code's web extension host refuses
 * `new Worker(url)` for an extension served by a remote server ("Creating workers from remote extensions is currently
 * not supported", in code-server and Codespaces), and a blob: URL works wherever the extension's files come from.
 * The URL is made once and reused by every worker the host starts later.
 */
function workerStarter(extensionUri: vscode.Uri): () => Promise<MessageWorker> {
  let scriptUrl: Promise<string> | undefined;
  return async () => {
    const WorkerClass = (globalThis as { Worker?: WorkerConstructor }).Worker;
    if (!WorkerClass) throw new Error('this extension host cannot start a Web Worker');
    scriptUrl ??= (async () => {
      const script = await vscode.workspace.fs.readFile(
        vscode.Uri.joinPath(extensionUri, 'dist', 'web', 'compileWorker.js'),
      );
      return URL.createObjectURL(new Blob([script], { type: 'text/javascript' }));
    })();
    return new WorkerClass(await scriptUrl, { name: 'Transformers Glossary compiler' });
  };
}

const webPlatform: ExtensionPlatform = {
  kind: 'web',
  // Glossaries compile in a nested worker, with the desktop's time limit; without one, on this thread up to 4 MB.
  createCompilerHost: (extensionUri) =>
    new WebCompilerHost({ createWorker: workerStarter(extensionUri), inThreadFallbackBytes: WEB_IN_THREAD_MAX_BYTES }),
  homeDirectory: undefined,
  randomBytes: (length) => globalThis.crypto.getRandomValues(new Uint8Array(length)),
};

export function activate(context: vscode.ExtensionContext): GlossaryTestApi | undefined {
  return activateExtension(context, webPlatform);
}

export function deactivate(): void {
  // Everything registered is disposed through context.subscriptions.
}
