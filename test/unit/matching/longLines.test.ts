/**
 * Long lines without spaces (minified code, encoded data, a paste of one long word): findTermAt must answer what
 * findAll reports for that line at every offset, and its work must not grow with the line. The sync point it starts
 * from (window.ts) may lie inside a run of LONG_WORD_RUN word units; these lines put such runs next to everything
 * that could carry a decision across them: phrases with a long second word, identifiers, links, Korean particles,
 * Arabic marks, a CJK form ending in Latin letters, and `glossary` words inside the runs.
 */
import * as assert from 'node:assert/strict';
import { createTermMatcher } from '../../../src/matching';
import type { MatchContext, TermMatch } from '../../../src/matching';
import { LONG_WORD_RUN, syncPointAtOrBefore } from '../../../src/matching/window';
import { seededRandom } from '../../helpers/seededRandom';
import { makeTermMap } from './termMapFixture';

/** A second word of 150 units: longer than a word the scanner looks up alone, shorter than a long run. */
const LONG_SECOND_WORD = 'w'.repeat(150);

const matcher = createTermMatcher(
  makeTermMap([
    {
      id: 'attention-mask',
      title: 'attention mask',
      identifiers: ['attention_mask'],
      titles: { ko: '어텐션 마스크', ar: 'قناع الانتباه', 'zh-hans': '注意力掩码' },
    },
    { id: 'input-ids', title: 'input IDs', identifiers: ['input_ids'], titles: { 'zh-hans': '输入ID' } },
    { id: 'token', title: 'token' },
    { id: 'long-phrase', title: 'Long phrase', aliases: [`mask ${LONG_SECOND_WORD}`] },
    { id: 'masked-language-modeling', title: 'masked language modeling', abbreviations: ['MLM'] },
  ]),
);

/** Asserts that findTermAt agrees with findAll at every `step`-th offset and at every offset of every match. */
function assertAgreement(line: string, context: MatchContext, step: number): TermMatch[] {
  const matches = matcher.findAll(line, context);
  const expectedAt = (offset: number): TermMatch | undefined =>
    matches.find((match) => match.start <= offset && offset < match.end);
  const offsets = new Set<number>();
  for (let offset = 0; offset < line.length; offset += step) offsets.add(offset);
  for (const match of matches) for (let offset = match.start; offset < match.end; offset++) offsets.add(offset);
  for (const offset of offsets) {
    assert.deepEqual(matcher.findTermAt(line, offset, context), expectedAt(offset), `offset ${offset}`);
  }
  return matches;
}

/** Runs of letters of spaced scripts, and Han, whose runs hold forms anywhere and never certify a sync point. */
const RUN_UNITS = [
  'abcdefghijklmnopqrstuvwxyz_0123456789',
  'ابتثجحخدذرزسشصضطظعغفقكلمنهوي',
  '가나다라마바사아자차카타파하',
  '我们用的文本很长没有标点',
];

/** A line of long runs of word units (ASCII, Arabic, Hangul) with terms, links and marks between and inside them. */
function hostileLine(seed: number): string {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const run = (length: number): string => {
    const units = pick(RUN_UNITS);
    let out = '';
    while (out.length < length) out += units[Math.floor(random() * units.length)];
    return out;
  };
  const pieces = [
    () => run(LONG_WORD_RUN - 2 + Math.floor(random() * 5)),
    () => run(600 + Math.floor(random() * 900)),
    () => ` attention mask `,
    () => `attention_mask`,
    () => `_input_ids_`,
    () => ` mask ${LONG_SECOND_WORD} `,
    () => ` \`token\` `,
    () => ` MLM `,
    () => `[${run(40)}](glossary#attention-mask)`,
    () => ` \`text <glossary.html#input-ids>\`__`,
    () => 'glossary',
    () => ' 어텐션 마스크를',
    () => ' قناع الانتباه',
    () => '\u064b',
    () => '\u0301',
    () => '输入ID',
    () => '注意力掩码',
    () => ' ',
  ];
  let line = '';
  while (line.length < 4_000) line += pick(pieces)();
  return line;
}

describe('findTermAt on long lines without spaces', () => {
  it('agrees with findAll on lines of long runs around terms, links, particles and marks', () => {
    for (const seed of [1, 2, 3]) {
      const line = hostileLine(seed);
      const matches = assertAgreement(line, seed % 2 === 0 ? 'code' : 'prose', 13);
      assert.ok(matches.length > 10, `seed ${seed} has matches to compare`);
    }
  });

  it('agrees with findAll where a phrase ends with a word longer than the scanner looks up alone', () => {
    const line = `${'x'.repeat(3_000)}(mask ${LONG_SECOND_WORD} and ${'y'.repeat(3_000)} mask ${LONG_SECOND_WORD}`;
    const matches = assertAgreement(line, 'prose', 1);
    assert.deepEqual(
      matches.map((match) => [match.termId, match.start]),
      [
        ['long-phrase', 3_001],
        ['long-phrase', 6_162],
      ],
    );
  });

  it('starts a hover on a 1 MB word at most LONG_WORD_RUN units before the offset', () => {
    const line = 'token_'.repeat(200_000);
    for (const offset of [0, 1_000, 500_000, line.length - 1]) {
      assert.ok(syncPointAtOrBefore(line, offset) >= offset - LONG_WORD_RUN, `offset ${offset}`);
      assert.equal(matcher.findTermAt(line, offset, 'prose'), undefined);
    }
    const withTerm = `${line} attention_mask ${line}`;
    const at = line.length + 3;
    assert.ok(syncPointAtOrBefore(withTerm, at) >= at - 2 * LONG_WORD_RUN);
    assert.equal(matcher.findTermAt(withTerm, at, 'code')?.termId, 'attention-mask');
  });
});
