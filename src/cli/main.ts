/**
 * `transformers-glossary`: the command-line face of the compiler and the matcher.
 *
 * `main` does all the work against an injected output sink so that tests run it in-process; src/cli.ts only
 * connects it to the real process. Every failure ends as a one-line message and an exit status, never a stack.
 */
import * as fs from 'node:fs';
import {
  LineIndex,
  SOURCE_LOCALE,
  TermMapJsonError,
  alignmentReference,
  compileGlossaries,
  formatDiagnostic,
  isFolderReadme,
  parseTermMapJson,
} from '../glossary';
import type { AlignmentReference, Diagnostic, GlossarySource, TermMap } from '../glossary';
import { contextForFileName, createTermMatcher } from '../matching';
import { findTerm, suggestTerms } from '../terminology';
import type { ParsedArgs } from './args';
import { HELP_TEXT, UsageError, parseArgs } from './args';
import { formatEntry, titleIn } from './lookup';
import { escapeForTerminal, jsonForTerminal } from './terminalText';
import type { CliIo } from './io';
import {
  CliFailure,
  EXIT_FAILURE,
  EXIT_OK,
  EXIT_USAGE,
  PROGRAM,
  plural,
  readBytes,
  readInputText,
  readText,
  writeAtomically,
} from './io';
import { runCoverage } from './coverage';
import { runLint } from './lint';

