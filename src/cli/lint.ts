/**
 * `transformers-glossary lint`: the terminology check of src/terminology over a docs tree, for CI. The command only
 * reads files, finds each page's locale (`--lang`, else `docs/source/<lang>/`), converts offsets to lines and
 * columns and prints; every rule is the core's. `--fix` writes the fixed text of each file that has a fixable
 * finding, atomically, and never touches any other file.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TermMap } from '../glossary';
import { LineIndex, documentLocaleFromPath, isGlossaryDocumentPath, type Locale } from '../glossary';
import type { Finding } from '../terminology';
import { applyFixes, createTerminologyChecker, englishReader, findingMessage } from '../terminology';
import type { ParsedArgs } from './args';
import type { CliIo } from './io';
import {
  EXIT_FAILURE,
  EXIT_OK,
  EXIT_USAGE,
  PROGRAM,
  describeFsError,
  plural,
  readInputText,
  writeAtomically,
} from './io';
import type { LintRecord } from './reports';
import { formatGithub, formatSarif, formatText } from './reports';
import { jsonForTerminal } from './terminalText';

const MARKDOWN_FILE = /\.(?:md|mdx|markdown)$/i;
/** Folders a docs tree walk never enters: dependencies, version control, build output. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out', 'build']);

/** The Markdown files named by `inputs` (files as given; folders walked in name order), each once. */
function markdownFiles(inputs: readonly string[], io: CliIo): { files: string[]; unreadable: number } {
  const files: string[] = [];
  const seen = new Set<string>();
  let unreadable = 0;
  const walk = (folder: string): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(folder, { withFileTypes: true });
    } catch (error) {
      io.stderr(`${PROGRAM}: cannot read ${folder}: ${describeFsError(error)}\n`);
      unreadable++;
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name) && !entry.name.startsWith('.')) walk(full);
      } else if (entry.isFile() && MARKDOWN_FILE.test(entry.name) && !seen.has(full)) {
        seen.add(full);
        files.push(full);
      }
    }
  };
  for (const input of inputs) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(input);
    } catch (error) {
      io.stderr(`${PROGRAM}: cannot read ${input}: ${describeFsError(error)}\n`);
      unreadable++;
      continue;
    }
    if (stat.isDirectory()) walk(input);
    else if (!seen.has(input)) {
      seen.add(input);
      files.push(input);
    }
  }
  return { files, unreadable };
}

/**
 * The records of one file's findings, with 1-based lines and UTF-16 columns as VS Code and GitHub count them, and the
 * message every face words (src/terminology/messages.ts), in English.
 */
function recordsOf(file: string, text: string, locale: Locale, findings: readonly Finding[]): LintRecord[] {
  const lines = new LineIndex(text);
  return findings.map((finding) => {
    const from = lines.at(finding.start);
    const to = lines.at(finding.end);
    const fix = finding.fixes[0]?.newText;
    // A record without a fix has no `fix` key, which is what `--format json` has always printed.
    return {
      file,
      line: from.line,
      column: from.column,
      endLine: to.line,
      endColumn: to.column,
      code: finding.code,
      severity: finding.severity,
      message: findingMessage(finding, locale, englishReader),
      termId: finding.termId,
      text: finding.text,
      ...(fix !== undefined ? { fix } : {}),
    };
  });
}

export function runLint(args: ParsedArgs, io: CliIo, termMap: TermMap): number {
  const checker = createTerminologyChecker(termMap);
  const { files, unreadable: unreadableInputs } = markdownFiles(args.positionals, io);
  let unreadable = unreadableInputs;
  const records: LintRecord[] = [];
  let unknownLocale = 0;
  let fixedFindings = 0;
  let fixedFiles = 0;
  for (const file of files) {
    const locale = args.lang ?? documentLocaleFromPath(path.resolve(file));
    if (locale === undefined) {
      unknownLocale++;
      continue;
    }
    let text = readInputText(file, io);
    if (text === undefined) {
      unreadable++;
      continue;
    }
    const options = { locale, isGlossary: isGlossaryDocumentPath(file) };
    let findings = checker.check(text, options);
    const fixes = findings.flatMap((finding) => finding.fixes.slice(0, 1));
    if (args.fix && fixes.length > 0) {
      // The file is read again only to keep its byte order mark, which readText drops as editors do.
      const bom = fs.readFileSync(file, 'utf8').startsWith('\uFEFF') ? '\uFEFF' : '';
      const fixed = applyFixes(text, fixes);
      writeAtomically(file, bom + fixed);
      fixedFindings += fixes.length;
      fixedFiles++;
      text = fixed;
      findings = checker.check(text, options);
    }
    records.push(...recordsOf(file, text, locale, findings));
  }

  const format = args.format ?? 'text';
  if (format === 'json') io.stdout(`${jsonForTerminal(records)}\n`);
  else if (format === 'github') io.stdout(formatGithub(records));
  else if (format === 'sarif') io.stdout(`${jsonForTerminal(formatSarif(records, io.version))}\n`);
  else io.stdout(formatText(records, files.length - unknownLocale));
  if (unknownLocale > 0) {
    io.stderr(
      `${PROGRAM}: skipped ${plural(unknownLocale, 'file')} of unknown language (not under docs/source/<lang>/; pass --lang)\n`,
    );
  }
  if (args.fix) io.stderr(`${PROGRAM}: fixed ${plural(fixedFindings, 'finding')} in ${plural(fixedFiles, 'file')}\n`);
  if (unreadable > 0) return EXIT_USAGE;
  return records.some((record) => record.severity === 'error') ? EXIT_FAILURE : EXIT_OK;
}
