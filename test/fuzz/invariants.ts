/**
 * The invariants of issue #10, checked on one fuzz case: nothing throws out of the compiler, the matcher, the CLI
 * or the panel renderer; no internal error; every diagnostic lies inside its file; every term id opens in the panel;
 * every kept link is one the renderer accepts; findAll's matches are real slices of the text and findTermAt agrees
 * with them everywhere; Object.prototype is untouched. Timings are returned for the linear-work check (linear.ts).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { main } from '../../src/cli/main';
import {
  classifyHref,
  compileGlossaries,
  isTermIdShape,
  renderEntry,
  renderEntryHtml,
  stripBidiControls,
} from '../../src/glossary';
import type { CompileResult, TermMap } from '../../src/glossary';
import { contextAt, contextForFileName, createTermMatcher, markdownContextRanges } from '../../src/matching';
import type { MatchContext, TermMatch, TermMatcher } from '../../src/matching';
import { NavigationHistory, parseHistoryEntry } from '../../src/panel/history';
import { entryPanelHtml } from '../../src/panel/panelHtml';
import { buildPanelView } from '../../src/panel/panelView';
import { createSnapshot } from '../../src/service/snapshot';
import type { FuzzCase, FuzzSource } from './generate';
import type { Random } from './random';

export interface Violation {
  readonly invariant: string;
  readonly message: string;
}

export interface CaseTimings {
  /** Code units of glossary input and the time compiling it took. */
  readonly glossarySize: number;
  readonly compileMs: number;
  /** Code units of documents and the time findAll took on them. */
  readonly documentSize: number;
  readonly findAllMs: number;
  readonly termMap?: TermMap;
}

export interface CheckOptions {
  /** Run the command-line tool in-process too (it writes the case to a temporary directory). */
  readonly cli: boolean;
  /** Render the panel for the case's entries too. */
  readonly render: boolean;
  /** How many findTermAt calls a document may cost at most. */
  readonly probes: number;
}

