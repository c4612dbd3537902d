/**
 * Issue #10, classes 6 and 7: surface forms are bounded once (MAX_SURFACE_FORM_LENGTH), by the compiler and by the
 * matcher on its own, and findTermAt returns exactly what findAll reports, for the longest forms and links the
 * limits allow and for chains of overlapping candidates.
 */
import * as assert from 'node:assert/strict';
import { compileGlossaries } from '../../../src/glossary';
import { MAX_SURFACE_FORM_LENGTH } from '../../../src/glossary/types';
import type { TermMatch, TermMatcher } from '../../../src/matching';
import { createTermMatcher } from '../../../src/matching';
import { makeTermMap } from '../matching/termMapFixture';

/** Asserts that findTermAt at every offset of every findAll match (or every `step`-th) returns that match. */
export function assertAgreement(matcher: TermMatcher, line: string, step = 1): TermMatch[] {
  const all = matcher.findAll(line, 'prose');
  for (const match of all) {
    for (let offset = match.start; offset < match.end; offset += step) {
      assert.deepEqual(matcher.findTermAt(line, offset, 'prose'), match, `at ${offset} of ${match.start}-${match.end}`);
    }
  }
  return all;
}

describe('hostile input: surface form limits (issue #10, classes 6 and 7)', () => {
  it('drops metadata forms past the limit with a warning, and keeps every form of the term map within it', () => {
    const long = `${'very '.repeat(60)}long alias`;
    const text = `# Glossary\n\n## A\n\n### Attention mask\n\n<!-- glossary\naliases: mask, ${long}\nabbreviations: ${'A'.repeat(250)}\n-->\n\nA mask.\n`;
    const { termMap, diagnostics } = compileGlossaries([{ file: 'en.md', content: text }]);
    const dropped = diagnostics.filter((d) => d.code === 'surface-form-too-long');
    assert.deepEqual(
      dropped.map((d) => [d.severity, d.location.line]),
      [
        ['warning', 8],
        ['warning', 9],
      ],
    );
    const term = termMap.terms[0]!;
    assert.ok(term.aliases.includes('mask'));
    for (const form of [...term.aliases, ...term.abbreviations, ...term.identifiers, ...Object.values(term.titles)]) {
      assert.ok(form.length <= MAX_SURFACE_FORM_LENGTH, form);
    }
  });

  it('ignores forms past the limit in a term map it is handed, and matches an 80 KB document in one pass', () => {
    const words = 'token '.repeat(5_000).trim();
    const matcher = createTermMatcher(
      makeTermMap([
        { id: 'long', title: 'Long', aliases: [`${words} end`, 'A'.repeat(300)], abbreviations: ['B'.repeat(300)] },
      ]),
    );
    const document = `${'token '.repeat(13_000)}${'A'.repeat(300)} ${'B'.repeat(300)}`;
    // Before the bound, this document against the 5,000-word alias took tens of seconds (a regression hangs until the timeout).
    assert.deepEqual(matcher.findAll(document, 'prose'), []);
    assert.deepEqual(matcher.findAll(`${words} end`, 'prose'), []);
  });

  it('agrees between findTermAt and findAll on the longest phrase the limit allows, with widened gaps', () => {
    // One hundred one-letter words: 199 units as a form, 397 in a text that separates them by three spaces.
    const words = Array.from({ length: 100 }, (_, i) => String.fromCharCode(0x61 + (i % 26)));
    const alias = words.join(' ');
    assert.ok(alias.length <= MAX_SURFACE_FORM_LENGTH);
    const matcher = createTermMatcher(makeTermMap([{ id: 'longest', title: 'Longest', aliases: [alias] }]));
    const line = `Before, ${words.join('   ')}, after.`;
    const all = assertAgreement(matcher, line);
    assert.deepEqual(
      all.map((m) => [m.termId, m.end - m.start]),
      [['longest', alias.length + 2 * 99]],
    );
  });

  it('finds a glossary link whose text is as long as links may be, at every offset', () => {
    const matcher = createTermMatcher(makeTermMap([{ id: 'attention-mask', title: 'Attention mask' }]));
    const text = 'x'.repeat(298);
    for (const link of [
      `[${text}](glossary#attention-mask)`,
      `\`${text} <https://huggingface.co/docs/transformers/main/en/glossary#attention-mask>\`_`,
    ]) {
      const line = `See ${link}.`;
      const all = assertAgreement(matcher, line, 7);
      assert.deepEqual(
        all.map((m) => [m.via, m.text]),
        [['link', link]],
      );
    }
  });

  it('agrees on chains of overlapping phrases, however long, and on chains of overlapping links', () => {
    const matcher = createTermMatcher(
      makeTermMap([
        { id: 'pair', title: 'Pair', aliases: ['tok tok'] },
        { id: 'attention-mask', title: 'Attention mask' },
      ]),
    );
    // Greedy matching pairs the words from the line start; a scan started in the middle would pair them differently.
    const chain = `${'tok '.repeat(2_001)}end`;
    const all = assertAgreement(matcher, chain, 37);
    assert.equal(all.length, 1_000);
    const links = `\`a${' <glossary#attention-mask>`_'.repeat(300)}.`;
    assert.equal(assertAgreement(matcher, links, 11).length, 150);
  });
});
