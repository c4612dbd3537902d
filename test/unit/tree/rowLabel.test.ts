import * as assert from 'node:assert/strict';
import { rowLabel } from '../../../src/tree/rowLabel';

describe('row labels of the trees and Glossary: Search', () => {
  it('keep an English gloss outside the isolated right-to-left title, after it, where a narrow row cuts it first', () => {
    assert.equal(
      rowLabel('قناع انتباه فك التشفير (decoder attention mask)', 'ar'),
      '\u2067قناع انتباه فك التشفير\u2069 (decoder attention mask)',
    );
    assert.equal(
      rowLabel('النماذج اللغوية الكبيرة (large language models, LLM)', 'ar'),
      '\u2067النماذج اللغوية الكبيرة\u2069 (large language models, LLM)',
    );
  });

  it('isolate the Latin runs of the title itself, as every right-to-left text', () => {
    assert.equal(rowLabel('تنسيق GPT-2 (GPT-2 format)', 'ar'), '\u2067تنسيق \u2066GPT-2\u2069\u2069 (GPT-2 format)');
  });

  it('keep a right-to-left parenthetical, and a title without one, in the isolate', () => {
    assert.equal(rowLabel('قناع (مصفوفة)', 'ar'), '\u2067قناع (مصفوفة)\u2069');
    assert.equal(rowLabel('المُجزِّئ', 'ar'), '\u2067المُجزِّئ\u2069');
    assert.equal(rowLabel('(attention mask)', 'ar'), '\u2067(\u2066attention mask\u2069)\u2069');
  });

  it('leave left-to-right titles as they are', () => {
    assert.equal(rowLabel('어텐션 마스크 (attention mask)', 'ko'), '어텐션 마스크 (attention mask)');
    assert.equal(rowLabel('masked language modeling (MLM)', 'en'), 'masked language modeling (MLM)');
  });
});
