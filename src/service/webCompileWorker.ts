/**
 * The entry of dist/web/compileWorker.js: the nested Web Worker that compiles custom and discovered glossaries for
 * ./webCompilerHost.ts in the web extension host. Like the Node worker (./compileWorker.ts), it answers each request
 * with one message and keeps no state between them. Unlike it, it bundles the compiler: VS Code starts it as one
 * classic script.
 */
import { compileGlossaries } from '../glossary';
import { answerCompileRequest } from './compilerHost';

/** The part of a dedicated worker's global scope this script uses (the host's tsconfig has no DOM types). */
interface WorkerScope {
  onmessage: ((event: { readonly data: unknown }) => void) | null;
  postMessage(message: unknown): void;
}

const scope = globalThis as unknown as WorkerScope;
scope.onmessage = (event) => {
  const response = answerCompileRequest(event.data, compileGlossaries);
  // A request this worker cannot read gets no answer; the host's time limit ends the wait.
  if (response) scope.postMessage(response);
};
