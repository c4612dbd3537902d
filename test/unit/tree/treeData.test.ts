import * as assert from 'node:assert/strict';
import type { TermMatch } from '../../../src/matching/types';
import { groupOccurrences, nextOccurrence } from '../../../src/tree/occurrences';
import { groupTermsBySection, sectionLetter } from '../../../src/tree/sections';
import { snapshotOf, testTermMap } from '../../helpers/termMapFixture';

describe('Terms view sections', () => {
  it('takes the first letter of the title without diacritics', () => {
    assert.equal(sectionLetter('épocas', 'es', 'E'), 'E');
    assert.equal(sectionLetter('  ¿qué? ', 'es', 'Q'), 'Q');
    assert.equal(sectionLetter('2D attention', 'en', 'A'), '#');
    assert.equal(sectionLetter('—', 'en', 'X'), 'X');
  });

  it('groups terms by the letter of their title in the display locale', () => {
    const english = groupTermsBySection(snapshotOf(testTermMap, 'en'));
    assert.deepEqual(
      english.map((s) => s.letter),
      ['A', 'H', 'L', 'M'],
    );
    const spanish = groupTermsBySection(snapshotOf(testTermMap, 'es'));
    // In Spanish "máscara de atención" moves to M and sorts before the English fallback "masked language modeling".
    assert.deepEqual(
      spanish.map((s) => [s.letter, s.terms.map((t) => t.termId)]),
      [
        ['H', ['hostile-example']],
        ['L', ['large-language-models-llm']],
        ['M', ['attention-mask', 'masked-language-modeling-mlm']],
      ],
    );
    assert.deepEqual(
      spanish[2]!.terms.map((t) => t.locale),
      ['es', 'en'],
    );
  });
});

describe('In This File occurrences', () => {
  const match = (termId: string, start: number): TermMatch => ({
    termId,
    start,
    end: start + 4,
    text: 'term',
    via: 'identifier',
  });
  const matches = [match('a', 0), match('b', 10), match('a', 20), match('a', 30)];

  it('groups matches by term in order of first appearance', () => {
    assert.deepEqual(
      groupOccurrences(matches).map((g) => [g.termId, g.matches.map((m) => m.start)]),
      [
        ['a', [0, 20, 30]],
        ['b', [10]],
      ],
    );
  });

  it('cycles through the occurrences of a term', () => {
    const [a] = groupOccurrences(matches);
    const starts: number[] = [];
    let selection = { start: 5, end: 5 };
    for (let i = 0; i < 4; i++) {
      const next = nextOccurrence(a!.matches, selection.start, selection.end)!;
      starts.push(next.start);
      selection = { start: next.start, end: next.end };
    }
    assert.deepEqual(starts, [20, 30, 0, 20]);
  });

  it('starts at an occurrence under the cursor that is not selected yet', () => {
    const [a] = groupOccurrences(matches);
    assert.equal(nextOccurrence(a!.matches, 0, 0)!.start, 0);
    assert.equal(nextOccurrence([], 0, 0), undefined);
  });
});
