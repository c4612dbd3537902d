import * as assert from 'node:assert/strict';
import {
  MARKDOWN_INLINE_SPECIAL_CHARS,
  commandUri,
  encodeLinkDestination,
  escapeMarkdown,
} from '../../../src/glossary';
import { linkTargets, renderMarkdown, textOf, withoutAutolinkLiterals } from '../../helpers/renderMarkdown';

/** Every ASCII punctuation character, computed rather than typed so that none can be left out. */
const asciiPunctuation = Array.from({ length: 0x7f - 0x21 }, (_, i) => String.fromCharCode(0x21 + i)).filter((char) =>
  /[^A-Za-z0-9]/.test(char),
);

/** The shapes in which a punctuation character can start markup: alone, doubled around a word, at a line start, ... */
function placements(char: string): string[] {
  return [
    char,
    `${char}${char}x${char}${char}`,
    `a${char}b${char}c`,
    `${char} item`,
    `${char}${char}${char}`,
    `[x]${char}(y)`,
    `<a${char}b>`,
    `x${char}www.example.invalid`,
    `1${char} item`,
    `x${char}//example.invalid`,
  ];
}

describe('escapeMarkdown', () => {
  it('escapes the inline specials everywhere and sentence punctuation only where it could start a block', () => {
    assert.equal(asciiPunctuation.length, 32);
    for (const char of [...MARKDOWN_INLINE_SPECIAL_CHARS, '&', '<', '>']) {
      assert.notEqual(escapeMarkdown(`a${char}b`), `a${char}b`, char);
    }
    // Hover prose keeps its commas, periods, colons and parentheses as written: clients that show hover Markdown as
    // source (Neovim 0.7 to 0.9) print every backslash.
    const prose = 'Un tensor de unos y ceros, con forma (batch, seq): 1 o 0. ¿Relleno? ¡Sí! "a" + b - c = d; 50 %.';
    assert.equal(escapeMarkdown(prose), prose);
    assert.equal(escapeMarkdown('- item'), '\\- item');
    assert.equal(escapeMarkdown('12) item'), '12\\) item');
    assert.equal(
      escapeMarkdown('see https://example.invalid or www.example.invalid'),
      'see https\\://example.invalid or www\\.example.invalid',
    );
  });

  it('renders every ASCII punctuation character literally through a GFM renderer, wherever it stands', () => {
    const wrong: string[] = [];
    for (const char of asciiPunctuation) {
      for (const input of placements(char)) {
        const html = withoutAutolinkLiterals(renderMarkdown(escapeMarkdown(input)));
        if (!/^<p>[^<]*<\/p>$/.test(html.trim()) || textOf(html) !== input) {
          wrong.push(`${JSON.stringify(input)} → ${html.trim()}`);
        }
      }
    }
    assert.deepEqual(wrong, []);
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
      const html = withoutAutolinkLiterals(renderMarkdown(escapeMarkdown(input)));
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
