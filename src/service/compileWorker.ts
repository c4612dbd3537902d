/**
 * The entry of dist/compileWorker.js: a worker thread that compiles custom glossaries for ./nodeCompilerHost.ts,
 * off the extension host's thread. It answers each request with one message and keeps no state between them.
 *
 * The compiler and its Markdown libraries are not bundled in here: the worker loads them from dist/markdown.js, the
 * bundle the extension itself loads on first need (src/markdownLibrary.ts), so the package ships them once.
 */
import { parentPort } from 'node:worker_threads';
import { loadMarkdownLibrary } from '../markdownLibrary';
import { answerCompileRequest } from './compilerHost';

const port = parentPort;
if (port) {
  // Loaded once, before the first request is read; requests that arrive meanwhile wait on the same promise, in order.
  const library = loadMarkdownLibrary();
  port.on('message', (request: unknown) => {
    void library.then(({ compileGlossaries }) => {
      const response = answerCompileRequest(request, compileGlossaries);
      // A request this worker cannot read gets no answer; the host's time limit ends the wait.
      if (response) port.postMessage(response);
    });
  });
}
