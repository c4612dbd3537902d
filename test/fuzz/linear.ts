/**
 * The linear-work invariant without absolute times: a case's compile time per code unit is compared with the time per
 * code unit of compiling an honest glossary of about the same size, measured in the same run on the same machine;
 * findAll's time on a document with the time on honest prose of the same size, with the same matcher. The factor is
 * generous, and a case over it is measured again (best of three, baseline too) before it counts, so that a loaded
 * machine or a garbage collection never fails a run while a quadratic path (hundreds of times slower at these
 * sizes) always does.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { compileGlossaries } from '../../src/glossary';
import type { TermMap } from '../../src/glossary/types';
import { contextForFileName, createTermMatcher } from '../../src/matching';
import type { FuzzCase } from './generate';
import type { Violation } from './invariants';

/** Below this many code units, fixed costs and timer resolution dominate and the ratio says nothing. */
const MIN_MEASURED_SIZE = 8_192;
/** How many times slower per code unit than honest input a case may be. */
const SLOWDOWN_FACTOR = 25;

function best(runs: number, work: () => void): number {
  let fastest = Infinity;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    work();
    fastest = Math.min(fastest, performance.now() - started);
  }
  return fastest;
}

export class LinearityCheck {
  private readonly honestGlossary: string;
  private readonly honestProse: string;
  private readonly compileBaselines = new Map<number, number>();

  constructor(root: string) {
    this.honestGlossary = fs.readFileSync(path.join(root, 'glossary', 'en.md'), 'utf8');
    this.honestProse = [
      path.join(root, 'samples', 'getting-started.md'),
      path.join(root, 'test', 'fixtures', 'docs', 'quicktour_toy.md'),
    ]
      .map((f) => fs.readFileSync(f, 'utf8'))
      .join('\n');
  }

  /** An honest glossary of `size` code units: our own entries, repeated with numbered headings so that ids stay unique. */
  private glossaryOfSize(size: number): string {
    const parts: string[] = [];
    let total = 0;
    for (let copy = 0; total < size; copy++) {
      const text =
        copy === 0
          ? this.honestGlossary
          : this.honestGlossary.replace(/^# .*$/m, '').replace(/^(### .*?)(\s*\[\[[^\]]*\]\])?$/gm, `$1 ${copy}`);
      parts.push(text);
      total += text.length;
    }
    return parts.join('\n').slice(0, size);
  }

  private proseOfSize(size: number): string {
    return this.honestProse.repeat(Math.ceil(size / this.honestProse.length)).slice(0, size);
  }

  /** Milliseconds per code unit of compiling an honest glossary of about `size` units (cached per power of two). */
  private compileBaseline(size: number, remeasure: boolean): number {
    const bucket = 2 ** Math.ceil(Math.log2(size));
    const cached = this.compileBaselines.get(bucket);
    if (cached !== undefined && !remeasure) return cached;
    const text = this.glossaryOfSize(bucket);
    const perUnit = best(remeasure ? 3 : 1, () => compileGlossaries([{ file: 'honest.md', content: text }])) / bucket;
    this.compileBaselines.set(bucket, Math.min(perUnit, cached ?? Infinity));
    return this.compileBaselines.get(bucket)!;
  }

  check(
    testCase: FuzzCase,
    timings: { glossarySize: number; compileMs: number; documentSize: number; findAllMs: number; termMap?: TermMap },
    out: Violation[],
  ): void {
    const { glossarySize, documentSize } = timings;
    if (
      glossarySize >= MIN_MEASURED_SIZE &&
      timings.compileMs / glossarySize > SLOWDOWN_FACTOR * this.compileBaseline(glossarySize, false)
    ) {
      const again = best(2, () => compileGlossaries(testCase.glossaries));
      const perUnit = Math.min(timings.compileMs, again) / glossarySize;
      const baseline = this.compileBaseline(glossarySize, true);
      if (perUnit > SLOWDOWN_FACTOR * baseline) {
        out.push({
          invariant: 'superlinear-compile',
          message: `${(perUnit / baseline).toFixed(0)}× slower per code unit than an honest glossary of ${glossarySize} units`,
        });
      }
    }
    if (documentSize >= MIN_MEASURED_SIZE && timings.termMap !== undefined) {
      const matcher = createTermMatcher(timings.termMap);
      const honest = this.proseOfSize(documentSize);
      const baseline = (): number => best(3, () => matcher.findAll(honest, 'prose')) / documentSize;
      const measured = (): number =>
        best(2, () => testCase.documents.forEach((d) => matcher.findAll(d.text, contextForFileName(d.file)))) /
        documentSize;
      // A document shorter than the timer's resolution takes the first measurement at face value only when it is slow.
      if (timings.findAllMs / documentSize > SLOWDOWN_FACTOR * baseline()) {
        const perUnit = Math.min(timings.findAllMs / documentSize, measured());
        const base = baseline();
        if (perUnit > SLOWDOWN_FACTOR * Math.max(base, 1e-6)) {
          out.push({
            invariant: 'superlinear-findAll',
            message: `${(perUnit / base).toFixed(0)}× slower per code unit than honest prose of ${documentSize} units`,
          });
        }
      }
    }
  }
}
