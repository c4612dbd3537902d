/**
 * One fuzz run: the corpus as it is, then seeded random cases, every case checked against the invariants of
 * issue #10 (invariants.ts) and the linear-work ratio (linear.ts). Shared by the bounded unit test and by
 * `npm run fuzz`.
 */
import * as path from 'node:path';
import { corpusCases, randomCase } from './cases';
import type { FuzzCase } from './generate';
import { loadCorpus } from './generate';
import type { Violation } from './invariants';
import { checkCase } from './invariants';
import { LinearityCheck } from './linear';
import { caseToJson, minimize, writeCase } from './minimize';
import { Random, caseSeed } from './random';

export interface FuzzOptions {
  readonly root: string;
  readonly seed: number;
  readonly cases: number;
  /** Largest glossary or document a random case makes, in code units. */
  readonly maxSize: number;
  /** Run the corpus cases (those whose files are at most this many code units) before the random ones; 0 for none. */
  readonly corpusMaxSize: number;
  /** Run the CLI on every n-th case (it writes files and compiles twice more, so it is the slowest check). */
  readonly cliEvery: number;
  /** Render the panel for every n-th case (a Markdown parse per entry). */
  readonly renderEvery: number;
  /** findTermAt calls per document (the agreement check); 200 unless given. */
  readonly probes?: number;
  /** Where minimized failing cases are written; undefined to skip minimizing. */
  readonly failureDir?: string;
  /** Only this case seed (replay). */
  readonly replay?: number;
  readonly input?: FuzzCase;
  readonly log?: (line: string) => void;
}

interface Failure {
  readonly name: string;
  /** The case seed, for `npm run fuzz -- --replay <seed>`; undefined for corpus and file cases. */
  readonly seed?: number;
  readonly violations: readonly Violation[];
  readonly file?: string;
}

export interface FuzzReport {
  readonly cases: number;
  readonly failures: Failure[];
  readonly elapsedMs: number;
}

export function runFuzz(options: FuzzOptions): FuzzReport {
  const started = performance.now();
  const corpus = loadCorpus(options.root);
  const linearity = new LinearityCheck(options.root);
  const failures: Failure[] = [];
  const log = options.log ?? ((): void => undefined);
  let count = 0;

  const runOne = (name: string, testCase: FuzzCase, seed: number | undefined, cli: boolean, render = true): void => {
    count++;
    const r = new Random(seed ?? count);
    const { violations, timings } = checkCase(testCase, r, { cli, render, probes: options.probes ?? 200 });
    linearity.check(testCase, timings, violations);
    const open: readonly Violation[] = violations;
    if (open.length === 0) return;
    let file: string | undefined;
    if (options.failureDir !== undefined) {
      const first = open[0]!.invariant;
      const fails = (candidate: FuzzCase): boolean =>
        checkCase(candidate, new Random(seed ?? count), {
          cli: first.startsWith('cli'),
          render: first.startsWith('panel'),
          probes: 200,
        }).violations.some((v) => v.invariant === first);
      const small = first.startsWith('superlinear') ? testCase : minimize(testCase, fails);
      file = writeCase(
        options.failureDir,
        `${seed ?? name.replace(/[^\w.-]/g, '_')}.json`,
        caseToJson(small, { seed, name, violations: open }),
      );
    }
    failures.push({
      name,
      ...(seed === undefined ? {} : { seed }),
      violations: open,
      ...(file === undefined ? {} : { file }),
    });
    log(
      `FAIL ${name}${seed === undefined ? '' : ` (replay: npm run fuzz -- --replay ${seed})`}: ${open.map((v) => `${v.invariant}: ${v.message.slice(0, 300)}`).join('; ')}${file ? ` → ${path.relative(options.root, file)}` : ''}`,
    );
  };

  if (options.input !== undefined) {
    runOne('input', options.input, undefined, true);
  } else if (options.replay !== undefined) {
    runOne(`case ${options.replay}`, randomCase(options.replay, corpus, options.maxSize), options.replay, true);
  } else {
    for (const { name, testCase } of corpusCases(corpus, options.corpusMaxSize)) {
      runOne(name, testCase, undefined, true);
    }
    for (let i = 0; i < options.cases; i++) {
      const seed = caseSeed(options.seed, i);
      const every = (n: number): boolean => n > 0 && i % n === 0;
      runOne(
        `case ${i}`,
        randomCase(seed, corpus, options.maxSize),
        seed,
        every(options.cliEvery),
        every(options.renderEvery),
      );
      if ((i + 1) % 1000 === 0) {
        log(`${i + 1} cases, ${failures.length} failing, ${((performance.now() - started) / 1000).toFixed(0)} s`);
      }
    }
  }
  return { cases: count, failures, elapsedMs: performance.now() - started };
}
