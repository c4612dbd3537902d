/**
 * Regression tests for the hostile-glossary classes of issue #10 that concern the compiler and the renderer: keys
 * from Object.prototype, deep nesting, argument spreads on huge arrays, ids the panel cannot open, lone surrogates
 * and links the renderer would refuse. Each input here once crashed, froze or silently lost something.
 */
import * as assert from 'node:assert/strict';
import type { CompileResult, Diagnostic, GlossarySource } from '../../../src/glossary';
import { compileGlossaries, formatDiagnostic } from '../../../src/glossary';
import { resolveApiReference } from '../../../src/glossary/apiLinks';
import { MAX_DELIMITER_RUNS, MAX_NESTING_DEPTH, scanNesting } from '../../../src/glossary/limits';
import { calloutLabel } from '../../../src/glossary/normalize';
import { codeBlock, codeSpan } from '../../../src/glossary/markdownText';
import { parseHttpUrl, renderEntry, renderEntryHtml } from '../../../src/glossary/render';
import { parseOpenEntryArgs } from '../../../src/panel/messages';
import { chooseEntry } from '../../../src/glossary/locales';

const HEAD = '# Glossary\n\n## A\n\n### alpha\n\nThe first entry, which stays whatever follows.\n\n## B\n\n### beta\n\n';
const TAIL = '\n\n## Z\n\n### zeta\n\nThe last entry, which stays too.\n';

/** The invariants every hostile input must keep: no internal error, and every diagnostic inside its file. */
function compileChecked(sources: GlossarySource[]): CompileResult {
  const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort().join();
  const result = compileGlossaries(sources);
  assert.equal(Object.getOwnPropertyNames(Object.prototype).sort().join(), prototypeBefore, 'Object.prototype is unchanged');
  assert.deepEqual(result.diagnostics.filter((d) => d.code === 'internal-error').map(formatDiagnostic), []);
  for (const d of result.diagnostics) {
    const source = sources.find((s) => s.file === d.location.file);
    assert.ok(source, `diagnostic in an unknown file: ${formatDiagnostic(d)}`);
    const lines = (typeof source.content === 'string' ? source.content : new TextDecoder().decode(source.content)).split(/\r\n?|\n/);
    assert.ok(d.location.line >= 1 && d.location.line <= lines.length, `line outside the file: ${formatDiagnostic(d)}`);
    assert.ok(d.location.column >= 1 && d.location.column <= lines[d.location.line - 1]!.length + 1, `column outside its line: ${formatDiagnostic(d)}`);
  }
  for (const term of result.termMap.terms) assert.deepEqual(parseOpenEntryArgs({ termId: term.id }), { termId: term.id }, `the panel opens ${term.id}`);
  return result;
}

function compileBody(body: string, locale = 'en'): CompileResult {
  return compileChecked([{ file: 'hostile.md', content: HEAD + body + TAIL, locale }]);
}

const ids = (result: CompileResult): string[] => result.termMap.terms.map((t) => t.id);
const withCode = (result: CompileResult, code: string): Diagnostic[] => result.diagnostics.filter((d) => d.code === code);
const lineOf = (text: string, needle: string): number => text.slice(0, text.indexOf(needle)).split('\n').length;

