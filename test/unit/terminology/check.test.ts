/**
 * The terminology check, rule by rule, on documents of our own writing in Spanish and Japanese: avoided forms,
 * untranslated English terms, broken anchors, the places the check never looks, the ways to silence it, and the
 * range a face re-checks after an edit.
 */
import * as assert from 'node:assert/strict';
import type { CheckOptions, Finding } from '../../../src/terminology';
import { compileGlossaries } from '../../../src/glossary';
import { checkDocument, createTerminologyChecker } from '../../../src/terminology';
import { terminologyTermMap } from './fixture';

const check = (text: string, options: Partial<CheckOptions> = {}): Finding[] =>
  checkDocument(text, { termMap: terminologyTermMap(), locale: 'es', ...options });
/** `code text → fix` of every finding, for compact assertions. */
const summary = (findings: readonly Finding[]): string[] =>
  findings.map((f) => `${f.code} ${f.text}${f.fixes[0] ? ` → ${f.fixes[0].newText}` : ''}`);

describe('terminology check: avoided forms', () => {
  it('reports an avoided form as a warning with its reason and a fix to the preferred form', () => {
    const text = 'Se entrena la cabeza del modelo.';
    const [finding, ...rest] = check(text);
    assert.deepEqual(rest, []);
    assert.equal(finding!.code, 'avoided-term');
    assert.equal(finding!.severity, 'warning');
    assert.equal(finding!.termId, 'head');
    assert.equal(text.slice(finding!.start, finding!.end), 'cabeza');
    assert.equal(finding!.reason, 'se confunde con las cabezas de atención, que son otra cosa');
    assert.equal(finding!.suggestion, 'cabecera');
    assert.equal(finding!.noFix, undefined);
    assert.deepEqual(finding!.fixes, [{ start: 14, end: 20, newText: 'cabecera' }]);
  });

  it('keeps the plural and the capital of the flagged text in the fix', () => {
    assert.deepEqual(summary(check('Cabeza nueva. Dos cabezas y un cabezal.')), [
      'avoided-term Cabeza → Cabecera',
      'avoided-term cabezas → cabeceras',
      'avoided-term un cabezal → una cabecera',
    ]);
  });

  it('does not report an avoided word inside a longer form another term allows', () => {
    assert.deepEqual(check('Cada cabeza de atención y las cabezas de atención calculan pesos.'), []);
  });

  it('reports an avoided form in Japanese, delimited by a change of script', () => {
    const text = 'モデルの頭部を交換します。';
    assert.deepEqual(summary(check(text, { locale: 'ja' })), ['avoided-term 頭部 → ヘッド']);
  });
});

describe('terminology check: Chinese', () => {
  it('applies a glossary compiled as zh (docs/source/zh/) to a zh-hans page, with a form delimited by punctuation', () => {
    const chinese =
      '# 术语表\n\n## S\n\n### 输出头[[head]]\n<!-- glossary\navoid: 头部 (容易与身体部位混淆)\n-->\n\n模型最后的几层，把隐藏状态变成任务需要的输出。\n';
    const { termMap } = compileGlossaries([
      {
        file: 'en.md',
        content:
          '# Glossary\n\n## H\n\n### head\n\nThe last layers of a model, which turn hidden states into outputs.\n',
      },
      { file: 'docs/source/zh/glossary.md', content: chinese, locale: 'zh' },
    ]);
    const findings = checkDocument('替换模型的“头部”。', { termMap, locale: 'zh-hans' });
    assert.deepEqual(summary(findings), ['avoided-term 头部 → 输出头']);
    assert.equal(findings[0]!.reason, '容易与身体部位混淆');
  });
});

describe('terminology check: English forms', () => {
  it('reports the English form of a term the locale translates, as information, with the translation as fix', () => {
    const findings = check('La attention mask indica el relleno.');
    assert.deepEqual(summary(findings), ['english-term attention mask → máscara de atención']);
    assert.equal(findings[0]!.severity, 'information');
  });

  it('keeps number and capitalisation by the locale’s rules', () => {
    assert.deepEqual(summary(check('Attention masks para todos. Las attention masks.')), [
      'english-term Attention masks → Máscaras de atención',
      'english-term attention masks → máscaras de atención',
    ]);
  });

  it('replaces in Japanese without inflection', () => {
    assert.deepEqual(summary(check('attention maskを渡します。', { locale: 'ja' })), [
      'english-term attention mask → アテンションマスク',
    ]);
  });

  it('leaves terms the locale keeps in English, terms it has no entry for, and English documents alone', () => {
    assert.deepEqual(check('Cada token cuenta.'), []);
    // `canalización` is the entry's title, but `keep: english` says the Spanish docs write `pipeline`.
    assert.deepEqual(check('El pipeline de texto y los pipelines.'), []);
    assert.deepEqual(check('La decoder attention mask es otra.'), []);
    assert.deepEqual(check('The attention mask and the head.', { locale: 'en' }), []);
  });

  it('leaves an English word written as a gloss: in emphasis or alone in parentheses', () => {
    assert.deepEqual(check('La máscara de atención (*attention mask*) y la máscara (attention mask), ya.'), []);
  });

  it('takes the severity from the options, and `off` silences the code', () => {
    assert.equal(check('La attention mask.', { severities: { 'english-term': 'warning' } })[0]!.severity, 'warning');
    assert.deepEqual(check('La attention mask.', { severities: { 'english-term': 'off' } }), []);
  });
});

