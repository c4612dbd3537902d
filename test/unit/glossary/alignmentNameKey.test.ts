/**
 * The alignment's name key and the matcher's folding differ on purpose (see alignmentNameKey), and agree on what both
 * mean to ignore: the width of a letter, its case, and the Arabic marks a writer may or may not put on a word.
 */
import * as assert from 'node:assert/strict';
import { alignmentNameKey } from '../../../src/glossary/alignReference';
import { foldKey } from '../../../src/matching';

describe('alignmentNameKey beside the matcher’s foldKey', () => {
  it('drops exactly the Arabic marks the matcher’s folding drops', () => {
    const differing: string[] = [];
    for (let code = 0x0600; code <= 0x06ff; code++) {
      const mark = String.fromCharCode(code);
      const word = `كتب${mark}ة`;
      const dropsInName = alignmentNameKey(word) === 'كتبة';
      const dropsInMatcher = foldKey(word) === 'كتبة';
      if (dropsInName !== dropsInMatcher) differing.push(code.toString(16));
    }
    assert.deepEqual(differing, []);
  });

  it('ignores width, case and spacing as the matcher does', () => {
    assert.equal(alignmentNameKey(' ＡＴＴＥＮＴＩＯＮ  Mask '), 'attention mask');
    assert.equal(foldKey('ＡＴＴＥＮＴＩＯＮ'), 'attention');
  });

  it('keeps Latin accents and the Arabic article, which the matcher folds away for readers', () => {
    assert.notEqual(alignmentNameKey('atención'), alignmentNameKey('atencion'));
    assert.equal(foldKey('atención'), foldKey('atencion'));
    assert.notEqual(alignmentNameKey('الانتباه'), alignmentNameKey('انتباه'));
    assert.equal(foldKey('الانتباه'), foldKey('انتباه'));
  });
});