/** Characters a terminal would obey (issue #10, class 5). */
const OBEYED =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point of this oracle.
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function errorText(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** The text of a source as an editor would show it, to check diagnostic positions independently of the compiler. */
function lenientText(source: FuzzSource): string {
  if (typeof source.content === 'string') return source.content;
  const b = source.content;
  if (b.length >= 2 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff))) {
    return new TextDecoder(b[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(b.subarray(2));
  }
  return new TextDecoder('utf-8').decode(b);
}

function linesOf(text: string): { start: number; text: string }[] {
  const lines: { start: number; text: string }[] = [];
  let start = 0;
  for (const end of text.matchAll(/\r\n|\r|\n/g)) {
    lines.push({ start, text: text.slice(start, end.index) });
    start = end.index + end[0].length;
  }
  lines.push({ start, text: text.slice(start) });
  return lines;
}

/** A snapshot of Object.prototype's own properties, to prove that no input polluted it. */
function prototypeSnapshot(): Map<PropertyKey, unknown> {
  const snapshot = new Map<PropertyKey, unknown>();
  for (const key of Reflect.ownKeys(Object.prototype)) {
    // The whole descriptor: isDeepStrictEqual compares its value, getter and setter by identity.
    snapshot.set(key, Object.getOwnPropertyDescriptor(Object.prototype, key));
  }
  return snapshot;
}

function checkCompile(testCase: FuzzCase, out: Violation[]): { result?: CompileResult; ms: number } {
  const started = performance.now();
  let result: CompileResult;
  try {
    result = compileGlossaries(testCase.glossaries);
  } catch (error) {
    out.push({ invariant: 'compiler-throws', message: errorText(error) });
    return { ms: performance.now() - started };
  }
  const ms = performance.now() - started;
  const lines = new Map(testCase.glossaries.map((g) => [g.file, linesOf(lenientText(g))]));
  for (const d of result.diagnostics) {
    if (d.code === 'internal-error') out.push({ invariant: 'internal-error', message: d.message });
    const fileLines = lines.get(d.location.file);
    const line = fileLines?.[d.location.line - 1];
    if (line === undefined || d.location.column < 1 || d.location.column > line.text.length + 1) {
      out.push({
        invariant: 'diagnostic-outside-file',
        message: `${d.code} at ${d.location.file}:${d.location.line}:${d.location.column} (${fileLines?.length ?? 0} lines)`,
      });
    }
  }
  for (const term of result.termMap.terms) {
    if (!isTermIdShape(term.id) || parseHistoryEntry({ termId: term.id }) === undefined) {
      out.push({ invariant: 'unopenable-id', message: JSON.stringify(term.id) });
    }
    // The bidi rule (src/glossary/bidi.ts): nothing a hover, a label or a list shows may reorder the text around it.
    const shown = [...Object.values(term.titles), ...term.aliases, ...term.abbreviations];
    for (const entry of Object.values(term.entries)) shown.push(entry.title, entry.summary, ...entry.aliases);
    const reordering = shown.find((text) => stripBidiControls(text) !== text);
    if (reordering !== undefined) {
      out.push({ invariant: 'bidi-control-kept', message: JSON.stringify(reordering.slice(0, 80)) });
    }
    for (const entry of Object.values(term.entries)) {
      for (const link of entry.links) {
        if (link.kind !== 'term' && classifyHref(link.url).kind !== 'external') {
          out.push({ invariant: 'link-kept-refused', message: `${link.kind} ${JSON.stringify(link.url)}` });
        }
      }
    }
  }
  return { result, ms };
}

function sameMatch(a: TermMatch | undefined, b: TermMatch | undefined): boolean {
  return isDeepStrictEqual(a, b);
}

/** findAll's matches, and findTermAt at offsets inside them and elsewhere, on one document. */
function checkDocument(
  matcher: TermMatcher,
  file: string,
  text: string,
  r: Random,
  probes: number,
  out: Violation[],
): number {
  const context: MatchContext = contextForFileName(file);
  const started = performance.now();
  let all: TermMatch[];
  try {
    all = matcher.findAll(text, context);
  } catch (error) {
    out.push({ invariant: 'matcher-throws', message: `findAll on ${file}: ${errorText(error)}` });
    return 0;
  }
  const ms = performance.now() - started;
  let previousEnd = 0;
  for (const m of all) {
    if (!(m.start >= previousEnd && m.end > m.start && m.end <= text.length) || text.slice(m.start, m.end) !== m.text) {
      out.push({
        invariant: 'findAll-range',
        message: `${file} ${m.start}-${m.end} ${JSON.stringify(m.text.slice(0, 80))}`,
      });
      return ms;
    }
    previousEnd = m.end;
  }
  const lines = linesOf(text);
  const ranges = context === 'prose' ? markdownContextRanges(text) : undefined;
  // For every probed offset: the findAll match covering it (translated to its line) or none, which findTermAt must return.
  const lineIndexOf = (offset: number): number => {
    let low = 0;
    let high = lines.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if (lines[middle]!.start <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  };
  const covering = (offset: number): TermMatch | undefined => {
    let low = 0;
    let high = all.length - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const m = all[middle]!;
      if (offset < m.start) high = middle - 1;
      else if (offset >= m.end) low = middle + 1;
      else return m;
    }
    return undefined;
  };
  const offsets: number[] = [];
  const perMatch = all.length * 3 <= probes / 2 ? 3 : 1;
  for (const m of all.length <= probes / 2 ? all : Array.from({ length: probes / 2 }, () => r.pick(all))) {
    offsets.push(m.start, m.end - 1);
    if (perMatch > 1) offsets.push(m.start + r.int(m.end - m.start));
  }
  for (let i = 0; i < probes / 2 && text.length > 0; i++) offsets.push(r.int(text.length));
  // On a line without punctuation findTermAt scans from the line start (linear in the line, by design): bound the
  // code units all probes of this document may cost together, so that long lines get fewer probes.
  let scanBudget = 4_000_000;
  for (const offset of offsets) {
    const lineNumber = lineIndexOf(offset);
    scanBudget -= Math.min(lines[lineNumber]!.text.length, offset - lines[lineNumber]!.start + 2_000);
    if (scanBudget < 0) break;
    const line = lines[lineNumber]!;
    if (offset >= line.start + line.text.length) continue; // a line end: no line holds it
    const expectedAll = covering(offset);
    if (
      expectedAll !== undefined &&
      (expectedAll.start < line.start || expectedAll.end > line.start + line.text.length)
    ) {
      out.push({ invariant: 'findAll-crosses-line', message: `${file} ${expectedAll.start}-${expectedAll.end}` });
      return ms;
    }
    const expected = expectedAll && {
      ...expectedAll,
      start: expectedAll.start - line.start,
      end: expectedAll.end - line.start,
    };
    let actual: TermMatch | undefined;
    try {
      actual = matcher.findTermAt(
        line.text,
        offset - line.start,
        ranges === undefined ? context : contextAt(ranges, offset),
      );
    } catch (error) {
      out.push({ invariant: 'matcher-throws', message: `findTermAt on ${file}: ${errorText(error)}` });
      return ms;
    }
    if (!sameMatch(actual, expected)) {
      out.push({
        invariant: 'findTermAt-disagrees',
        message: `${file} line ${lineNumber + 1} offset ${offset - line.start}: findAll ${JSON.stringify(expected)}, findTermAt ${JSON.stringify(actual)}`,
      });
      return ms;
    }
  }
  return ms;
}

/** The panel's pure path: the view for every entry (a bounded number of them) and its HTML document. */
function checkPanel(termMap: TermMap, out: Violation[]): void {
  // The real snapshot the extension publishes, over the case's term map.
  const glossary = createSnapshot(termMap, { language: 'en', uiLanguage: 'en', docsVersion: 'main', ignoredTerms: [] });
  const context = {
    uiLanguage: 'en',
    renderEntry,
    notFound: (id: string) => `No ${id}`,
    fallbackNote: (a: string, b: string) => `${a} → ${b}`,
  };
  const assets = {
    cspSource: 'https://webview.example',
    nonce: 'bm9uY2U=',
    scriptUri: 'https://webview.example/p.js',
    styleUri: 'https://webview.example/p.css',
    uiLanguage: 'en',
    render: 1,
  };
  const strings = {
    back: 'Back',
    forward: 'Forward',
    identifiers: 'In code',
    abbreviations: 'Abbreviations',
    languages: 'Languages',
    openOnHub: 'Hub',
    videos: 'Videos',
    links: 'Links',
  };
  for (const term of termMap.terms.slice(0, 60)) {
    for (const locale of Object.keys(term.entries)) {
      try {
        renderEntryHtml(term.entries[locale]!.markdown);
        const history = new NavigationHistory();
        history.push({ termId: term.id, locale });
        entryPanelHtml(buildPanelView(glossary, history, context).view, assets, strings);
      } catch (error) {
        out.push({ invariant: 'panel-throws', message: `${term.id}/${locale}: ${errorText(error)}` });
        return;
      }
    }
  }
}

/** The command-line tool in-process, on the case written to a temporary directory. */
function checkCli(testCase: FuzzCase, termMap: TermMap | undefined, out: Violation[]): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'glossary-fuzz-'));
  try {
    const glossaries = testCase.glossaries.map((g, i) => {
      const file = path.join(dir, `g${i}.md`);
      fs.writeFileSync(file, g.content);
      return file;
    });
    const documents = testCase.documents.map((d, i) => {
      const file = path.join(dir, `d${i}${path.extname(d.file)}`);
      fs.writeFileSync(file, d.text);
      return file;
    });
    const title = termMap?.terms[0] ? (Object.values(termMap.terms[0].titles)[0] ?? 'x') : 'attention mask';
    // `build` prints the term map; when it succeeds, the other commands read that JSON back (`--glossary x.json`) instead
    // of compiling again, which also puts the JSON escapes of the terminal output to the test.
    const termMapFile = path.join(dir, 'termmap.json');
    const runs = [
      ['check', ...glossaries],
      ['build', ...glossaries],
      ['lookup', title, '--glossary', termMapFile],
      ['scan', ...documents, '--glossary', termMapFile],
      ['scan', '--json', ...documents, '--glossary', termMapFile],
    ];
    for (const argv of runs) {
      if (argv[0] === 'lookup' && !fs.existsSync(termMapFile)) {
        for (let i = 0; i < 3; i++) runs[2 + i]!.splice(runs[2 + i]!.length - 1, 1, ...glossaries);
      }
      let output = '';
      let stdout = '';
      let code: number;
      try {
        code = main(argv, {
          stdout: (t) => ((output += t), (stdout += t)),
          stderr: (t) => (output += t),
          bundledTermMapPath: path.join(dir, 'none.json'),
          version: '0',
        });
      } catch (error) {
        out.push({ invariant: 'cli-throws', message: `${argv[0]}: ${errorText(error)}` });
        continue;
      }
      if (/internal error/.test(output)) {
        out.push({
          invariant: 'cli-internal-error',
          message: `${argv[0]}: ${output.slice(output.indexOf('internal error'), 300)}`,
        });
      }
      const obeyed = OBEYED.exec(output);
      if (obeyed) {
        out.push({
          invariant: 'cli-control-character',
          message: `${argv[0]} printed U+${obeyed[0].charCodeAt(0).toString(16)}`,
        });
      }
      if (code === 0 && (argv[0] === 'build' || argv[1] === '--json')) {
        try {
          JSON.parse(stdout);
          if (argv[0] === 'build') fs.writeFileSync(termMapFile, stdout);
        } catch (error) {
          out.push({ invariant: 'cli-json', message: `${argv[0]}: ${errorText(error)}` });
        }
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function checkCase(
  testCase: FuzzCase,
  r: Random,
  options: CheckOptions,
): { violations: Violation[]; timings: CaseTimings } {
  const violations: Violation[] = [];
  const before = prototypeSnapshot();
  const compiled = checkCompile(testCase, violations);
  const termMap = compiled.result?.termMap;
  let findAllMs = 0;
  if (termMap !== undefined) {
    let matcher: TermMatcher | undefined;
    try {
      matcher = createTermMatcher(termMap);
    } catch (error) {
      violations.push({ invariant: 'matcher-throws', message: `createTermMatcher: ${errorText(error)}` });
    }
    if (matcher !== undefined) {
      for (const d of testCase.documents) {
        findAllMs += checkDocument(matcher, d.file, d.text, r, options.probes, violations);
      }
      // The glossaries are documents too: the matcher meets its own forms in every spelling the file has.
      for (const g of testCase.glossaries) {
        checkDocument(matcher, g.file, lenientText(g), r, options.probes / 4, violations);
      }
    }
    if (options.render) checkPanel(termMap, violations);
  }
  if (options.cli) checkCli(testCase, termMap, violations);
  if (!isDeepStrictEqual(prototypeSnapshot(), before)) {
    violations.push({ invariant: 'prototype-changed', message: 'Object.prototype gained or changed a property' });
  }
  const glossarySize = testCase.glossaries.reduce((sum, g) => sum + g.content.length, 0);
  const documentSize = testCase.documents.reduce((sum, d) => sum + d.text.length, 0);
  return {
    violations,
    timings: { glossarySize, compileMs: compiled.ms, documentSize, findAllMs, ...(termMap ? { termMap } : {}) },
  };
}