describe('terminology check: where it never looks', () => {
  const quiet: readonly [string, string][] = [
    ['a code span', 'Usa `cabeza` aquí.'],
    ['a fenced block of any language', '```bash\necho cabeza\n```\n~~~\ncabeza\n~~~'],
    ['a link destination', '[la cabecera](cabeza.md) y [x](https://x.org/cabeza)'],
    ['an inline HTML comment', 'Texto <!-- cabeza --> limpio.'],
    ['a comment over several lines', '<!--\nla cabeza\n-->\nlimpio'],
    ['a [[…]] marker', '## Capítulo[[cabeza]]'],
    ['the front matter', '---\ntitle: cabeza\n---\nlimpio'],
    ['an identifier', 'La variable cabeza_modelo y cabezaModelo.'],
    ['a bare URL or an HTML tag', 'Ver https://ejemplo.org/cabeza y <img alt="x" src="cabeza.png">.'],
  ];
  for (const [where, text] of quiet) {
    it(`never reports inside ${where}`, () => assert.deepEqual(check(text), []));
  }

  it('finds spans that follow each other with no prose between, and no URL inside a word', () => {
    // The inline scan jumps from one place where a span may start to the next: none may be skipped.
    assert.deepEqual(check('`a`[[cabeza]][x](cabeza)https://e.org/cabeza<b>`cabeza`</b>www.cabeza.org'), []);
    // A URL starts a word: `xhttps://` is prose, so the cabeza after it is reported.
    assert.deepEqual(
      check('Vxhttps://e.org/cabeza').map((f) => f.text),
      ['cabeza'],
    );
  });

  it('reports again after the fence, comment or front matter closes', () => {
    assert.equal(check('```python\ncabeza\n```\nla cabeza').length, 1);
    assert.equal(check('<!-- x\ny -->la cabeza').length, 1);
    assert.equal(check('---\na: b\n---\nla cabeza').length, 1);
  });

  it('silences the line after a glossary-ignore-next-line comment, and only that line', () => {
    const text = '<!-- glossary-ignore-next-line -->\nla cabeza\nla cabeza';
    const findings = check(text);
    assert.equal(findings.length, 1);
    assert.equal(findings[0]!.start, text.lastIndexOf('cabeza'));
  });

  it('silences ignored terms, by id or by form', () => {
    assert.deepEqual(check('la cabeza', { ignoredTerms: ['head'] }), []);
    assert.deepEqual(
      check('la cabeza y la attention mask', { ignoredTerms: ['Cabeza'] }).map((f) => f.termId),
      ['attention-mask'],
    );
  });
});

describe('terminology check: anchors', () => {
  it('reports a glossary link to no term as an error, in any document', () => {
    const text = 'Ver [máscara](../glossary#attention-mask) y [nada](../glossary.md#no-such-term).';
    const findings = check(text);
    assert.deepEqual(summary(findings), ['unknown-anchor no-such-term']);
    assert.equal(findings[0]!.severity, 'error');
    assert.equal(text.slice(findings[0]!.start, findings[0]!.end), 'no-such-term');
    assert.deepEqual(
      check('[x](https://huggingface.co/docs/transformers/es/glossary#nope)').map((f) => f.text),
      ['nope'],
    );
  });

  it('in a glossary file, reports in-page links and heading markers that name no term or heading', () => {
    const text =
      '### cabecera[[head]]\n### otra[[sin-termino]]\n## Más cosas\nVer [a](#head), [b](#mas-cosas), [c](#nada).';
    assert.deepEqual(summary(check(text, { isGlossary: true })), ['unknown-anchor sin-termino', 'unknown-anchor nada']);
    // An ordinary page may link to its own headings and use markers freely.
    assert.deepEqual(check(text), []);
  });
});

describe('terminology check: line ends', () => {
  it('reads \\r\\n and lone \\r as line ends, for fences and for offsets', () => {
    const text = 'la cabeza\r\n```\r\nla cabeza\r\n```\rla cabeza';
    assert.deepEqual(
      check(text).map((f) => f.start),
      [3, text.lastIndexOf('cabeza')],
    );
  });
});

describe('terminology check: a range, as an editor re-checks it', () => {
  it('gives the findings of the lines the range touches, with the fence state of the lines before', () => {
    const text = 'la cabeza\n```\nla cabeza\n```\nla cabeza\nla cabeza\n';
    const checker = createTerminologyChecker(terminologyTermMap());
    const all = checker.check(text, { locale: 'es' });
    assert.equal(all.length, 3);
    const inFence = text.indexOf('la cabeza', 11);
    assert.deepEqual(checker.check(text, { locale: 'es', range: { start: inFence, end: inFence + 2 } }), []);
    const fifth = text.indexOf('la cabeza', inFence + 10);
    assert.deepEqual(checker.check(text, { locale: 'es', range: { start: fifth, end: fifth + 1 } }), [all[1]]);
  });
});
