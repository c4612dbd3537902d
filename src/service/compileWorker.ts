/**
 * The entry of dist/compileWorker.js: a worker thread that compiles custom glossaries for ./nodeCompilerHost.ts,
 * off the extension host's thread. It answers each request with one message and keeps no state between them.
 */
import { parentPort } from 'node:worker_threads';
import { answerCompileRequest } from './compilerHost';

const port = parentPort;
if (port) {
  port.on('message', (request: unknown) => {
    const response = answerCompileRequest(request);
    // A request this worker cannot read gets no answer; the host's time limit ends the wait.
    if (response) port.postMessage(response);
  });
}
