/**
 * The `transformers-glossary` executable (bundled to dist/cli.js): connects `main` to the real process. The term
 * map built from glossary/ is expected beside the bundle, as dist/termmap.json.
 */
import * as path from 'node:path';
import { version } from '../package.json';
import { main } from './cli/main';

// A reader that goes away early (`scan … | head`) is not an error worth a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

process.exitCode = main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  bundledTermMapPath: path.join(__dirname, 'termmap.json'),
  version,
});
