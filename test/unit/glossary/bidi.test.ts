/**
 * The bidi rule (src/glossary/bidi.ts): no title, summary or alias keeps an invisible control that could reorder what
 * is shown around it, and `check` names the line of every one it removed.
 */
import * as assert from 'node:assert/strict';
import { compileGlossaries, directionalText, isolateBidi, stripBidiControls } from '../../../src/glossary';

const CONTROLS = ['\u061C', '\u200E', '\u200F', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'];

describe('bidirectional controls in glossary text', () => {
  it('strips every embedding, override, isolate and mark, and nothing else', () => {
    for (const control of CONTROLS) assert.equal(stripBidiControls(`a${control}b`), 'ab', control.codePointAt(0)!.toString(16));
    // Joiners, Arabic letters with tashkeel and astral characters are text, not controls.
    const text = 'قِناع\u200D👩‍💻 mask\u200B';
    assert.equal(stripBidiControls(text), text);
  });

  it('isolates text between FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE', () => {
    assert.equal(isolateBidi('input_ids'), '\u2068input_ids\u2069');
  });

  describe('directionalText', () => {
    const show = (text: string): string => text.replace(/\u2066/g, '<L>').replace(/\u2067/g, '<R>').replace(/\u2069/g, '</>');

    it('returns left-to-right text as it is', () => {
      assert.equal(directionalText('attention mask (mask)', 'ltr'), 'attention mask (mask)');
    });

    it('isolates right-to-left text, and each Latin run in it up to its last letter or its own closing bracket', () => {
      assert.equal(show(directionalText('يعيد tokenizer(a, b) قاموسا.', 'rtl')), '<R>يعيد <L>tokenizer(a, b)</> قاموسا.</>');
      assert.equal(show(directionalText('نماذج (GPT-3 و BLOOM) كبيرة', 'rtl')), '<R>نماذج (<L>GPT-3</> و <L>BLOOM</>) كبيرة</>');
      assert.equal(show(directionalText('القيم [batch_size, seq_len] هنا', 'rtl')), '<R>القيم [<L>batch_size, seq_len</>] هنا</>');
      // Digits alone are no Latin run: Arabic text orders them by itself.
      assert.equal(show(directionalText('175 مليار', 'rtl')), '<R>175 مليار</>');
    });
  });

  const glossary = [
    '# Glossary', // 1
    '',
    '## A',
    '',
    '### attention \u202Emask', // 5
    '<!-- glossary',
    'aliases: \u2067masks\u2069',
    '-->',
    '',
    'A tensor \u202Eof ones and zeros\u202C that marks padding.', // 10
    '',
    '```python',
    'x = 1  # \u2066code keeps what it holds\u2069',
    '```',
    '',
  ].join('\n');
  const result = compileGlossaries([{ file: 'en.md', content: glossary }]);
  const term = result.termMap.terms[0]!;

  it('removes them from titles, summaries and aliases, so what is shown is what the id and the matcher see', () => {
    assert.equal(term.id, 'attention-mask');
    assert.equal(term.titles.en, 'attention mask');
    assert.equal(term.entries.en!.summary, 'A tensor of ones and zeros that marks padding.');
    assert.ok(term.aliases.includes('masks'), term.aliases.join(' | '));
    const shown = [term.titles.en, term.entries.en!.summary, ...term.aliases, ...term.entries.en!.aliases].join(' ');
    assert.equal(stripBidiControls(shown), shown);
  });

  it('keeps a code block as written: the panel shows it in its own block, where no control escapes', () => {
    assert.match(term.entries.en!.markdown, /\u2066code keeps what it holds\u2069/);
  });

  it('warns at the first control of every line that holds one, with its column', () => {
    const found = result.diagnostics.filter((d) => d.code === 'bidi-control');
    assert.deepEqual(
      found.map((d) => `${d.location.line}:${d.location.column}`),
      ['5:15', '7:10', '10:10', '13:10'],
    );
    assert.match(found[0]!.message, /U\+202E RIGHT-TO-LEFT OVERRIDE/);
    assert.ok(found.every((d) => d.severity === 'warning'));
  });

  it('reports a file full of them in a bounded number of warnings', () => {
    const lines = ['# Glossary', '', '## A', '', '### spam', ''];
    for (let i = 0; i < 500; i++) lines.push(`line \u202E${i}`, '');
    const spam = compileGlossaries([{ file: 'en.md', content: lines.join('\n') }]).diagnostics.filter((d) => d.code === 'bidi-control');
    assert.equal(spam.length, 21);
    assert.match(spam[20]!.message, /more lines/);
  });
});