describe('hostile glossaries (issue #10)', function () {
  // Inputs of a few hundred kilobytes: generous for a loaded machine, yet far below what the unfixed code took.
  this.timeout(20_000);

  describe('1. names of Object.prototype used as keys', () => {
    const PROTOTYPE_NAMES = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf', 'isPrototypeOf'];

    it('an API auto-link named like a prototype property is a code span, not a crash', () => {
      const result = compileBody(`See ${PROTOTYPE_NAMES.map((n) => `[\`${n}\`]`).join(', ')}.\n`);
      assert.deepEqual(ids(result), ['alpha', 'beta', 'zeta']);
      const markdown = result.termMap.terms[1]!.entries.en!.markdown;
      for (const name of PROTOTYPE_NAMES) assert.ok(markdown.includes(`\`${name}\``), `${name} is kept as code`);
      assert.equal(resolveApiReference('constructor').url, undefined);
      assert.equal(resolveApiReference('~x.toString').url, undefined);
    });

    it('headings, anchors, aliases and metadata named like prototype properties are ordinary text', () => {
      const body = [
        'Links to [a](#constructor) and [b](#__proto__) and [c](#tostring).',
        '',
        '<!-- glossary',
        'aliases: constructor, __proto__, toString',
        'identifiers: constructor, __proto__',
        'abbreviations: __proto__',
        '__proto__: x',
        'constructor: y',
        '-->',
        '',
        '### constructor',
        '',
        'A heading that is a prototype property.',
        '',
        '### toString[[hasOwnProperty]]',
        '',
        'A custom anchor that is one too.',
      ].join('\n');
      const result = compileBody(body);
      assert.deepEqual(ids(result), ['alpha', 'beta', 'constructor', 'hasOwnProperty', 'zeta']);
      assert.ok(result.termMap.terms.find((t) => t.id === 'beta')!.aliases.includes('constructor'));
      assert.equal(withCode(result, 'metadata-unknown-key').length, 2);
    });

    it('a locale named like a prototype property is refused, and readers by locale ignore inherited keys', () => {
      for (const locale of ['__proto__', 'constructor', 'toString']) {
        const result = compileBody('Text.\n', locale);
        assert.deepEqual(withCode(result, 'bad-locale').length, 1, locale);
        assert.deepEqual(result.termMap.terms, []);
      }
      const term = compileBody('Text.\n').termMap.terms[0]!;
      assert.equal(chooseEntry(term, 'constructor').locale, 'en');
      assert.equal(chooseEntry(term, '__proto__').locale, 'en');
      assert.equal(calloutLabel('constructor', false), 'Tip');
      assert.equal(calloutLabel('__proto__', true), 'Warning');
    });
  });

  describe('2. deep nesting', () => {
    const refusedAt = (result: CompileResult, line: number): void => {
      assert.deepEqual(
        withCode(result, 'too-deep').map((d) => `${d.severity} ${d.location.line}`),
        [`error ${line}`],
      );
      assert.deepEqual(ids(result), ['alpha', 'zeta'], 'only the deep entry is dropped');
    };

    it('refuses thousands of nested block quotes at the line where the limit is passed', () => {
      const body = `Intro.\n\n${'>'.repeat(20_000)} deep\n`;
      refusedAt(compileBody(body), lineOf(HEAD + body, '>>>'));
    });

    it('counts the limit exactly: 32 levels of quotes compile, 33 do not', () => {
      assert.deepEqual(withCode(compileBody(`${'> '.repeat(MAX_NESTING_DEPTH)}x\n`), 'too-deep'), []);
      assert.equal(withCode(compileBody(`${'> '.repeat(MAX_NESTING_DEPTH + 1)}x\n`), 'too-deep').length, 1);
    });

    it('refuses nested lists before the parser sees them (the parser alone takes minutes on 300 levels)', () => {
      const lines = Array.from({ length: 300 }, (_, i) => `${' '.repeat(2 * i)}- level ${i}`);
      const body = `Intro.\n\n${lines.join('\n')}\n`;
      refusedAt(compileBody(body), lineOf(HEAD + body, '- level 0') + MAX_NESTING_DEPTH);
    });

    it('refuses list markers stacked on one line, quotes inside lists, and deep emphasis or brackets', () => {
      for (const deep of ['- '.repeat(2000), '> - '.repeat(1000), '*'.repeat(3000) + 'x' + '*'.repeat(3000), '*a '.repeat(2000), '['.repeat(3000) + 'x' + ']'.repeat(3000)]) {
        const body = `Intro.\n\n${deep} end\n`;
        refusedAt(compileBody(body), lineOf(HEAD + body, deep.slice(0, 4)));
      }
    });

    it('refuses a paragraph with more emphasis markers than the parser handles in linear time', () => {
      const body = `Intro.\n\n${'a* '.repeat(MAX_DELIMITER_RUNS + 1)}\n`;
      const result = compileBody(body);
      assert.match(withCode(result, 'too-deep')[0]?.message ?? '', /emphasis markers/);
      assert.deepEqual(ids(result), ['alpha', 'zeta']);
    });

    it('refuses deeply nested <Tip> callouts, and nesting within the limit grows the output linearly', () => {
      const nested = (n: number): string => `Intro.\n\n${'<Tip>\n\n'.repeat(n)}x\n\n${'</Tip>\n\n'.repeat(n)}`;
      const deep = nested(600);
      refusedAt(compileBody(deep), lineOf(HEAD + deep, '<Tip>') + 2 * MAX_NESTING_DEPTH);
      const shallow = compileBody(nested(20)).termMap.terms.find((t) => t.id === 'beta')!.entries.en!.markdown;
      assert.ok(shallow.length < 20 * nested(20).length, `20 nested callouts gave ${shallow.length} characters`);
    });

    it('does not count code, escaped markers or snake_case names as nesting', () => {
      const honest = [
        '```python',
        ...Array.from({ length: 50 }, () => '>>> [[[[[[[[[[ **** ____'),
        '```',
        '',
        '\\* \\* '.repeat(100),
        '',
        '`'.concat('*'.repeat(100), '`'),
        '',
        Array.from({ length: 200 }, (_, i) => `attention_mask_${i}`).join(' '),
        '',
        Array.from({ length: 200 }, (_, i) => `**bold ${i}**`).join(' '),
      ].join('\n');
      assert.deepEqual(withCode(compileBody(honest), 'too-deep'), []);
      assert.deepEqual(scanNesting(`${honest}\n`).regions, []);
    });

    it('the renderer refuses deep nesting with a reason instead of throwing', () => {
      for (const markdown of ['>'.repeat(5000) + ' x', '- '.repeat(5000) + 'x', '*'.repeat(5000) + 'x' + '*'.repeat(5000), Array.from({ length: 300 }, (_, i) => `${' '.repeat(2 * i)}- x`).join('\r')]) {
        const rendered = renderEntry(markdown);
        assert.equal(rendered.ok, false);
        assert.match(renderEntryHtml(markdown), /^<p class="render-error">This entry cannot be shown: the entry nests \d+ levels deep/);
      }
      assert.deepEqual(renderEntry('> **Tip**\n>\n> x'), { ok: true, html: '<blockquote class="callout">\n<p><strong>Tip</strong></p>\n<p>x</p>\n</blockquote>' });
    });
  });

  describe('3. huge arrays', () => {
    it('compiles a metadata line of 200,000 aliases', () => {
      const aliases = Array.from({ length: 200_000 }, (_, i) => `alias ${i}`);
      const result = compileBody(`Text.\n\n<!-- glossary\naliases: ${aliases.join(', ')}\n-->\n`);
      const beta = result.termMap.terms.find((t) => t.id === 'beta')!;
      assert.ok(beta.entries.en!.aliases.length >= 200_000);
    });

    it('fences code of 200,000 lines that start with backticks', () => {
      const value = '`x\n'.repeat(200_000);
      assert.ok(codeBlock(value, 'html').startsWith('```html\n`x'));
      assert.ok(codeSpan('`'.repeat(3).concat(' a ').repeat(200_000)).startsWith('````'));
    });
  });

  describe('4. headings that give no id the panel can open', () => {
    it('is an error at the heading, never a silently unopenable term', () => {
      const body = 'Text.\n\n### ---\n\nDashes.\n\n### ＡＢＣ\n\nFull-width.\n\n### 🤗\n\nEmoji.\n\n### 🤗 Hub[[hub]]\n\nWith an anchor.\n';
      const result = compileBody(body);
      assert.deepEqual(
        withCode(result, 'bad-term-id').map((d) => `${d.severity} ${d.location.line}`),
        ['### ---', '### ＡＢＣ', '### 🤗\n'].map((h) => `error ${lineOf(HEAD + body, h)}`),
      );
      assert.deepEqual(ids(result), ['alpha', 'beta', 'hub', 'zeta']);
    });
  });

  describe('9. lone surrogates in text handed over as a string', () => {
    it('become U+FFFD with a warning at the first, and links through them still resolve', () => {
      const body = 'A link [x](model\uD800doc) and text \uDC00 and [y](https://huggingface.co/\uDBFF).\n';
      const result = compileBody(body);
      assert.deepEqual(
        withCode(result, 'lone-surrogate').map((d) => `${d.severity} ${d.location.line}:${d.location.column}`),
        [`warning ${lineOf(HEAD + body, 'A link')}:${'A link [x](model'.length + 1}`],
      );
      const beta = result.termMap.terms.find((t) => t.id === 'beta')!.entries.en!;
      assert.ok(!/[\uD800-\uDFFF]/.test(beta.markdown));
      assert.ok(beta.markdown.includes('\uFFFD'));
      const crlf = compileChecked([{ file: 'crlf.md', content: `${HEAD}Text.\n\nbad \uD800 here\n`.replace(/\n/g, '\r\n'), locale: 'en' }]);
      assert.equal(withCode(crlf, 'lone-surrogate')[0]?.location.line, lineOf(HEAD, '### beta') + 4);
    });
  });

  describe('10. links the renderer would refuse', () => {
    const refused = [
      'https://huggingface.co@evil.example/',
      'https://user:pass@huggingface.co/docs',
      'https://huggingface.co/docs/%2e%2e/%2E%2e/evil',
      'https://huggingface.co/docs/../evil',
      'https:\\\\evil.example/',
      'https:evil.example',
      'ftp://huggingface.co/x',
      'model_doc/%2e%2e/%2e%2e/%2e%2e/evil',
    ];

    it('warns and keeps the text, for each way of writing one', () => {
      for (const url of refused) {
        const result = compileBody(`See [the page](<${url}>) and [more](${url.replace(/\\/g, '\\\\')}).\n`);
        const beta = result.termMap.terms.find((t) => t.id === 'beta')!.entries.en!;
        assert.deepEqual(beta.links, [], url);
        assert.ok(withCode(result, 'unsafe-link').length >= 1, url);
        assert.doesNotMatch(renderEntryHtml(beta.markdown), /href=/, url);
      }
      const reversed = compileBody('See (https://huggingface.co@evil.example/)[the page].\n');
      assert.deepEqual(reversed.termMap.terms.find((t) => t.id === 'beta')!.entries.en!.links, []);
    });

    it('keeps exactly the links the renderer keeps (one policy)', () => {
      const candidates = [...refused, 'https://huggingface.co/docs/transformers/en/model_doc/bert', 'http://example.com/a?b=c#d', 'https://HuggingFace.co/x', 'model_doc/bert#overview'];
      for (const url of candidates) {
        const beta = compileBody(`See [the page](${url}).\n`).termMap.terms.find((t) => t.id === 'beta')!.entries.en!;
        const kept = beta.links.filter((l) => l.kind !== 'term').map((l) => ('url' in l ? l.url : ''));
        for (const link of kept) assert.notEqual(parseHttpUrl(link), undefined, `${url} was kept as ${link}, which the renderer refuses`);
        assert.equal(kept.length > 0, /data-external/.test(renderEntryHtml(beta.markdown)), url);
      }
    });
  });
});
