/**
 * The terminology check's figures of `npm run bench` (issue #14): `lint` throughput over a generated 10 MB Spanish
 * docs tree, run through the command line's `main` as CI runs it (reading, checking, formatting), against a regular
 * expression alternating the same flagged forms over the same files in the same run; and the time to re-check a
 * 1 MB document in the editor (the whole document, and the lines of one edit).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main';
import type { TermMap } from '../../src/glossary/types';
import { createTerminologyChecker } from '../../src/terminology';
import { quantile, type Figure } from './figures';
import { seededRandom } from '../../test/helpers/seededRandom';

interface Context {
  readonly root: string;
  readonly quick: boolean;
  readonly termMap: TermMap;
  readonly record: (figure: Figure) => void;
}

/** Prose paragraphs of our Spanish glossary: real Spanish, with its accents, code spans and links. */
export function spanishParagraphs(root: string): string[] {
  const text = fs.readFileSync(path.join(root, 'glossary', 'es.md'), 'utf8');
  return text
    .split(/\n{2,}/)
    .filter(
      (paragraph) => /^[A-ZÁÉÍÓÚÑa-z¿«]/.test(paragraph) && !paragraph.startsWith('<!--') && paragraph.length > 80,
    );
}

/** Forms the check flags, sprinkled into the prose so that every page has findings to report and fix. */
const FLAGGED = [
  'attention mask',
  'modelo pre-entrenado',
  'tokenizer',
  'cabezal',
  'hidden states',
  'fine-tuning',
  'Padding',
];

/** A Spanish page of about `bytes` bytes: glossary paragraphs, a flagged form in every third, headings and fences. */
export function spanishPage(paragraphs: readonly string[], bytes: number, seed: number): string {
  const random = seededRandom(seed);
  const parts: string[] = [];
  let size = 0;
  for (let n = 0; size < bytes; n++) {
    let part = paragraphs[Math.floor(random() * paragraphs.length)]!;
    if (n % 3 === 0) {
      const words = part.split(' ');
      words.splice(Math.floor(random() * words.length), 0, FLAGGED[Math.floor(random() * FLAGGED.length)]!);
      part = words.join(' ');
    }
    if (n % 10 === 0) part = `## Sección ${n}\n\n${part}`;
    if (n % 10 === 5) part = `${part}\n\n\`\`\`python\nmodel(input_ids, attention_mask=attention_mask)\n\`\`\``;
    parts.push(part);
    size += Buffer.byteLength(part) + 2;
  }
  return `${parts.join('\n\n')}\n`;
}

/** Milliseconds of `fn`, `runs` times after one warm-up, sorted. */
function timeRuns(fn: () => unknown, runs: number): number[] {
  fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return times.sort((a, b) => a - b);
}

export function terminologyFigures({ root, quick, termMap, record }: Context): void {
  const paragraphs = spanishParagraphs(root);
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'glossary-bench-lint-'));
  try {
    // A docs tree of 10 MB (1 MB with --quick) in pages of 50 KB, as `docs/source/es/` is laid out.
    const totalBytes = quick ? 1_000_000 : 10_000_000;
    const pageBytes = 50_000;
    const folder = path.join(scratch, 'docs', 'source', 'es');
    fs.mkdirSync(folder, { recursive: true });
    const files: string[] = [];
    for (let written = 0, n = 0; written < totalBytes; n++) {
      const file = path.join(folder, `page-${String(n).padStart(4, '0')}.md`);
      const page = spanishPage(paragraphs, pageBytes, n + 1);
      fs.writeFileSync(file, page);
      files.push(file);
      written += Buffer.byteLength(page);
    }
    const bytes = files.reduce((sum, file) => sum + fs.statSync(file).size, 0);
    const termMapFile = path.join(scratch, 'termmap.json');
    fs.writeFileSync(termMapFile, JSON.stringify(termMap));

    let findings = 0;
    const lintOnce = (): void => {
      let out = '';
      main(['lint', path.join(scratch, 'docs'), '--format', 'json'], {
        stdout: (text) => (out += text),
        stderr: () => undefined,
        bundledTermMapPath: termMapFile,
        version: 'bench',
      });
      findings = (JSON.parse(out) as unknown[]).length;
    };
    // The baseline: one regular expression alternating every form the check flags in Spanish, over the same files.
    const termbase = createTerminologyChecker(termMap).termbase('es');
    const forms = [...termbase.groups.values()]
      .filter((group) => group.kind === 'avoid' || group.kind === 'english')
      .flatMap((group) => [...group.forms.values()]);
    const escaped = forms
      .sort((a, b) => b.length - a.length)
      .map((form) => form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}_])(?:${escaped.join('|')})(?![\\p{L}\\p{N}_])`, 'giu');
    let baselineHits = 0;
    const baselineOnce = (): void => {
      baselineHits = 0;
      for (const file of files) baselineHits += [...fs.readFileSync(file, 'utf8').matchAll(pattern)].length;
    };
    const runs = quick ? 3 : 5;
    const lintMs = quantile(timeRuns(lintOnce, runs), 0.5);
    const baselineMs = quantile(timeRuns(baselineOnce, runs), 0.5);
    const megabytes = bytes / 1e6;
    const ours = megabytes / (lintMs / 1000);
    const baseline = megabytes / (baselineMs / 1000);
    record({
      name: `lint throughput, ${Math.round(megabytes)} MB Spanish docs tree`,
      value: ours,
      unit: 'MB/s',
      target: '-',
      met: true,
      note: `${files.length} files, ${findings} findings (the regex baseline finds ${baselineHits} forms, with no context rules)`,
    });
    record({
      name: `lint vs regex alternation of the same forms, ${Math.round(megabytes)} MB`,
      value: ours / baseline,
      unit: '×',
      target: '-',
      met: true,
      baseline,
      ratio: ours / baseline,
    });

    // Re-checking a 1 MB document in the editor: all of it (a new snapshot), and the lines of one edit (`range`).
    const document = files
      .slice(0, 20)
      .map((file) => fs.readFileSync(file, 'utf8'))
      .join('\n');
    const checker = createTerminologyChecker(termMap);
    const options = { locale: 'es' };
    const whole = quantile(
      timeRuns(() => checker.check(document, options), quick ? 5 : 20),
      0.5,
    );
    record({
      name: 'terminology re-check, 1 MB Markdown (whole document)',
      value: whole,
      unit: 'ms',
      target: '< 50',
      met: whole < 50,
    });
    const middle = document.indexOf('\n', document.length >> 1) + 1;
    const edit = quantile(
      timeRuns(
        () => checker.check(document, { ...options, range: { start: middle, end: middle + 1 } }),
        quick ? 20 : 100,
      ),
      0.5,
    );
    record({
      name: 'terminology re-check, 1 MB Markdown (lines of one edit)',
      value: edit,
      unit: 'ms',
      target: '< 50',
      met: edit < 50,
    });
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}
