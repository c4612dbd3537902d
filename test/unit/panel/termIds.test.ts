/**
 * Every id the compiler can produce must be one the panel accepts: in the open-entry command's arguments, in webview
 * messages, in saved state and in rendered cross-references. Otherwise a term compiles cleanly, shows in hovers and
 * search, and then silently fails to open.
 */
import * as assert from 'node:assert/strict';
import { compileGlossaries, formatDiagnostic } from '../../../src/glossary';
import { renderEntryHtml } from '../../../src/glossary/render';
import { parseHistoryEntry } from '../../../src/panel/history';
import { parseOpenEntryArgs, parseWebviewMessage } from '../../../src/panel/messages';

const glossary = [
  '# Glossary',
  '',
  '## A',
  '',
  '### 🤗 Accelerate',
  '',
  'A library whose heading starts with an emoji, so its derived anchor starts with a hyphen.',
  '',
  '## T',
  '',
  '### torch.compile[[torch.compile]]',
  '',
  'A custom anchor with a dot, which the compiler accepts. See [Accelerate](#-accelerate).',
  '',
].join('\n');

describe('term ids the compiler produces', () => {
  const result = compileGlossaries([{ file: 'custom.md', content: glossary, locale: 'en' }]);
  const ids = result.termMap.terms.map((t) => t.id);

  it('compile without errors', () => {
    assert.deepEqual(result.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic), []);
    assert.deepEqual(ids, ['-accelerate', 'torch.compile']);
  });

  for (const id of ['-accelerate', 'torch.compile', 'attention-mask', 'Custom_Anchor.v2']) {
    it(`are accepted everywhere the panel takes a term id: ${id}`, () => {
      assert.deepEqual(parseOpenEntryArgs({ termId: id }), { termId: id });
      assert.deepEqual(parseWebviewMessage({ type: 'navigate', termId: id }), { type: 'navigate', termId: id });
      assert.equal(parseHistoryEntry({ termId: id, locale: 'en' })?.termId, id);
      assert.match(renderEntryHtml(`[x](#${id})`), new RegExp(`data-term="${id.replace(/\./g, '\\.')}"`));
    });
  }

  it('still refuses what is not an id', () => {
    for (const bad of ['', '-', '.', 'a b', 'a"b', '<x>', 'a/b', 'x'.repeat(201)]) {
      assert.equal(parseOpenEntryArgs({ termId: bad }), undefined, JSON.stringify(bad));
    }
  });
});
