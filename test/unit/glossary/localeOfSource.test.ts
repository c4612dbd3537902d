/** Which locale a glossary source compiles as: named by the caller, else by its file name or folder, else by its H1. */
import * as assert from 'node:assert/strict';
import { compileGlossaries } from '../../../src/glossary';

describe('the locale of a glossary source', () => {
  it('infers the locale from the file name or the title', () => {
    const body = '\n\n## A\n\n### attention mask\n\nText.\n';
    const byName = compileGlossaries([{ file: 'docs/source/ja/glossary.md', content: `# Title${body}` }]);
    assert.deepEqual(byName.termMap.locales, ['ja']);
    const byTitle = compileGlossaries([{ file: 'x.txt', content: `# Glosario${body}` }]);
    assert.deepEqual(byTitle.termMap.locales, ['es']);
    for (const [file, locale] of [['glossary/zh-hans.md', 'zh-hans'], ['zh-Hans-glossary.md', 'zh-hans'], ['glossary-ko.md', 'ko']]) {
      const byScript = compileGlossaries([{ file: file!, content: `# 术语表${body}` }]);
      assert.deepEqual(byScript.termMap.locales, [locale], file);
    }
    const explicit = compileGlossaries([{ file: 'es.md', content: `# Glosario${body}`, locale: 'fr' }]);
    assert.deepEqual(explicit.termMap.locales, ['fr']);
});
});
