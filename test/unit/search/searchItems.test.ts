import * as assert from 'node:assert/strict';
import { bestNameMatch, buildSearchItems } from '../../../src/search/searchItems';
import { filterSearchItems } from '../../helpers/quickPickFilter';
import type { TermMap } from '../../../src/glossary';
import { snapshotOf, testTermMap } from '../../helpers/termMapFixture';

describe('Glossary: Search items', () => {
  const english = buildSearchItems(snapshotOf(testTermMap, 'en'));
  const spanish = buildSearchItems(snapshotOf(testTermMap, 'es'));

  it('has one item per term, labelled with the title in the display locale', () => {
    assert.equal(english.length, testTermMap.terms.length);
    assert.equal(english.find((item) => item.termId === 'attention-mask')?.label, 'attention mask');
    assert.equal(spanish.find((item) => item.termId === 'attention-mask')?.label, 'máscara de atención');
  });

  it('describes an item with its identifiers and abbreviations, and details it with the summary', () => {
    const mask = english.find((item) => item.termId === 'attention-mask')!;
    assert.ok(mask.description.startsWith('attention_mask'));
    assert.match(mask.detail, /ones and zeros/);
    assert.ok(english.find((item) => item.termId === 'masked-language-modeling-mlm')!.description.startsWith('MLM'));
  });

  it('sorts items by label for the display locale', () => {
    const labels = spanish.map((item) => item.label);
    assert.deepEqual(
      labels,
      [...labels].sort((a, b) => a.localeCompare(b, 'es')),
    );
  });

  it('finds a term by its title in another locale', () => {
    assert.deepEqual(
      filterSearchItems(english, 'máscara').map((item) => item.termId),
      ['attention-mask'],
    );
    assert.deepEqual(
      filterSearchItems(spanish, 'attention mask').map((item) => item.termId),
      ['attention-mask'],
    );
  });

  it('finds a term by its abbreviation, its identifier and words of its summary', () => {
    assert.deepEqual(
      filterSearchItems(english, 'MLM').map((item) => item.termId),
      ['masked-language-modeling-mlm'],
    );
    assert.deepEqual(
      filterSearchItems(english, 'attention_mask').map((item) => item.termId),
      ['attention-mask'],
    );
    assert.deepEqual(
      filterSearchItems(english, 'predicts them').map((item) => item.termId),
      ['masked-language-modeling-mlm'],
    );
  });

  it('does not repeat the label or its plural in the description', () => {
    const mask = english.find((item) => item.termId === 'attention-mask')!;
    assert.doesNotMatch(mask.description, /attention masks?(?: ·|$)/);
  });

  it('names the term whose title, identifier or abbreviation the query is', () => {
    assert.equal(bestNameMatch(english, 'MLM')?.termId, 'masked-language-modeling-mlm');
    assert.equal(bestNameMatch(english, 'llm')?.termId, 'large-language-models-llm');
    assert.equal(bestNameMatch(english, 'attention_mask')?.termId, 'attention-mask');
    assert.equal(
      bestNameMatch(english, 'mascara de')?.termId,
      'attention-mask',
      'a prefix of a title, diacritics ignored',
    );
    assert.equal(bestNameMatch(english, 'tokens'), undefined, 'summary words name no term');
    assert.equal(bestNameMatch(english, '  '), undefined);
  });

  describe('in Arabic', () => {
    const title = 'قناع الانتباه (attention mask)';
    const summary = 'موتر يُمرَّر مع input_ids ليحدد المواضع المحشوة.';
    const withArabic: TermMap = {
      ...testTermMap,
      locales: [...testTermMap.locales, 'ar'],
      terms: testTermMap.terms.map((t) =>
        t.id === 'attention-mask'
          ? {
              ...t,
              titles: { ...t.titles, ar: title },
              entries: { ...t.entries, ar: { ...t.entries.en!, title, summary } },
            }
          : t,
      ),
    };
    const arabic = buildSearchItems(snapshotOf(withArabic, 'ar'));
    const mask = arabic.find((item) => item.termId === 'attention-mask')!;

    it('isolates the label and the detail, which a quick pick lays out left to right', () => {
      // The English gloss follows the isolated title, so that a narrow row cuts the gloss rather than the title.
      assert.equal(mask.label, '\u2067قناع الانتباه\u2069 (attention mask)');
      assert.equal(mask.detail, '\u2067موتر يُمرَّر مع \u2066input_ids\u2069 ليحدد المواضع المحشوة.\u2069');
      assert.equal(mask.title, title);
      // The terms shown in English (fallback) keep their text as written.
      assert.equal(
        arabic.find((item) => item.termId === 'masked-language-modeling-mlm')?.label,
        'masked language modeling (MLM)',
      );
    });

    it('still finds the term by its Arabic words, and names it from a query pre-filled with the label', () => {
      assert.deepEqual(
        filterSearchItems(arabic, 'قناع الانتباه').map((item) => item.termId),
        ['attention-mask'],
      );
      assert.equal(bestNameMatch(arabic, mask.label)?.termId, 'attention-mask');
      assert.deepEqual(
        filterSearchItems(arabic, mask.label).map((item) => item.termId),
        ['attention-mask'],
      );
    });
  });
});
