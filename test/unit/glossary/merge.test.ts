import * as assert from 'node:assert/strict';
import type { Term, TermMap } from '../../../src/glossary/types';
import { mergeTermMaps, sortLocales } from '../../../src/glossary';
import { testTermMap } from '../../helpers/termMapFixture';

const mask = testTermMap.terms.find((term) => term.id === 'attention-mask')!;

const customMask: Term = {
  id: 'attention-mask',
  titles: { en: 'attention mask', ja: 'アテンションマスク' },
  abbreviations: [],
  identifiers: ['attn_mask', 'attention_mask'],
  aliases: [],
  entries: {
    en: { ...mask.entries.en!, summary: 'Our team passes it as attn_mask.' },
    ja: { ...mask.entries.en!, title: 'アテンションマスク', summary: 'パディングを示すテンソル。' },
  },
};
const customOnly: Term = { ...customMask, id: 'team-term', titles: { en: 'team term' }, identifiers: ['team_term'], entries: { en: customMask.entries.en! } };
const custom: TermMap = { schemaVersion: 1, locales: ['en', 'ja'], terms: [customOnly, customMask] };

describe('mergeTermMaps', () => {
  const merged = mergeTermMaps(testTermMap, [custom]);
  const mergedMask = merged.terms.find((term) => term.id === 'attention-mask')!;

  it('returns the base unchanged without custom glossaries', () => {
    assert.equal(mergeTermMaps(testTermMap, []), testTermMap);
  });

  it('lets a custom entry replace the bundled entry of its locale and keeps the others', () => {
    assert.equal(mergedMask.entries.en!.summary, 'Our team passes it as attn_mask.');
    assert.equal(mergedMask.entries.es, mask.entries.es);
    assert.equal(mergedMask.entries.ja!.title, 'アテンションマスク');
  });

  it('keeps the docs pages of a term through an overlay, adding the overlay\'s after them', () => {
    const base: TermMap = { ...testTermMap, terms: testTermMap.terms.map((t) => (t.id === 'attention-mask' ? { ...t, docs: ['glossary'] } : t)) };
    const withDocs = mergeTermMaps(base, [custom]).terms.find((term) => term.id === 'attention-mask')!;
    assert.deepEqual(withDocs.docs, ['glossary']);
    const overlay: TermMap = { ...custom, terms: [{ ...customMask, docs: ['pad_truncation', 'glossary'] }] };
    assert.deepEqual(mergeTermMaps(base, [overlay]).terms.find((term) => term.id === 'attention-mask')!.docs, ['glossary', 'pad_truncation']);
    assert.equal(mergedMask.docs, undefined);
  });

  it('unions surface forms without duplicates', () => {
    assert.deepEqual(mergedMask.identifiers, ['attention_mask', 'attn_mask']);
  });

  it('adds custom-only terms and keeps terms sorted by id', () => {
    const ids = merged.terms.map((term) => term.id);
    assert.ok(ids.includes('team-term'));
    assert.deepEqual(ids, [...ids].sort());
  });

  it('lists locales source first, then alphabetically', () => {
    assert.deepEqual(merged.locales, ['en', 'es', 'ja']);
    assert.deepEqual(sortLocales(['ko', 'en', 'ar', 'ko']), ['en', 'ar', 'ko']);
  });
});
