/**
 * The bookkeeping of the editor's incremental check (src/diagnostics/findingState.ts): findings move with edits, the
 * dirty region covers every edit, and re-checking the lines from the dirty region to the end, in chunks as the
 * adapter does, gives exactly the findings of a full check of the new text (a property test over generated edits).
 */
import * as assert from 'node:assert/strict';
import type { Finding } from '../../../src/terminology';
import { checkDocument } from '../../../src/terminology';
import {
  EMPTY_STATE,
  applyChanges,
  fixAllEdits,
  markClean,
  replaceRegion,
  type FindingState,
  type TextChange,
} from '../../../src/diagnostics/findingState';
import { seededRandom as random } from '../../helpers/seededRandom';
import { terminologyTermMap } from '../terminology/fixture';

const PIECES = [
  'la cabeza ',
  'Cabezas',
  ' cabezal',
  'cabeza de atención',
  ' attention mask',
  'token ',
  '`cabeza`',
  '[x](../glossary#nope)',
  '<!-- cabeza -->',
  '<!--',
  '-->',
  '```',
  '\n',
  '\r\n',
  ' ',
  '*attention mask*',
  '<!-- glossary-ignore-next-line -->\n',
  'é',
];

const check = (text: string, range?: { start: number; end: number }): Finding[] =>
  checkDocument(text, { termMap: terminologyTermMap(), locale: 'es', ...(range ? { range } : {}) });

/** The start of the line holding `offset`, and the start of the line after the one holding `offset`. */
function lineStart(text: string, offset: number): number {
  let at = Math.min(offset, text.length);
  while (at > 0 && text[at - 1] !== '\n' && text[at - 1] !== '\r') at--;
  return at;
}
function lineAfter(text: string, offset: number): number {
  const rest = /\r\n?|\n/g;
  rest.lastIndex = Math.min(offset, text.length);
  const found = rest.exec(text);
  return found ? found.index + found[0].length : text.length;
}

/** What the adapter does after an edit: the lines from the dirty region to the end, in chunks of about `chunk` units. */
function recheck(state: FindingState, text: string, chunk: number): FindingState {
  if (state.dirtyFrom === undefined) return state;
  let start = lineStart(text, state.dirtyFrom);
  let end = Math.min(lineAfter(text, state.dirtyTo ?? start), lineAfter(text, start + chunk));
  let current = state;
  for (;;) {
    current = replaceRegion(
      current,
      start,
      end >= text.length ? Infinity : end,
      check(text, { start, end: Math.max(start, end - 1) }),
    );
    if (end >= text.length) return markClean(current);
    start = end;
    end = lineAfter(text, start + chunk);
  }
}

function edit(text: string, change: TextChange, inserted: string): string {
  return text.slice(0, change.offset) + inserted + text.slice(change.offset + change.removed);
}

describe('incremental findings', () => {
  it('after any edit, moving the findings and re-checking from the dirty region gives the full check (400 generated edits)', () => {
    let findingsSeen = 0;
    for (let seed = 1; seed <= 400; seed++) {
      const next = random(seed);
      let text = '';
      for (let k = 0, n = 5 + Math.floor(next() * 30); k < n; k++) text += PIECES[Math.floor(next() * PIECES.length)];
      let state = recheck({ ...EMPTY_STATE, dirtyFrom: 0, dirtyTo: 0 }, text, 8);
      assert.deepEqual(state.findings, check(text), `seed ${seed}: the first check`);
      // One to three edits in one event, from the end of the text backwards as VS Code lists them.
      const edits: { change: TextChange; inserted: string }[] = [];
      let limit = text.length;
      for (let k = 0, n = 1 + Math.floor(next() * 3); k < n && limit > 0; k++) {
        const offset = Math.floor(next() * limit);
        const removed = Math.floor(next() * Math.min(6, limit - offset));
        const inserted = next() < 0.7 ? PIECES[Math.floor(next() * PIECES.length)]! : '';
        edits.push({ change: { offset, removed, inserted: inserted.length }, inserted });
        limit = offset;
      }
      for (const { change, inserted } of edits) text = edit(text, change, inserted);
      state = applyChanges(
        state,
        edits.map((e) => e.change),
      );
      // Every finding kept or moved still flags its own text in the new text, before any check.
      for (const finding of state.findings) {
        if (state.dirtyFrom !== undefined && finding.start >= lineStart(text, state.dirtyFrom)) continue;
        assert.equal(
          text.slice(finding.start, finding.end),
          finding.text,
          `seed ${seed}: a finding before the edit moved`,
        );
      }
      state = recheck(state, text, 1 + Math.floor(next() * 40));
      assert.deepEqual(state.findings, check(text), `seed ${seed}: after the edit`);
      findingsSeen += state.findings.length;
    }
    assert.ok(findingsSeen > 200, `only ${findingsSeen} findings were generated`);
  });

  it('moves a finding after an edit by the length difference, with its fix, and drops one the edit touches', () => {
    const text = 'la cabeza y la cabeza';
    const state = { ...EMPTY_STATE, findings: check(text) };
    assert.equal(state.findings.length, 2);
    const moved = applyChanges(state, [{ offset: 0, removed: 2, inserted: 5 }]);
    assert.deepEqual(
      moved.findings.map((f) => [f.start, f.end, f.fixes[0]?.start]),
      state.findings.map((f) => [f.start + 3, f.end + 3, f.start + 3]),
    );
    assert.deepEqual([moved.dirtyFrom, moved.dirtyTo], [0, 5]);
    const touched = applyChanges(state, [{ offset: 5, removed: 1, inserted: 0 }]);
    assert.deepEqual(
      touched.findings.map((f) => f.start),
      [15 - 1],
    );
  });

  it('fix all takes the first fix of every finding, and never two that overlap', () => {
    const findings = check('la cabeza, el cabezal y `cabeza`');
    assert.deepEqual(
      fixAllEdits(findings).map((fix) => fix.newText),
      findings.map((f) => f.fixes[0]!.newText),
    );
    const overlapping = [
      findings[0]!,
      {
        ...findings[0]!,
        start: findings[0]!.start + 1,
        fixes: [{ ...findings[0]!.fixes[0]!, start: findings[0]!.start + 1 }],
      },
    ];
    assert.equal(fixAllEdits(overlapping).length, 1);
  });
});