export type { CliIo } from './io';
export { EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from './io';

/**
 * The glossary sources among the files named on the command line. A folder's README (glossary/README.md holds our
 * terminology tables) is documentation that a glob like `glossary/*.md` picks up: it is skipped with a note on
 * stderr, so that `check glossary/*.md` checks exactly the glossaries.
 */
function glossarySources(files: readonly string[], io: CliIo): readonly string[] {
  const sources = files.filter((file) => !isFolderReadme(file));
  if (sources.length === 0) throw new CliFailure('no glossary source among the files given (only READMEs)', EXIT_USAGE);
  for (const file of files) {
    if (isFolderReadme(file)) {
      io.stderr(`${PROGRAM}: skipped ${file}: a folder's README documents the glossary and is not compiled\n`);
    }
  }
  return sources;
}

/**
 * The bundled term map as the alignment reference, so that a translation checked alone (`check ko/glossary.md`) gets
 * the English anchors. Without a readable bundled map (a fresh clone before its first build) there is none, and the
 * compiler says in its warnings which ids it could not verify.
 */
function bundledReference(io: CliIo): AlignmentReference | undefined {
  try {
    return alignmentReference(parseTermMapJson(fs.readFileSync(io.bundledTermMapPath, 'utf8'), io.bundledTermMapPath));
  } catch {
    return undefined;
  }
}

function compile(
  files: readonly string[],
  io: CliIo,
): {
  termMap: TermMap;
  diagnostics: readonly Diagnostic[];
  errors: number;
  warnings: number;
} {
  const sources: GlossarySource[] = files.map((file) => ({ file, content: readBytes(file) }));
  const reference = bundledReference(io);
  const { termMap, diagnostics } = compileGlossaries(sources, reference ? { reference } : {});
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  return { termMap, diagnostics, errors, warnings: diagnostics.length - errors };
}

/** A term map file, checked by the same validator the extension uses; any defect is a one-line usage error. */
function parseTermMap(text: string, file: string): TermMap {
  try {
    return parseTermMapJson(text, file);
  } catch (error) {
    if (error instanceof TermMapJsonError) throw new CliFailure(error.message, EXIT_USAGE);
    throw error;
  }
}

/**
 * The term map a `lookup` or `scan` works with: compiled from `--glossary` sources (or read from a `.json` term
 * map given there), otherwise the bundled one. Glossary errors stop the command, as they stop `build`.
 */
function loadTermMap(args: ParsedArgs, io: CliIo): TermMap {
  const files = args.glossary;
  if (files === undefined) {
    let text: string;
    try {
      text = fs.readFileSync(io.bundledTermMapPath, 'utf8');
    } catch {
      throw new CliFailure(
        `no bundled term map at ${io.bundledTermMapPath} (run \`npm run build\` with glossary/*.md present, or pass --glossary FILE)`,
        EXIT_USAGE,
      );
    }
    return parseTermMap(text, io.bundledTermMapPath);
  }
  const jsonFiles = files.filter((file) => file.toLowerCase().endsWith('.json'));
  if (jsonFiles.length > 0) {
    if (files.length > 1) {
      throw new CliFailure('--glossary takes either glossary sources or one term map .json, not both', EXIT_USAGE);
    }
    return parseTermMap(readText(jsonFiles[0]!), jsonFiles[0]!);
  }
  const compiled = compile(glossarySources(files, io), io);
  if (compiled.errors > 0) {
    for (const diagnostic of compiled.diagnostics) {
      if (diagnostic.severity === 'error') io.stderr(`${formatDiagnostic(diagnostic)}\n`);
    }
    throw new CliFailure(`the glossary has ${plural(compiled.errors, 'error')}`, EXIT_FAILURE);
  }
  return compiled.termMap;
}

function runCheck(args: ParsedArgs, io: CliIo): number {
  const files = glossarySources(args.positionals, io);
  const { termMap, diagnostics, errors, warnings } = compile(files, io);
  for (const diagnostic of diagnostics) io.stdout(`${formatDiagnostic(diagnostic)}\n`);
  io.stdout(
    `${plural(files.length, 'file')}, ${plural(termMap.terms.length, 'term')}: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}\n`,
  );
  return errors > 0 ? EXIT_FAILURE : EXIT_OK;
}

function runBuild(args: ParsedArgs, io: CliIo): number {
  const { termMap, diagnostics, errors } = compile(glossarySources(args.positionals, io), io);
  for (const diagnostic of diagnostics) io.stderr(`${formatDiagnostic(diagnostic)}\n`);
  if (errors > 0) {
    io.stderr(
      `${PROGRAM}: ${plural(errors, 'error')}; ${args.out === undefined ? 'no term map printed' : `${args.out} left unchanged`}\n`,
    );
    return EXIT_FAILURE;
  }
  if (args.out === undefined) {
    io.stdout(`${jsonForTerminal(termMap)}\n`);
  } else {
    writeAtomically(args.out, `${JSON.stringify(termMap, null, 2)}\n`);
    io.stderr(
      `${PROGRAM}: wrote ${plural(termMap.terms.length, 'term')} in ${plural(termMap.locales.length, 'locale')} to ${args.out}\n`,
    );
  }
  return EXIT_OK;
}

function runLookup(args: ParsedArgs, io: CliIo): number {
  const termMap = loadTermMap(args, io);
  const query = args.positionals.join(' ');
  const locale = args.lang ?? SOURCE_LOCALE;
  const term = findTerm(termMap, query);
  if (term) {
    io.stdout(formatEntry(term, locale));
    return EXIT_OK;
  }
  const suggestions = suggestTerms(termMap, query);
  const hint =
    suggestions.length > 0
      ? ` Did you mean: ${suggestions.map((s) => `${titleIn(s, locale)} (${s.id})`).join(', ')}?`
      : '';
  io.stderr(`${PROGRAM}: no glossary entry for "${query}".${hint}\n`);
  return EXIT_FAILURE;
}

interface ScanRecord {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly length: number;
  readonly text: string;
  readonly termId: string;
}

function runScan(args: ParsedArgs, io: CliIo): number {
  const termMap = loadTermMap(args, io);
  const matcher = createTermMatcher(termMap);
  const records: ScanRecord[] = [];
  let unreadable = 0;
  for (const file of args.positionals) {
    const text = readInputText(file, io);
    if (text === undefined) {
      unreadable++;
      continue;
    }
    const lines = new LineIndex(text);
    for (const match of matcher.findAll(text, contextForFileName(file))) {
      const { line, column } = lines.at(match.start);
      const record = { file, line, column, length: match.end - match.start, text: match.text, termId: match.termId };
      if (args.json) records.push(record);
      else io.stdout(`${record.file}:${record.line}:${record.column}: ${record.text} → ${record.termId}\n`);
    }
  }
  if (args.json) io.stdout(`${jsonForTerminal(records)}\n`);
  return unreadable > 0 ? EXIT_USAGE : EXIT_OK;
}

/**
 * The one way out to the terminal: every line any command prints, including file names, diagnostics and text from
 * glossaries and documents, has its control characters escaped (see terminalText.ts).
 */
function terminalIo(io: CliIo): CliIo {
  return {
    ...io,
    stdout: (text) => io.stdout(escapeForTerminal(text)),
    stderr: (text) => io.stderr(escapeForTerminal(text)),
  };
}

export function main(argv: readonly string[], rawIo: CliIo): number {
  const io = terminalIo(rawIo);
  try {
    const args = parseArgs(argv);
    switch (args.command) {
      case 'help':
        io.stdout(HELP_TEXT);
        return EXIT_OK;
      case 'version':
        io.stdout(`${PROGRAM} ${io.version}\n`);
        return EXIT_OK;
      case 'check':
        return runCheck(args, io);
      case 'build':
        return runBuild(args, io);
      case 'lookup':
        return runLookup(args, io);
      case 'scan':
        return runScan(args, io);
      case 'lint':
        return runLint(args, io, loadTermMap(args, io));
      case 'coverage': {
        const files = glossarySources(args.positionals, io);
        return runCoverage(args, io, compile(files, io), files);
      }
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`${PROGRAM}: ${error.message}\n`);
      return EXIT_USAGE;
    }
    if (error instanceof CliFailure) {
      io.stderr(`${PROGRAM}: ${error.message}\n`);
      return error.exitCode;
    }
    // A bug of ours: still one line, with enough to report it.
    io.stderr(`${PROGRAM}: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_USAGE;
  }
}
