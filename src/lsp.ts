/**
 * The `transformers-glossary-lsp` executable (bundled to dist/lsp.js): a language server over stdio for editors other
 * than VS Code. The bundled term map (dist/termmap.json) and the compiler's worker (dist/compileWorker.js) are
 * expected beside the bundle, as the command-line tool expects them.
 */
import * as path from 'node:path';
import {
  ProposedFeatures,
  StreamMessageReader,
  StreamMessageWriter,
  createConnection,
} from 'vscode-languageserver/node';
import { version } from '../package.json';
import { NodeCompilerHost } from './service/nodeCompilerHost';
import { startServer } from './lsp/server';

const USAGE = `transformers-glossary-lsp ${version}: the Transformers Glossary language server.
Usage: transformers-glossary-lsp [--stdio]   speak LSP on stdin/stdout (the default)
       transformers-glossary-lsp --node-ipc | --socket=<port> | --pipe=<name>
       transformers-glossary-lsp --version | --help
`;

const args = process.argv.slice(2);
if (args.includes('--version')) {
  process.stdout.write(`${version}\n`);
} else if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(USAGE);
} else {
  const transport = args.some((arg) => /^--(node-ipc|socket|pipe|stdio)/.test(arg));
  // Without a transport flag the server speaks over stdio, which is what every editor's configuration uses.
  const connection = transport
    ? createConnection(ProposedFeatures.all)
    : createConnection(
        ProposedFeatures.all,
        new StreamMessageReader(process.stdin),
        new StreamMessageWriter(process.stdout),
      );
  // A bug in one handler must not take the editor's server down: it is logged, and the next request is answered.
  process.on('uncaughtException', (error) => connection.console.error(`uncaught: ${error.stack ?? String(error)}`));
  process.on('unhandledRejection', (reason) => connection.console.error(`unhandled rejection: ${String(reason)}`));
  startServer(connection, {
    bundledTermMapPath: path.join(__dirname, 'termmap.json'),
    compiler: new NodeCompilerHost({ workerFile: path.join(__dirname, 'compileWorker.js') }),
  });
}
