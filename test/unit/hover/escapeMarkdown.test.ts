import * as assert from 'node:assert/strict';
import { commandUri, encodeLinkDestination, escapeMarkdown, isMarkdownSpecial } from '../../../src/glossary';
import { linkTargets, renderMarkdown, textOf } from './renderMarkdown';

const asciiPunctuation = [...'!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~'];

describe('escapeMarkdown', () => {
  it('escapes every ASCII punctuation character', () => {
    assert.deepEqual(asciiPunctuation.filter((char) => !isMarkdownSpecial(char)), []);
  });

  const hostileInputs = [
    '[x](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22rm%22%7D)',
    '<img src=x onerror=alert(1)>',
    '<script>alert(1)</script>',
    '![image](https://example.invalid/a.png)',
    '[ref]: https://example.invalid\n\n[ref]',
    '# heading\n- list\n> quote\n```\nfence\n```',
    '**bold** _em_ `code` ~~del~~ | table |',
    'https://example.invalid/autolink and www.example.invalid',
    '&amp; &lt;b&gt; &#60;img&#62; \\[escaped\\]',
    '$(alert) {0} <!-- comment --> <https://example.invalid>',
    'trailing backslash \\',
  ];

  for (const input of hostileInputs) {
    it(`renders ${JSON.stringify(input.slice(0, 40))} as the same text, with no markup`, () => {
      const html = renderMarkdown(escapeMarkdown(input));
      assert.deepEqual(linkTargets(html), []);
      // One paragraph and nothing else: no heading, list, quote, code, emphasis or raw HTML survived.
      assert.match(html.trim(), /^<p>[^<]*<\/p>$/);
      assert.equal(textOf(html), input.replace(/\s*\n\s*/g, ' ').trim());
    });
  }
});

describe('link destinations', () => {
  it('cannot be closed early by a parenthesis or a space', () => {
    const html = renderMarkdown(`[open](${encodeLinkDestination('https://example.invalid/a (b)c')})`);
    assert.deepEqual(linkTargets(html), ['https://example.invalid/a%20%28b%29c']);
  });

  it('carry command arguments as encoded JSON that decodes back', () => {
    const args = { termId: 'odd)(id', locale: 'es' };
    const [target] = linkTargets(renderMarkdown(`[open](${commandUri('transformersGlossary.openEntry', args)})`));
    assert.ok(target?.startsWith('command:transformersGlossary.openEntry?'), String(target));
    assert.deepEqual(JSON.parse(decodeURIComponent(target!.slice(target!.indexOf('?') + 1))), args);
  });
});
