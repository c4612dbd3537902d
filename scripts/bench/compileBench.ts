/**
 * The compile figures of `npm run bench` that need a process or a thread of their own: large glossaries compiled in a
 * child process per size (so that each peak memory is its own), and the compile worker's overhead over compiling on
 * the calling thread. bench.ts calls these with its figure recorder.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { alignmentReference, compileGlossaries, parseTermMapJson, type CompileOptions } from '../../src/glossary';
import type { GlossarySource, TermMap } from '../../src/glossary/types';
import { InThreadCompilerHost, type GlossaryCompilerHost } from '../../src/service/compilerHost';
import { NodeCompilerHost } from '../../src/service/nodeCompilerHost';
import { median, type Figure } from './figures';
import { syntheticGlossary } from './inputs';

export interface BenchContext {
  readonly root: string;
  readonly quick: boolean;
  readonly record: (figure: Figure) => void;
}

/** Milliseconds of one call of `fn`, wall clock. */
function timeMs(fn: () => unknown): number {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

/**
 * The median time to compile `sources`, and the median time remark takes to parse the same files, each whole and
 * once, without any of our work: the floor the compiler is measured against. Runs alternate after one warm-up of
 * each, so that a change in the machine's load touches both sides alike.
 */
function compileVersusParse(sources: readonly GlossarySource[], runs: number): { compileMs: number; parseMs: number } {
  const parser = unified().use(remarkParse).freeze();
  const texts = sources.map((source) =>
    typeof source.content === 'string' ? source.content : new TextDecoder().decode(source.content),
  );
  const compile = (): unknown => compileGlossaries(sources);
  const parse = (): unknown => texts.map((text) => parser.parse(text));
  compile();
  parse();
  const compiles: number[] = [];
  const parses: number[] = [];
  for (let run = 0; run < runs; run++) {
    compiles.push(timeMs(compile));
    parses.push(timeMs(parse));
  }
  return { compileMs: median(compiles), parseMs: median(parses) };
}

/**
 * The compile figures that run in the bench's own process: the bundled glossary (every locale, as `npm run build`
 * compiles it), the Spanish seed glossary, and synthetic glossaries of growing size.
 */
export function compileFigures(
  { root, quick, record }: BenchContext,
  bundledSources: readonly GlossarySource[],
  termMap: TermMap,
): void {
  // The bundled glossary is compiled by `npm run build`, never in the editor (which reads dist/termmap.json). Its
  // target is relative to remark parsing the same files whole, measured in the same run: remark parses about 1 MB/s,
  // the six locales are 1.2 MB of Markdown, and parsing is three quarters of a compile, so no absolute target under a
  // second can hold. All the compiler's own work (decoding, nesting limits, alignment, normalizing, checks) may cost
  // half a parse more.
  const entries = termMap.terms.reduce((n, term) => n + Object.keys(term.entries).length, 0);
  const bundled = compileVersusParse(bundledSources, quick ? 3 : 15);
  const bundledRatio = bundled.compileMs / bundled.parseMs;
  record({
    name: `compile the bundled glossary (${termMap.locales.join(', ')}: ${entries} entries)`,
    value: bundled.compileMs,
    unit: 'ms',
    target: '≤ 1.5× remark parse',
    met: bundledRatio <= 1.5,
    baseline: bundled.parseMs,
    ratio: bundledRatio,
  });
  const seed = path.join(root, '..', 'shared', 'seeds', '000_b68843c2475025f3.txt');
  if (fs.existsSync(seed)) {
    const ms = median(
      Array.from({ length: quick ? 3 : 15 }, () =>
        timeMs(() => compileGlossaries([{ file: seed, content: fs.readFileSync(seed), locale: 'es' }])),
      ),
    );
    record({
      name: 'compile the Spanish seed glossary (51 terms, mojibake repair)',
      value: ms,
      unit: 'ms',
      target: '-',
      met: true,
    });
  } else {
    console.log('skip: ../shared/seeds is absent, so the seed glossary is not measured');
  }
  const times = new Map<number, number>();
  for (const n of [50, 1_000, 10_000]) {
    const sources = [{ file: `synthetic-${n}.md`, content: syntheticGlossary(n), locale: 'en' }];
    const runs = n >= 10_000 ? (quick ? 1 : 3) : quick ? 3 : 10;
    // The largest size is also measured against remark's parse of the same text, which costs as much again.
    const measured =
      n >= 10_000
        ? compileVersusParse(sources, runs)
        : {
            compileMs: median(
              Array.from({ length: runs + 1 }, () => timeMs(() => compileGlossaries(sources))).slice(1),
            ),
            parseMs: undefined,
          };
    times.set(n, measured.compileMs);
    record({
      name: `compile a synthetic glossary of ${n.toLocaleString('en')} entries`,
      value: measured.compileMs,
      unit: 'ms',
      target: n === 10_000 ? '< 2000' : '-',
      met: n !== 10_000 || measured.compileMs < 2000,
      ...(measured.parseMs !== undefined
        ? { baseline: measured.parseMs, ratio: measured.compileMs / measured.parseMs }
        : {}),
    });
  }
  const exponent = Math.log(times.get(10_000)! / times.get(1_000)!) / Math.log(10);
  record({
    name: 'compile growth exponent, 1,000 → 10,000 entries',
    value: exponent,
    unit: '',
    target: '≈ 1 (≤ 1.2)',
    met: exponent <= 1.2,
  });
}

// Real entries repeated with unique headings to 1 MB and 10 MB; each size compiles in a child process of its own
// (./compile-size.ts), so that its peak memory is its own. The baseline is remark parsing the same text in that child.
interface LargeCompile {
  bytes: number;
  ms: number;
  rssMb: number;
  heapMb: number;
  terms: number;
  errors: number;
  parseMs: number;
}
/** Real entries repeated with unique headings to 1 MB and 10 MB, each compiled in a child process of its own. */
export function largeGlossaries({ root, quick, record }: BenchContext): void {
  for (const megabytes of quick ? [1] : [1, 10]) {
    const out = execFileSync(
      process.execPath,
      [path.join(__dirname, 'compile-size.js'), String(megabytes * 1_000_000), path.join(root, 'glossary/en.md')],
      {
        encoding: 'utf8',
        maxBuffer: 1 << 20,
      },
    );
    const run = JSON.parse(out) as LargeCompile;
    if (run.errors > 0) {
      throw new Error(`the ${megabytes} MB glossary has ${run.errors} errors: its generator is broken`);
    }
    const mbps = run.bytes / 1e6 / (run.ms / 1000);
    const label = `${megabytes} MB glossary (${run.terms.toLocaleString('en')} real entries)`;
    record({
      name: `compile ${label}, CPU time`,
      value: mbps,
      unit: 'MB/s',
      target: '-',
      met: true,
      baseline: run.bytes / 1e6 / (run.parseMs / 1000),
      ratio: run.parseMs / run.ms,
    });
    record({ name: `peak RSS, compile ${label}`, value: run.rssMb, unit: 'MB', target: '-', met: true });
    record({ name: `heap high-water, compile ${label}`, value: run.heapMb, unit: 'MB', target: '-', met: true });
  }
}

/**
 * What compiling a custom glossary in the worker thread costs over compiling it on the calling thread, for a 1 MB
 * glossary: worker start-up, transferring the bytes, sending the term map back as JSON and checking it. Each worker
 * compile starts a fresh worker (a 1 MB input is past the host's recycling size), as it does in the editor.
 */
export async function workerOverhead({ root, quick, record }: BenchContext): Promise<void> {
  const workerFile = path.join(root, 'dist', 'compileWorker.js');
  if (!fs.existsSync(workerFile)) {
    console.log('skip: dist/compileWorker.js is missing, so the compile worker is not measured');
    return;
  }
  let entries = 4_000;
  let text = syntheticGlossary(entries);
  while (Buffer.byteLength(text) < 1_000_000) text = syntheticGlossary((entries += 200));
  const bytes = Buffer.byteLength(text);
  const time = async (host: GlossaryCompilerHost): Promise<number> => {
    // A fresh array per run: the worker host transfers, and so empties, the one it is given.
    const t0 = process.hrtime.bigint();
    const outcome = await host.compile([
      { file: 'synthetic-1mb.md', content: new Uint8Array(Buffer.from(text)), locale: 'en' },
    ]);
    const ns = Number(process.hrtime.bigint() - t0);
    if (!outcome.ok) throw new Error(`the ${host.constructor.name} failed: ${outcome.detail}`);
    return ns;
  };
  const worker = new NodeCompilerHost({ workerFile });
  const inThread = new InThreadCompilerHost();
  const workerTimes: number[] = [];
  const threadTimes: number[] = [];
  // Alternating runs, so that a change in the machine's load during the run touches both sides alike.
  for (let run = 0; run < (quick ? 1 : 3); run++) {
    threadTimes.push(await time(inThread));
    workerTimes.push(await time(worker));
  }
  worker.dispose();
  await upstreamGlossary({ root, quick, record }, workerFile);
  const workerMs = median(workerTimes) / 1e6;
  const threadMs = median(threadTimes) / 1e6;
  record({
    name: `compile ${(bytes / 1e6).toFixed(2)} MB in the calling thread`,
    value: bytes / 1e6 / (threadMs / 1000),
    unit: 'MB/s',
    target: '-',
    met: true,
  });
  record({
    name: `compile ${(bytes / 1e6).toFixed(2)} MB in the worker / in the calling thread`,
    value: workerMs / threadMs,
    unit: '×',
    target: '≤ 1.2',
    met: workerMs / threadMs <= 1.2,
    baseline: threadMs,
    ratio: workerMs / threadMs,
  });
}

/**
 * What a user waits for when a repository's own glossary is discovered (`docs/source/en/glossary.md` of the
 * Transformers repository, a real file in ../shared/upstream): its compile with the bundled glossary as the alignment
 * reference, as the editor runs it, on the calling thread and in a fresh compile worker (start-up included, as on the
 * first compile after the editor starts).
 */
async function upstreamGlossary({ root, quick, record }: BenchContext, workerFile: string): Promise<void> {
  const file = path.join(root, '..', 'shared', 'upstream', 'en-glossary.md');
  if (!fs.existsSync(file)) {
    console.log('skip: ../shared/upstream is absent, so the upstream glossary is not measured');
    return;
  }
  const bytes = fs.readFileSync(file);
  const bundledFile = path.join(root, 'dist', 'termmap.json');
  const options: CompileOptions = {
    reference: alignmentReference(parseTermMapJson(fs.readFileSync(bundledFile, 'utf8'), bundledFile)),
  };
  const source = (): GlossarySource => ({
    file: 'docs/source/en/glossary.md',
    content: new Uint8Array(bytes),
    locale: 'en',
  });
  const entries = compileGlossaries([source()], options).termMap.terms.length;
  const label = `the upstream English glossary (${Math.round(bytes.length / 1000)} KB, ${entries} entries)`;
  const inThread = median(
    Array.from({ length: quick ? 5 : 20 }, () => timeMs(() => compileGlossaries([source()], options))),
  );
  record({ name: `compile ${label}, calling thread`, value: inThread, unit: 'ms', target: '-', met: true });
  const cold: number[] = [];
  for (let run = 0; run < (quick ? 2 : 5); run++) {
    const host = new NodeCompilerHost({ workerFile });
    const t0 = process.hrtime.bigint();
    const outcome = await host.compile([source()], options);
    cold.push(Number(process.hrtime.bigint() - t0) / 1e6);
    host.dispose();
    if (!outcome.ok) throw new Error(`the compile worker failed on the upstream glossary: ${outcome.detail}`);
  }
  record({
    name: `compile ${label}, fresh worker (start + compile)`,
    value: median(cold),
    unit: 'ms',
    target: '-',
    met: true,
  });
}
