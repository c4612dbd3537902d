/**
 * What every command of the command line shares: the injected output, the exit statuses, the one-line failure, and
 * reading and atomically writing files with errors a reader understands.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Where the term map built from the repository's glossary/ lives: `dist/termmap.json` beside `dist/cli.js`. */
  readonly bundledTermMapPath: string;
  readonly version: string;
}

export const EXIT_OK = 0;
/** Glossary errors, or a lookup that found nothing. */
export const EXIT_FAILURE = 1;
/** Bad arguments, unreadable or unwritable files, a missing bundled term map. */
export const EXIT_USAGE = 2;

export const PROGRAM = 'transformers-glossary';

/** A failure that has already been explained in one line; `main` turns it into the exit status. */
export class CliFailure extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

export function describeFsError(error: unknown): string {
  if (error instanceof Error && 'code' in error) {
    const code = (error as NodeJS.ErrnoException).code;
    switch (code) {
      case 'ENOENT':
        return 'no such file';
      case 'EISDIR':
        return 'is a directory';
      case 'EACCES':
      case 'EPERM':
        return 'permission denied';
      case 'ENOTDIR':
        return 'a parent is not a directory';
      default:
        return code ?? error.message;
    }
  }
  return String(error);
}

export function readBytes(file: string): Uint8Array {
  try {
    return fs.readFileSync(file);
  } catch (error) {
    throw new CliFailure(`cannot read ${file}: ${describeFsError(error)}`, EXIT_USAGE);
  }
}

/** Text as an editor sees it: UTF-8 without the byte order mark, which VS Code does not count in columns. */
export function readText(file: string): string {
  return Buffer.from(readBytes(file))
    .toString('utf8')
    .replace(/^\uFEFF/, '');
}

/**
 * The text of one of several input files, or undefined when it cannot be read: the reason is printed and the caller
 * counts the file as unreadable, so that one unreadable file does not hide the results of the others but still fails
 * the run.
 */
export function readInputText(file: string, io: CliIo): string | undefined {
  try {
    return readText(file);
  } catch (error) {
    if (!(error instanceof CliFailure)) throw error;
    io.stderr(`${PROGRAM}: ${error.message}\n`);
    return undefined;
  }
}

export function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : nouns}`;
}

/** Writes `content` to `file` through a temporary file in the same directory and a rename, so readers never see half a file. */
export function writeAtomically(file: string, content: string): void {
  const directory = path.dirname(path.resolve(file));
  const temporary = path.join(directory, `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    fs.mkdirSync(directory, { recursive: true });
    fs.writeFileSync(temporary, content);
    fs.renameSync(temporary, file);
  } catch (error) {
    try {
      fs.rmSync(temporary, { force: true });
    } catch {
      // The temporary file may not exist; nothing else to clean up.
    }
    throw new CliFailure(`cannot write ${file}: ${describeFsError(error)}`, EXIT_USAGE);
  }
}
