/**
 * Shrinks a failing case to a small one that fails the same invariant (delta debugging over glossaries, documents
 * and then chunks of their text), and writes cases to and from JSON files for replay.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FuzzCase, FuzzSource } from './generate';

type Fails = (candidate: FuzzCase) => boolean;

function shrinkSequence<T extends { length: number }>(
  value: T,
  slice: (v: T, from: number, to: number) => T,
  join: (a: T, b: T) => T,
  stillFails: (v: T) => boolean,
  budget: { left: number },
): T {
  let current = value;
  for (
    let chunk = Math.max(1, current.length >> 1);
    chunk >= 1 && budget.left > 0;
    chunk = chunk === 1 ? 0 : Math.max(1, chunk >> 1)
  ) {
    for (let at = 0; at < current.length && budget.left > 0;) {
      const candidate = join(slice(current, 0, at), slice(current, at + chunk, current.length));
      budget.left--;
      if (stillFails(candidate)) current = candidate;
      else at += chunk;
    }
  }
  return current;
}

/** The smallest case found within `attempts` re-checks that still fails. */
export function minimize(testCase: FuzzCase, fails: Fails, attempts = 400): FuzzCase {
  const budget = { left: attempts };
  let current: FuzzCase = { glossaries: [...testCase.glossaries], documents: [...testCase.documents] };
  for (const key of ['documents', 'glossaries'] as const) {
    for (let i = current[key].length - 1; i >= 0 && budget.left > 0; i--) {
      const list = [...current[key]];
      list.splice(i, 1);
      const candidate = { ...current, [key]: list };
      budget.left--;
      if (fails(candidate)) current = candidate;
    }
  }
  current.glossaries.forEach((g, i) => {
    const replace = (content: string | Uint8Array): FuzzCase => ({
      ...current,
      glossaries: current.glossaries.map((x, k) => (k === i ? { ...x, content } : x)),
    });
    const content =
      typeof g.content === 'string'
        ? shrinkSequence(
            g.content,
            (v, a, b) => v.slice(a, b),
            (a, b) => a + b,
            (v) => fails(replace(v)),
            budget,
          )
        : shrinkSequence(
            g.content,
            (v, a, b) => v.slice(a, b),
            (a, b) => new Uint8Array([...a, ...b]),
            (v) => fails(replace(v)),
            budget,
          );
    current = replace(content);
  });
  current.documents.forEach((d, i) => {
    const replace = (text: string): FuzzCase => ({
      ...current,
      documents: current.documents.map((x, k) => (k === i ? { ...x, text } : x)),
    });
    current = replace(
      shrinkSequence(
        d.text,
        (v, a, b) => v.slice(a, b),
        (a, b) => a + b,
        (v) => fails(replace(v)),
        budget,
      ),
    );
  });
  return current;
}

interface StoredSource {
  file: string;
  locale?: string;
  text?: string;
  base64?: string;
}

export function caseToJson(testCase: FuzzCase, extra: Record<string, unknown>): string {
  const glossaries: StoredSource[] = testCase.glossaries.map((g) => ({
    file: g.file,
    ...(g.locale === undefined ? {} : { locale: g.locale }),
    ...(typeof g.content === 'string' ? { text: g.content } : { base64: Buffer.from(g.content).toString('base64') }),
  }));
  return `${JSON.stringify({ ...extra, glossaries, documents: testCase.documents }, null, 2)}\n`;
}

export function caseFromJson(json: string): FuzzCase {
  const stored = JSON.parse(json) as { glossaries: StoredSource[]; documents: { file: string; text: string }[] };
  const glossaries: FuzzSource[] = stored.glossaries.map((g) => ({
    file: g.file,
    content: g.base64 !== undefined ? new Uint8Array(Buffer.from(g.base64, 'base64')) : (g.text ?? ''),
    ...(g.locale === undefined ? {} : { locale: g.locale }),
  }));
  return { glossaries, documents: stored.documents };
}

export function writeCase(dir: string, name: string, json: string): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  fs.writeFileSync(file, json);
  return file;
}
