/**
 * "In This File" rescans only the lines an edit changed (src/matching/incremental.ts): over random sequences of edits
 * to Transformers-style code and docs, every rescan must give exactly the matches of a full findAll of the new text.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { compileGlossaries } from '../../../src/glossary';
import { createTermMatcher, rescanDocument, scanDocument, type DocumentScan } from '../../../src/matching';
import type { MatchContext } from '../../../src/matching';
import { readFixtureText, repoRoot } from '../../helpers/repoRoot';
import { seededRandom } from '../../helpers/seededRandom';

const termMap = compileGlossaries(
  ['glossary/en.md', 'glossary/es.md'].map((file) => ({ file, content: fs.readFileSync(path.join(repoRoot(), file)) })),
).termMap;
const matcher = createTermMatcher(termMap);

// Pieces an edit inserts: terms, halves of terms, fences that open and close Python blocks, links, line ends of
// every kind, and text that joins or splits words and phrases.
const SNIPPETS = [
  'attention mask',
  'attention',
  ' mask',
  'input_ids',
  '_ids',
  'labels=None,',
  '`labels`',
  '**token**',
  '\n```python\n',
  '\n```\n',
  '```',
  '~~~py\n',
  '\n~~~\n',
  '\r\n',
  '\r',
  '\n',
  ' ',
  '-',
  '[input IDs](../glossary#input-ids)',
  '(../glossary#attention-mask)',
  'self-attention',
  'máscara de atención',
  'MLM',
  'decoder_attention_mask',
  'outputs.logits',
  'x = 1\n',
];

function randomEdit(text: string, random: () => number): string {
  const at = Math.floor(random() * (text.length + 1));
  const roll = random();
  if (roll < 0.4) {
    const snippet = SNIPPETS[Math.floor(random() * SNIPPETS.length)]!;
    return text.slice(0, at) + snippet + text.slice(at);
  }
  const length = Math.floor(random() * (roll < 0.8 ? 12 : 400));
  if (roll < 0.8) return text.slice(0, at) + text.slice(at + length);
  // A move: cut a span and paste it elsewhere, as a refactoring does.
  const cut = text.slice(at, at + length);
  const rest = text.slice(0, at) + text.slice(at + length);
  const to = Math.floor(random() * (rest.length + 1));
  return rest.slice(0, to) + cut + rest.slice(to);
}

function check(start: string, context: MatchContext, seed: number, edits: number): number {
  const random = seededRandom(seed);
  let scan: DocumentScan = scanDocument(matcher, start, context);
  let changed = 0;
  for (let step = 0; step < edits; step++) {
    const text = randomEdit(scan.text, random);
    const next = rescanDocument(matcher, scan, text);
    const full = matcher.findAll(text, context);
    assert.deepEqual(next.matches, full, `seed ${seed}, edit ${step}: the rescan differs from a full scan`);
    if (next.matches.length !== scan.matches.length) changed++;
    scan = next;
  }
  return changed;
}

describe('incremental rescan (In This File)', () => {
  // Repeated, so that most edits touch a small part of the text and take the incremental path.
  const quicktour = readFixtureText('docs/quicktour_toy.md').repeat(4);
  const modeling = readFixtureText('code/modeling_toy.py').repeat(3);

  for (let seed = 1; seed <= 6; seed++) {
    it(`equals a full scan after every random edit of a Markdown page (seed ${seed})`, () => {
      const changed = check(quicktour, 'prose', seed, 150);
      assert.ok(changed > 10, 'the edits should change the matches often');
    });
    it(`equals a full scan after every random edit of a Python module (seed ${seed})`, () => {
      const changed = check(modeling, 'code', seed + 100, 150);
      assert.ok(changed > 10, 'the edits should change the matches often');
    });
  }

  it('rescans only the changed lines of a large document', () => {
    const large = quicktour.repeat(10);
    const scan = scanDocument(matcher, large, 'prose');
    const at = large.indexOf('attention mask', large.length / 2);
    const edited = `${large.slice(0, at)}the ${large.slice(at)}`;
    // Count the findAll calls and the text they read: a few lines, not the document.
    let scanned = 0;
    const counting = {
      findTermAt: matcher.findTermAt.bind(matcher),
      findAll: (text: string, context: MatchContext) => {
        scanned += text.length;
        return matcher.findAll(text, context);
      },
    };
    const next = rescanDocument(counting, scan, edited);
    assert.deepEqual(next.matches, matcher.findAll(edited, 'prose'));
    assert.ok(scanned > 0 && scanned < 2_000, `read ${scanned} units of ${edited.length}`);
  });

  it('scans again the lines after a fence the edit opened, and no more than those', () => {
    const text = 'Intro with attention mask.\n\n```python\nmodel(labels=labels)\n```\n\nOutro on the attention mask.\n';
    const scan = scanDocument(matcher, text, 'prose');
    const edited = text.replace('```python\n', '');
    assert.deepEqual(rescanDocument(matcher, scan, edited).matches, matcher.findAll(edited, 'prose'));
  });
});
