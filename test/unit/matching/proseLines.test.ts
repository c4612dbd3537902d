/**
 * Long lines of short words with spaces and no punctuation (prose pasted as one line, generated text): findTermAt
 * must answer what findAll reports for that line at every offset, and it starts its scan a word or two before the
 * offset (window.ts, the sync point after a word no match continues past) instead of at the line start. These lines
 * are made of words that do continue matches, as well as words that do not: first and middle words of phrases,
 * chains of overlapping phrases (`tok tok tok …`), a CJK form holding Latin words and spaces, Korean particles,
 * Arabic articles and proclitics, capitals, tabs and runs of spaces too wide for a phrase.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { compileGlossaries } from '../../../src/glossary';
import { createTermMatcher } from '../../../src/matching';
import type { MatchContext, TermMatch, TermMatcher } from '../../../src/matching';
import { buildTermIndex } from '../../../src/matching/termIndex';
import { syncPointAtOrBefore } from '../../../src/matching/window';
import { repoRoot } from '../../helpers/repoRoot';
import { seededRandom } from '../../helpers/seededRandom';
import { makeTermMap } from './termMapFixture';

const fixtureMap = makeTermMap([
  { id: 'tok-pair', title: 'tok tok' },
  { id: 'tok-run', title: 'tok tok tok tok tok' },
  {
    id: 'attention-mask',
    title: 'attention mask',
    identifiers: ['attention_mask'],
    titles: { es: 'máscara de atención', ko: '어텐션 마스크', ar: 'قناع الانتباه' },
  },
  { id: 'padding-mask', title: 'padding mask' },
  { id: 'mask-token', title: 'mask token' },
  { id: 'token-over-each', title: 'over each token batch' },
  { id: 'input-ids', title: 'input IDs', identifiers: ['input_ids'] },
  { id: 'encoder-decoder', title: 'encoder-decoder', titles: { ja: 'エンコーダ decoder model' } },
  { id: 'model', title: 'model' },
]);
const fixtureMatcher = createTermMatcher(fixtureMap);

// The bundled glossary in the locales whose phrases are written with spaces, compiled once when the file loads (as
// incremental.test.ts does), outside any test's time limit.
const bundledMap = compileGlossaries(
  ['en', 'es', 'ar', 'ko'].map((locale) => ({
    file: `glossary/${locale}.md`,
    content: fs.readFileSync(path.join(repoRoot(), 'glossary', `${locale}.md`)),
  })),
).termMap;
const bundledMatcher = createTermMatcher(bundledMap);
const bundledContinuedWords = buildTermIndex(bundledMap).continuedWords;

/** Words that continue matches, words that end them, and words of other scripts, for random lines. */
const WORDS = [
  'tok',
  'Tok',
  'TOK',
  'attention',
  'Attention',
  'mask',
  'masks',
  'padding',
  'token',
  'over',
  'each',
  'batch',
  'input',
  'IDs',
  'ids',
  'the',
  'a',
  'model',
  'uses',
  'in',
  'decoder',
  'エンコーダ',
  'máscara',
  'de',
  'atención',
  '어텐션',
  '마스크를',
  'قناع',
  'الانتباه',
  'والانتباه',
  'self',
  'x2',
];
/** Whole phrases, so that a random line holds many matches and chains of them. */
const PHRASES = [
  'tok tok tok',
  'attention mask token',
  'padding mask token',
  'over each token batch',
  'input ids',
  'máscara de atención',
  '어텐션 마스크를',
  'قناع الانتباه',
  'エンコーダ decoder model',
];
const GAPS = [' ', ' ', ' ', ' ', '  ', '   ', '    ', '\t', '-'];

function randomLine(seed: number, length: number): string {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  let line = pick(WORDS);
  while (line.length < length) line += pick(GAPS) + (random() < 0.3 ? pick(PHRASES) : pick(WORDS));
  return line;
}

/** Asserts that findTermAt agrees with findAll at every `step`-th offset and at every offset of every match. */
function assertAgreement(matcher: TermMatcher, line: string, context: MatchContext, step: number): TermMatch[] {
  const matches = matcher.findAll(line, context);
  const offsets = new Set<number>();
  for (let offset = 0; offset < line.length; offset += step) offsets.add(offset);
  for (const match of matches) for (let offset = match.start; offset < match.end; offset++) offsets.add(offset);
  let next = 0;
  for (const offset of [...offsets].sort((a, b) => a - b)) {
    while (next < matches.length && matches[next]!.end <= offset) next++;
    const expected = next < matches.length && matches[next]!.start <= offset ? matches[next] : undefined;
    assert.deepEqual(matcher.findTermAt(line, offset, context), expected, `offset ${offset} of ${line.slice(0, 80)}`);
  }
  return matches;
}

describe('findTermAt on long lines of short words without punctuation', () => {
  it('agrees with findAll on a chain of overlapping phrases, odd and even', () => {
    for (const count of [301, 302]) {
      const line = Array.from({ length: count }, () => 'tok').join(' ');
      const matches = assertAgreement(fixtureMatcher, line, 'prose', 1);
      assert.equal(matches.length, Math.floor(count / 5) + (count % 5 >= 2 ? 1 : 0));
    }
  });

  it('agrees with findAll on random lines of phrase words, Spanish, Korean, Arabic and CJK forms', () => {
    for (const seed of [1, 2, 3, 4]) {
      const line = randomLine(seed, 6_000);
      const matches = assertAgreement(fixtureMatcher, line, seed % 2 === 0 ? 'code' : 'prose', 1);
      assert.ok(matches.length > 50, `seed ${seed} has matches to compare`);
    }
  });

  it('agrees with findAll where a CJK form runs over Latin words and spaces', () => {
    const line = `${'the model uses '.repeat(40)}エンコーダ decoder model ${'the model '.repeat(40)}`;
    const matches = assertAgreement(fixtureMatcher, line, 'prose', 1);
    assert.ok(matches.some((match) => match.termId === 'encoder-decoder' && match.text === 'エンコーダ decoder model'));
  });

  it('agrees with findAll with the bundled glossary, and starts the scan near the offset', () => {
    const prose = 'the model uses a padding mask over each token in batch '.repeat(2_000);
    assertAgreement(bundledMatcher, prose.slice(0, 4_000), 'prose', 1);
    // The sync point must be a word or two back: on this line every few words end every match.
    for (const offset of [5_000, 60_000, prose.length - 1]) {
      const from = syncPointAtOrBefore(prose, offset, bundledContinuedWords);
      assert.ok(from <= offset && from >= offset - 200, `offset ${offset}: sync point ${from}`);
    }
    const mixed = [
      'attention mask input ids the model uses a padding mask over each token',
      'máscara de atención los IDs de entrada',
      '어텐션 마스크를 the 입력 ID는 model',
      'قناع الانتباه والانتباه الذاتي model',
      'eager attention decoder input IDs past key values',
    ].join(' ');
    assertAgreement(bundledMatcher, `${mixed} `.repeat(10), 'prose', 1);
    assertAgreement(bundledMatcher, `${mixed} `.repeat(10), 'code', 1);
    for (const seed of [5, 6]) assertAgreement(bundledMatcher, randomLine(seed, 3_000), 'prose', 1);
  });
});
