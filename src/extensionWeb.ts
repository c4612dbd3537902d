/**
 * The browser composition root (`browser` in package.json): the web worker extension host of vscode.dev, github.dev
 * and code-server's web extensions. It supplies the web side of the platform seam (src/platform.ts); the features
 * are the ones src/activation.ts puts together for Node too. This bundle must not import a Node built-in
 * (scripts/build.mjs builds it for the browser, and test/unit/webBundle.test.ts checks the result).
 */
import type * as vscode from 'vscode';
import { activateExtension, type GlossaryTestApi } from './activation';
import type { ExtensionPlatform } from './platform';
import { InThreadCompilerHost } from './service/compilerHost';
import { MAX_CUSTOM_GLOSSARY_BYTES } from './service/customGlossaries';

export type { GlossaryTestApi } from './activation';

/**
 * The most glossary text compiled at once in the web extension host: the limit of one custom glossary file (4 MB).
 * The web extension host already runs in a Web Worker, off the window's UI thread, so compiling there never freezes
 * the editor's typing or rendering; it only delays other extensions' answers while it runs. A compile of real
 * glossaries (tens of kilobytes) takes milliseconds; the 4 MB bound keeps the worst case to seconds
 * (`npm run bench` measures the compiler's throughput), where the Node host's worker also has a time limit.
 */
export const WEB_COMPILE_MAX_BYTES = MAX_CUSTOM_GLOSSARY_BYTES;

const webPlatform: ExtensionPlatform = {
  kind: 'web',
  createCompilerHost: () => new InThreadCompilerHost(WEB_COMPILE_MAX_BYTES),
  homeDirectory: undefined,
  randomBytes: (length) => globalThis.crypto.getRandomValues(new Uint8Array(length)),
};

export function activate(context: vscode.ExtensionContext): GlossaryTestApi | undefined {
  return activateExtension(context, webPlatform);
}

export function deactivate(): void {
  // Everything registered is disposed through context.subscriptions.
}
