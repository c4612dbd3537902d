/**
 * The shortcuts that spare the matcher strings on Arabic and Korean text must answer exactly what the general rule
 * answers: foldText's path for an Arabic letter followed by tashkeel (the letter alone, without normalizing), and
 * regionEquals's comparison of a word of Arabic letters or Hangul syllables with a key (without foldKey).
 */
import * as assert from 'node:assert/strict';
import { foldKey } from '../../../src/matching';
import { foldText, originalRangeEnd, originalRangeStart } from '../../../src/matching/fold';
import { regionEquals } from '../../../src/matching/regions';
import { seededRandom } from '../../helpers/seededRandom';

const ARABIC_LETTERS = Array.from({ length: 0x064a - 0x0621 + 1 }, (_, i) => String.fromCharCode(0x0621 + i)).filter(
  (letter) => letter !== '\u0640',
);
/** Tashkeel and the Quranic marks folding drops, madda and hamza above and below (which compose) included. */
const MARKS = [
  ...Array.from({ length: 0x065f - 0x064b + 1 }, (_, i) => 0x064b + i),
  0x0670,
  ...Array.from({ length: 0x06dc - 0x06d6 + 1 }, (_, i) => 0x06d6 + i),
  ...Array.from({ length: 0x06e4 - 0x06df + 1 }, (_, i) => 0x06df + i),
  0x06e7,
  0x06e8,
  ...Array.from({ length: 0x06ed - 0x06ea + 1 }, (_, i) => 0x06ea + i),
].map((c) => String.fromCharCode(c));
const IGNORABLE = new Set([...MARKS, '\u0640']);

/** The general rule for one cluster: NFC, then tashkeel and tatweel dropped. */
function referenceFold(cluster: string): string {
  return [...cluster.normalize('NFC')].filter((unit) => !IGNORABLE.has(unit)).join('');
}

describe('folding shortcuts for Arabic and Korean', () => {
  it('folds every Arabic letter followed by one or two marks as NFC does, and maps it back to the whole cluster', () => {
    const random = seededRandom(5);
    for (const letter of ARABIC_LETTERS) {
      for (const mark of MARKS) {
        const second = MARKS[Math.floor(random() * MARKS.length)]!;
        for (const cluster of [letter + mark, letter + mark + second]) {
          const text = `x ${cluster} y`;
          const folded = foldText(text);
          assert.equal(folded.text, `x ${referenceFold(cluster)} y`, escape(cluster));
          if (folded.text.length > 4) {
            assert.equal(originalRangeStart(folded, 2), 2, escape(cluster));
            assert.equal(originalRangeEnd(folded, folded.text.length - 2), 2 + cluster.length, escape(cluster));
          }
        }
      }
    }
  });

  it('compares words of Arabic letters and Hangul syllables with keys as foldKey does', () => {
    const words = [
      'الانتباه',
      'انتباه',
      'الرمز',
      'رمز',
      'ال',
      'الم',
      'ـالرمز',
      'الرمـز',
      '어텐션',
      '마스크를',
      '마스크',
      'Ünïcode',
    ];
    const keys = ['انتباه', 'الانتباه', 'رمز', 'الرمز', 'ال', 'الم', 'م', '어텐션', '마스크', 'unicode', 'Ünïcode'];
    for (const word of words) {
      for (const key of keys) {
        const text = ` ${word} `;
        assert.equal(regionEquals(text, 1, 1 + word.length, key, true), foldKey(word) === key, `${word} / ${key}`);
      }
    }
  });
});
