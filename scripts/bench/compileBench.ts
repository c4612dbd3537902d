/**
 * The compile figures of `npm run bench` that need a process or a thread of their own: large glossaries compiled in a
 * child process per size (so that each peak memory is its own), and the compile worker's overhead over compiling on
 * the calling thread. bench.ts calls these with its figure recorder.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { InThreadCompilerHost, type GlossaryCompilerHost } from '../../src/service/compilerHost';
import { NodeCompilerHost } from '../../src/service/nodeCompilerHost';
import { quantile, type Figure } from './figures';
import { syntheticGlossary } from './inputs';

export interface BenchContext {
  readonly root: string;
  readonly quick: boolean;
  readonly record: (figure: Figure) => void;
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
  const workerMs =
    quantile(
      workerTimes.sort((a, b) => a - b),
      0.5,
    ) / 1e6;
  const threadMs =
    quantile(
      threadTimes.sort((a, b) => a - b),
      0.5,
    ) / 1e6;
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
