/**
 * Found by the fuzzer (issue #10, beyond its list): a paragraph of thousands of emphasis markers that cannot pair
 * (`*_*_*_…`) made Markdown parsing quadratic, in the compiler and again in the panel: 16 KB took over 30 s.
 */
import * as assert from 'node:assert/strict';
import { compileGlossaries } from '../../../src/glossary';
import { MAX_EMPHASIS_RUNS, defuseEmphasisStorms } from '../../../src/glossary/emphasis';
import { renderEntryHtml } from '../../../src/glossary/render';

describe('hostile input: emphasis storms', () => {
  it('shows the markers of a block over the limit literally, with a warning, in linear time (a regression hangs until the timeout)', () => {
    const storm = '*_'.repeat(8_000);
    const text = `# Glossary\n\n## S\n\n### Stars\n\nA *fine* paragraph with input_ids.\n\nx ${storm}\n`;
    const { termMap, diagnostics } = compileGlossaries([{ file: 'stars.md', content: text }]);
    assert.deepEqual(diagnostics.map((d) => [d.code, d.location.line, d.location.column]), [['emphasis-storm', 9, 3]]);
    const markdown = termMap.terms[0]!.entries.en!.markdown;
    assert.match(markdown, /^A \*fine\* paragraph with input_ids\.\n\nx (?:\u2217\uff3f){8000}$/);
    assert.match(renderEntryHtml(storm), /^<p>(?:\u2217\uff3f){8000}<\/p>$/);
  });

  it('leaves honest text alone, identifiers included, up to the limit', () => {
    const honest = `${'*a* '.repeat(MAX_EMPHASIS_RUNS / 2)}\n\n${'snake_case_name '.repeat(2_000)}`;
    assert.deepEqual(defuseEmphasisStorms(honest), { text: honest, blocks: [] });
    const over = '*a* '.repeat(MAX_EMPHASIS_RUNS / 2 + 1);
    assert.equal(defuseEmphasisStorms(over).blocks[0]?.runs, MAX_EMPHASIS_RUNS + 2);
  });
});
