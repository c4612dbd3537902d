import * as assert from 'node:assert/strict';
import type { CompileResult, Diagnostic, GlossarySource, Term, TermEntry } from '../../../src/glossary';
import { compileGlossaries, formatDiagnostic } from '../../../src/glossary';
import { readFixture } from './paths';

const fixture = (name: string, locale?: string): GlossarySource => ({ file: name, content: readFixture(name), ...(locale ? { locale } : {}) });
const compile = (...sources: GlossarySource[]): CompileResult => compileGlossaries(sources);
const term = (result: CompileResult, id: string): Term => {
  const found = result.termMap.terms.find((t) => t.id === id);
  assert.ok(found, `term ${id} exists; ids: ${result.termMap.terms.map((t) => t.id).join(', ')}`);
  return found;
};
const entry = (result: CompileResult, id: string, locale: string): TermEntry => {
  const found = term(result, id).entries[locale];
  assert.ok(found, `term ${id} has a ${locale} entry`);
  return found;
};
const codes = (diagnostics: readonly Diagnostic[]): string[] => diagnostics.map((d) => `${d.location.line}:${d.location.column} ${d.severity} ${d.code}`);

const minimal = `# Glossary

## A

### attention mask

A tensor of ones and zeros that tells the model which positions are padding.
`;

describe('compileGlossaries', () => {
  it('compiles a minimal glossary into one term keyed by its English anchor', () => {
    const result = compileGlossaries([{ file: 'en.md', content: minimal }]);
    assert.deepEqual(result.diagnostics.map(formatDiagnostic), []);
    assert.equal(result.termMap.schemaVersion, 1);
    assert.deepEqual(result.termMap.locales, ['en']);
    const only = result.termMap.terms[0]!;
    assert.equal(only.id, 'attention-mask');
    assert.deepEqual(only.identifiers, ['attention_mask']);
    assert.deepEqual(only.titles, { en: 'attention mask' });
    assert.equal(only.entries.en!.summary, 'A tensor of ones and zeros that tells the model which positions are padding.');
    assert.deepEqual(only.entries.en!.source, { file: 'en.md', line: 5, column: 1 });
    assert.equal(only.entries.en!.section, 'A');
  });

  describe('the constructs of the dialect', () => {
    const result = compile(fixture('en-constructs.md'), fixture('es-constructs.md'));

    it('compiles without errors and sorts terms by id', () => {
      assert.deepEqual(result.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic), []);
      const ids = result.termMap.terms.map((t) => t.id);
      assert.deepEqual(ids, [...ids].sort());
      assert.deepEqual(result.termMap.locales, ['en', 'es']);
    });

    it('skips the leading licence comment and keeps the intro out of every entry', () => {
      for (const t of result.termMap.terms) for (const e of Object.values(t.entries)) assert.doesNotMatch(e.markdown, /Licence|exercises every construct/);
    });

    it('trims trailing spaces of headings', () => {
      assert.deepEqual(term(result, 'batch-size').titles, { en: 'batch size' });
    });

    it('honours custom anchors over derived ones', () => {
      assert.equal(term(result, 'my-custom-id').titles.en, 'custom anchored term');
      assert.ok(!result.termMap.terms.some((t) => t.id === 'custom-anchored-term'));
    });

    it('matches oddly cased headings by their lowercase anchor and identifier', () => {
      assert.deepEqual(term(result, 'token-type-ids').identifiers, ['token_type_ids']);
      assert.deepEqual(term(result, 'input-ids').identifiers, ['input_ids']);
    });

    it('reads abbreviations from the heading', () => {
      assert.deepEqual(term(result, 'masked-language-modeling-mlm').abbreviations, ['MLM']);
      assert.deepEqual(term(result, 'sequence-to-sequence-seq2seq').abbreviations, ['seq2seq']);
      assert.deepEqual(term(result, 'zero-redundancy-optimizer-zero').abbreviations, ['ZeRO']);
      assert.deepEqual(term(result, 'connectionist-temporal-classification-ctc').abbreviations, ['CTC']);
      assert.ok(term(result, 'masked-language-modeling-mlm').aliases.includes('masked language modeling'));
    });

    it('merges declared identifiers and aliases of every locale and hides the metadata comment', () => {
      const attention = term(result, 'attention-mask');
      assert.deepEqual(attention.identifiers, ['attention_mask', 'decoder_attention_mask', 'encoder_attention_mask']);
      for (const alias of ['attention masks', 'padding mask', 'máscara de atención', 'máscaras de atención']) assert.ok(attention.aliases.includes(alias), alias);
      assert.deepEqual(attention.entries.es!.aliases, ['máscara de atención', 'máscaras de atención', 'attention masks']);
      for (const e of Object.values(attention.entries)) assert.doesNotMatch(e.markdown, /<!--|glossary\s*\n|identifiers:/);
    });

    it('turns <Youtube/> into a link to the video and skips it in the summary', () => {
      const attention = entry(result, 'attention-mask', 'en');
      assert.match(attention.markdown, /\[▶ YouTube\]\(https:\/\/www\.youtube\.com\/watch\?v=abcDEF12345\)/);
      assert.deepEqual(attention.links[0], { kind: 'video', text: 'YouTube', url: 'https://www.youtube.com/watch?v=abcDEF12345' });
      assert.equal(attention.summary, 'Ones mark real tokens and zeros mark padding, so the model skips the padded positions.');
      assert.doesNotMatch(attention.markdown, /<Youtube/);
    });

    it('turns <Tip> into a block quote with a localized label', () => {
      const en = entry(result, 'input-ids', 'en').markdown;
      assert.match(en, /^> \*\*Tip\*\*\n>\n> Call \[`convert_ids_to_tokens`\]\(/m);
      assert.match(en, /^> \*\*Warning\*\*\n>\n> Ids from one checkpoint/m);
      const es = entry(result, 'input-ids', 'es').markdown;
      assert.match(es, /^> \*\*Consejo\*\*$/m);
      assert.match(es, /^> \*\*Advertencia\*\*$/m);
      assert.doesNotMatch(en + es, /<\/?Tip/);
    });

    it('resolves API auto-links, showing only the last component after ~', () => {
      const attention = entry(result, 'attention-mask', 'en');
      assert.match(attention.markdown, /\[`PreTrainedTokenizer`\]\(https:\/\/huggingface\.co\/docs\/transformers\/en\/main_classes\/tokenizer#transformers\.PreTrainedTokenizer\)/);
      const tip = entry(result, 'input-ids', 'es').links.find((l) => l.kind === 'docs');
      assert.deepEqual(tip, { kind: 'docs', text: 'decode', url: 'https://huggingface.co/docs/transformers/en/main_classes/tokenizer#transformers.PreTrainedTokenizer.decode' });
      const mlm = entry(result, 'masked-language-modeling-mlm', 'en');
      assert.ok(mlm.links.some((l) => l.kind === 'docs' && l.url === 'https://huggingface.co/docs/transformers/en/model_doc/bert#transformers.BertForMaskedLM'));
      assert.match(entry(result, 'sequence-to-sequence-seq2seq', 'en').markdown, /model_doc\/bart#transformers\.BartModel/);
    });

    it('leaves brackets around several code spans alone: that is not an auto-link', () => {
      const mlm = entry(result, 'masked-language-modeling-mlm', 'en');
      assert.match(mlm.markdown, /The shape is \[`batch_size`, `sequence_length`\], which is not a link\./);
      assert.equal(mlm.links.length, 1);
    });

    it('makes relative doc links absolute in the locale of the entry', () => {
      const batch = entry(result, 'batch-size', 'en');
      assert.deepEqual(batch.links, [
        { kind: 'docs', text: 'performance guide', url: 'https://huggingface.co/docs/transformers/en/perf_train_gpu_one#batch-size' },
        { kind: 'external', text: 'the course', url: 'https://huggingface.co/learn/nlp-course' },
      ]);
      assert.ok(entry(result, 'zero-redundancy-optimizer-zero', 'en').links.some((l) => l.kind === 'docs' && l.url === 'https://huggingface.co/docs/transformers/en/main_classes/deepspeed#zero'));
      assert.ok(entry(result, 'sequence-to-sequence-seq2seq', 'en').links.some((l) => l.kind === 'docs' && l.url === 'https://huggingface.co/docs/transformers/en/model_doc/t5'));
    });

    it('keeps in-page links as #term-id and resolves them to terms, in every locale', () => {
      assert.match(entry(result, 'attention-mask', 'en').markdown, /\[input IDs\]\(#input-ids\)/);
      assert.ok(entry(result, 'token-type-ids', 'en').links.some((l) => l.kind === 'term' && l.termId === 'attention-mask'));
      assert.deepEqual(entry(result, 'masked-language-modeling-mlm', 'es').links, [{ kind: 'term', text: 'input IDs', termId: 'input-ids' }]);
    });

    it('keeps inline code that spans a line break, and collapses it in the summary', () => {
      const ids = entry(result, 'input-ids', 'en');
      assert.match(ids.markdown, /`\[101, 7592,\n102\]`/);
      assert.equal(ids.summary, 'Integers that index the tokenizer vocabulary, one per token, for example [101, 7592, 102] for a short sentence 🤗.');
    });

    it('uses the first paragraph as the summary when the entry starts with code', () => {
      const result2 = compileGlossaries([
        { file: 'en.md', content: '# Glossary\n\n## C\n\n### code first\n\n```python\n>>> x = 1\n```\n\nThe paragraph after the code.\n' },
      ]);
      assert.equal(entry(result2, 'code-first', 'en').summary, 'The paragraph after the code.');
    });

    it('takes the summary from the entry text rather than a leading callout', () => {
      const result2 = compileGlossaries([
        { file: 'en.md', content: '# Glossary\n\n## C\n\n### callout first\n\n<Tip>\n\nAn aside.\n\n</Tip>\n\nThe definition itself.\n' },
      ]);
      assert.equal(entry(result2, 'callout-first', 'en').summary, 'The definition itself.');
    });
  });

  describe('file shapes', () => {
    it('handles CRLF line ends, trailing spaces and a missing final newline with the original line numbers', () => {
      const result = compile(fixture('en-crlf-no-final-newline.md'));
      assert.deepEqual(result.diagnostics.map(formatDiagnostic), []);
      const attention = entry(result, 'attention-mask', 'en');
      assert.equal(attention.title, 'attention mask');
      assert.equal(attention.summary, 'Line one of a CRLF entry that continues here.');
      assert.doesNotMatch(attention.markdown, /\r/);
      const models = entry(result, 'autoregressive-models', 'en');
      assert.deepEqual(models.source, { file: 'en-crlf-no-final-newline.md', line: 10, column: 1 });
      assert.deepEqual(models.links, [{ kind: 'term', text: 'attention mask', termId: 'attention-mask' }]);
    });

    it('handles a byte order mark', () => {
      const result = compile(fixture('en-bom.md'));
      assert.deepEqual(result.diagnostics.map(formatDiagnostic), []);
      assert.deepEqual(entry(result, 'backbone', 'en').source, { file: 'en-bom.md', line: 5, column: 1 });
    });

    it('counts columns in UTF-16 code units, so an emoji outside the BMP counts twice', () => {
      const result = compileGlossaries([{ file: 'en.md', content: '# Glossary\n\n## E\n\n### emoji\n\n🤗 see [x](#nowhere).\n' }]);
      assert.deepEqual(result.diagnostics.map(formatDiagnostic), ['en.md:7:8: warning: "#nowhere" names no term of this glossary; kept as plain text']);
      assert.equal(entry(result, 'emoji', 'en').markdown, '🤗 see x.');
    });

  });

  describe('diagnostics', () => {
    const result = compile(fixture('en-problems.md'));

    it('reports every problem with its file, line and column', () => {
      assert.deepEqual(codes(result.diagnostics), [
        '5:1 error heading-outside-section',
        '11:30 warning malformed-reference',
        '11:89 warning broken-reference',
        '12:9 warning malformed-reference',
        '12:34 warning broken-reference',
        '14:1 warning orphan-closing-tag',
        '16:1 error unknown-component',
        '18:1 error duplicate-term',
        '27:1 warning metadata-malformed',
        '28:1 warning metadata-unknown-key',
        '29:1 warning metadata-malformed',
        '34:1 error empty-entry',
        '36:1 error bad-section',
        '48:1 warning unclosed-tag',
      ]);
      assert.ok(result.diagnostics.every((d) => d.location.file === 'en-problems.md'));
    });

    it('formats diagnostics as file:line:column: severity: message', () => {
      const duplicate = result.diagnostics.find((d) => d.code === 'duplicate-term')!;
      assert.equal(formatDiagnostic(duplicate), 'en-problems.md:18:1: error: "alpha term" defines term "alpha-term" again (locale en); first defined at en-problems.md:9');
    });

    it('still resolves what can be resolved and drops what cannot to plain text', () => {
      const alpha = entry(result, 'alpha-term', 'en');
      assert.deepEqual(
        alpha.links.map((l) => (l.kind === 'term' ? l.termId : l.kind)),
        ['beta-term', 'connectionist-temporal-classification-ctc', 'beta-term'],
      );
      assert.match(alpha.markdown, /\[nested\]\(#connectionist-temporal-classification-ctc\)/);
      assert.match(alpha.markdown, / and gone\./);
      assert.match(alpha.markdown, /This is \[spaced\]\(#beta-term\) and \[also spaced\]\(#missing term\)\./);
      assert.doesNotMatch(alpha.markdown, /<\/?Tip|Widget/);
    });

    it('keeps the first of two duplicate entries', () => {
      assert.equal(entry(result, 'alpha-term', 'en').source.line, 9);
    });

    it('keeps the valid part of malformed metadata', () => {
      assert.deepEqual(term(result, 'beta-term').identifiers, ['beta_value', 'beta_term']);
    });

    it('reports an entry before any section and a missing title', () => {
      const noH1 = compile(fixture('en-no-h1.md', 'en'));
      assert.deepEqual(codes(noH1.diagnostics), ['1:1 error entry-without-section', '1:1 warning missing-h1']);
      assert.equal(entry(noH1, 'orphan-entry', 'en').section, '');
    });

    it('accepts one letter per section, uppercase where the script has case', () => {
      const sections = ['## É', '## あ', '## ب', '## a', '## AB', '## Introduction'];
      const text = `# Glossary\n\n${sections.map((s, i) => `${s}\n\n### term ${i}\n\nBody ${i}.\n`).join('\n')}`;
      const result2 = compileGlossaries([{ file: 'en.md', content: text }]);
      assert.deepEqual(
        result2.diagnostics.map((d) => `${d.code} ${d.location.line}`),
        ['bad-section 21', 'bad-section 27', 'bad-section 33'],
      );
    });

    it('refuses a custom anchor outside the safe alphabet and falls back to the derived one', () => {
      const text = '# Glossary\n\n## X\n\n### x term[[javascript:alert(1)]]\n\nBody.\n';
      const result2 = compileGlossaries([{ file: 'en.md', content: text }]);
      assert.deepEqual(codes(result2.diagnostics), ['5:1 error bad-anchor']);
      assert.deepEqual(result2.termMap.terms.map((t) => t.id), ['x-term']);
    });

    it('repairs a link written backwards, with a warning', () => {
      const text = '# Glossary\n\n## R\n\n### reformer\n\nSee (https://example.org/paper)[the paper] for details.\n';
      const result2 = compileGlossaries([{ file: 'en.md', content: text }]);
      assert.deepEqual(codes(result2.diagnostics), ['7:5 warning malformed-link']);
      const reformer = entry(result2, 'reformer', 'en');
      assert.equal(reformer.markdown, 'See [the paper](https://example.org/paper) for details.');
      assert.deepEqual(reformer.links, [{ kind: 'external', text: 'the paper', url: 'https://example.org/paper' }]);
    });

    it('keeps the text written right after an orphan </Tip>', () => {
      const text = '# Glossary\n\n## L\n\n### labels\n\nExpected answers.\n\n</Tip>\nBase models take no labels.\n';
      const result2 = compileGlossaries([{ file: 'en.md', content: text }]);
      assert.deepEqual(codes(result2.diagnostics), ['9:1 warning orphan-closing-tag', '10:1 warning component-needs-blank-line']);
      assert.equal(entry(result2, 'labels', 'en').markdown, 'Expected answers.\n\nBase models take no labels.');
    });

    it('says so when a file holds no entries at all', () => {
      const result2 = compileGlossaries([{ file: 'README.md', content: '# Project\n\nNothing to see.\n', locale: 'en' }]);
      assert.deepEqual(codes(result2.diagnostics), ['1:1 warning no-entries']);
      assert.deepEqual(result2.termMap, { schemaVersion: 1, locales: [], terms: [] });
    });

    it('reports an unknown component once and keeps what it wraps', () => {
      const text = '# Glossary\n\n## W\n\n### wrapped\n\n<Note>\n\nInside the note.\n\n</Note>\n';
      const result2 = compileGlossaries([{ file: 'en.md', content: text }]);
      assert.deepEqual(codes(result2.diagnostics), ['7:1 error unknown-component']);
      assert.equal(entry(result2, 'wrapped', 'en').markdown, 'Inside the note.');
    });

    it('allows several sources of one locale when their terms are disjoint, and refuses overlaps', () => {
      const a = { file: 'a.md', locale: 'en', content: '# Glossary\n\n## A\n\n### alpha\n\nFirst.\n' };
      const b = { file: 'b.md', locale: 'en', content: '# Glossary\n\n## B\n\n### beta\n\nSecond.\n' };
      const disjoint = compileGlossaries([a, b]);
      assert.deepEqual(disjoint.diagnostics, []);
      assert.deepEqual(disjoint.termMap.terms.map((t) => t.id), ['alpha', 'beta']);
      const overlapping = compileGlossaries([a, { ...b, content: '# Glossary\n\n## A\n\n### Alpha\n\nAgain.\n' }]);
      assert.deepEqual(overlapping.diagnostics.map(formatDiagnostic), ['b.md:5:1: error: "Alpha" defines term "alpha" again (locale en); first defined at a.md:5']);
    });

    it('recovers Markdown written right after a component line, with a warning', () => {
      const text = '# Glossary\n\n## D\n\n### decoder\n\nReads left to right.\n\n<Youtube id="abcDEF12345"/>\n### deep learning\nMany layers.\n';
      const result2 = compileGlossaries([{ file: 'en.md', content: text }]);
      assert.deepEqual(codes(result2.diagnostics), ['10:1 warning component-needs-blank-line']);
      assert.deepEqual(result2.termMap.terms.map((t) => t.id), ['decoder', 'deep-learning']);
      assert.deepEqual(entry(result2, 'deep-learning', 'en').source.line, 10);
      assert.equal(entry(result2, 'deep-learning', 'en').summary, 'Many layers.');
    });
  });

  describe('translation defects', () => {
    const result = compile(fixture('en-defects.md'), fixture('es-defects.md'));

    it('warns about truncated, prompt-leaking, duplicated and untranslated entries', () => {
      assert.deepEqual(codes(result.diagnostics.filter((d) => d.location.file === 'es-defects.md')), [
        '5:1 warning possibly-truncated',
        '13:1 warning duplicate-code-block',
        '19:1 warning leaked-prompt',
        '21:1 warning untranslated',
      ]);
      assert.deepEqual(codes(result.diagnostics.filter((d) => d.location.file === 'en-defects.md')), []);
    });

    it('does not mistake a definition that starts with "Translate" for a prompt', () => {
      const text = '# Glossary\n\n## T\n\n### translation\n\nTranslate text from one language into another with a sequence-to-sequence model.\n';
      assert.deepEqual(compileGlossaries([{ file: 'en.md', content: text }]).diagnostics, []);
    });
  });

  describe('alignment across locales', () => {
    it('generates English plurals for English titles only, never for a translated heading', () => {
      const en = '# Glossary\n\n## P\n\n### pad token ID\n\nThe id of the filler token.\n\n### pipeline\n\nA ready-made task runner.\n';
      const es =
        '# Glosario\n\n## I\n\n### ID del token de relleno[[pad-token-id]]\n\nEl id del token de relleno.\n\n## P\n\n### pipeline\n\nUna tarea lista para usar.\n';
      const result = compile({ file: 'en.md', content: en, locale: 'en' }, { file: 'es.md', content: es, locale: 'es' });
      assert.deepEqual(entry(result, 'pad-token-id', 'en').aliases, ['pad token IDs']);
      assert.deepEqual(entry(result, 'pad-token-id', 'es').aliases, []);
      // A translation that keeps the English heading keeps its English plural too.
      assert.deepEqual(entry(result, 'pipeline', 'es').aliases, ['pipelines']);
    });

    const result = compile(fixture('en-align.md'), fixture('ko-align.md'), fixture('ar-align.md'));
    const englishIds = compile(fixture('en-align.md')).termMap.terms.map((t) => t.id);

    it('keys every Korean and Arabic entry by an English anchor', () => {
      assert.deepEqual(result.termMap.terms.map((t) => t.id), englishIds);
      assert.deepEqual(result.termMap.locales, ['en', 'ar', 'ko']);
      assert.deepEqual(result.diagnostics.filter((d) => d.severity === 'error'), []);
    });

    it('aligns Korean headings by the English name, abbreviation or `name, ABBR` in parentheses', () => {
      const expectations: Record<string, string> = {
        'attention-mask': '어텐션 마스크 (attention mask)',
        'autoregressive-models': '자기회귀 모델(autoregressive models)',
        'connectionist-temporal-classification-ctc': '연결주의 시간 분류(connectionist temporal classification, CTC)',
        'dataparallel-dp': '데이터 병렬화 (DataParallel)',
        'deep-learning-dl': '딥러닝 (deep learning)',
        'large-language-models-llm': '대규모 언어 모델 (LLM)',
        'masked-language-modeling-mlm': '마스킹된 언어 모델링 (MLM)',
        'sequence-to-sequence-seq2seq': '시퀀스-투-시퀀스 (seq2seq)',
        'input-ids': '입력 ID (input IDs)',
      };
      for (const [id, title] of Object.entries(expectations)) assert.equal(term(result, id).titles.ko, title, id);
      assert.equal(term(result, 'decoder-models').titles.ko, undefined);
    });

    it('aligns Arabic headings by kept Latin names and, failing that, by position in the letter section', () => {
      const expectations: Record<string, string> = {
        'attention-mask': 'قناع الانتباه',
        'autoregressive-models': 'النماذج ذاتية الانحدار',
        'connectionist-temporal-classification-ctc': 'التصنيف الزمني الترابطي connectionist temporal classification (CTC)',
        'dataparallel-dp': 'التوازي على مستوى البيانات (DataParallel - DP)',
        'decoder-models': 'نماذج فك التشفير',
        labels: 'الملصقات (Labels)',
        'large-language-models-llm': 'نماذج اللغة الكبيرة LLM',
        'masked-language-modeling-mlm': 'نمذجة اللغة المقنعة masked language modeling (MLM)',
      };
      for (const [id, title] of Object.entries(expectations)) assert.equal(term(result, id).titles.ar, title, id);
      assert.equal(term(result, 'deep-learning-dl').titles.ar, undefined);
      assert.deepEqual(
        result.diagnostics.filter((d) => d.code === 'aligned-by-position').map((d) => d.location.line),
        [5, 9, 25],
      );
    });

    it('sets aside a kept English name that contradicts the order of its section when an unnamed entry needs its place', () => {
      const english = '# Glossary\n\n## S\n\n### self-attention\n\nA.\n\n### self-supervised learning\n\nB.\n\n### semi-supervised learning\n\nC.\n\n### supervised learning\n\nD.\n';
      const arabic =
        '# قاموس المصطلحات\n\n## S\n\n### الانتباه الذاتي (self-attention)\n\nأ.\n\n### التعلم الذاتي (supervised learning)\n\nب.\n\n### التعلم شبه الخاضع للإشراف (semi-supervised learning)\n\nج.\n\n### التعلم الخاضع للإشراف\n\nد.\n';
      const result2 = compileGlossaries([
        { file: 'en.md', content: english },
        { file: 'ar.md', content: arabic },
      ]);
      assert.equal(term(result2, 'self-supervised-learning').titles.ar, 'التعلم الذاتي (supervised learning)');
      assert.equal(term(result2, 'supervised-learning').titles.ar, 'التعلم الخاضع للإشراف');
      assert.deepEqual(codes(result2.diagnostics), ['9:1 warning aligned-by-position', '17:1 warning aligned-by-position']);
    });

    it('keeps name matches of entries that are merely in a different order', () => {
      const english = '# Glossary\n\n## S\n\n### self-attention\n\nA.\n\n### self-supervised learning\n\nB.\n\n### semi-supervised learning\n\nC.\n';
      const korean = '# 용어집\n\n## S\n\n### 준지도 학습 (semi-supervised learning)\n\n가.\n\n### 자기지도 학습 (self-supervised learning)\n\n나.\n';
      const result2 = compileGlossaries([
        { file: 'en.md', content: english },
        { file: 'ko.md', content: korean },
      ]);
      assert.deepEqual(result2.diagnostics, []);
      assert.equal(term(result2, 'semi-supervised-learning').titles.ko, '준지도 학습 (semi-supervised learning)');
      assert.equal(term(result2, 'self-supervised-learning').titles.ko, '자기지도 학습 (self-supervised learning)');
      assert.equal(term(result2, 'self-attention').titles.ko, undefined);
    });

    it('adds the localized part of a mixed heading as an alias; a heading that is only localized stays a title', () => {
      const attention = term(result, 'attention-mask');
      assert.ok(attention.aliases.includes('어텐션 마스크'));
      assert.ok(!attention.aliases.includes('قناع الانتباه'));
      assert.equal(attention.titles.ar, 'قناع الانتباه');
      assert.ok(term(result, 'dataparallel-dp').aliases.includes('التوازي على مستوى البيانات'));
    });

    it('derives ids from kept Latin names when no English glossary or reference is given, and warns on each', () => {
      const koreanOnly = compile(fixture('ko-align.md'));
      assert.ok(term(koreanOnly, 'attention-mask').identifiers.includes('attention_mask'));
      assert.deepEqual(term(koreanOnly, 'input-ids').identifiers, ['input_ids']);
      assert.deepEqual(term(koreanOnly, 'connectionist-temporal-classification-ctc').abbreviations, ['CTC']);
      // `(LLM)` alone gives `llm`, not the English anchor: no id is derived without saying so.
      assert.ok(term(koreanOnly, 'llm'));
      assert.equal(koreanOnly.diagnostics.length, koreanOnly.termMap.terms.length);
      assert.ok(koreanOnly.diagnostics.every((d) => d.code === 'unverified-term-id' && d.severity === 'warning'));
    });
  });

  describe('hostile input', () => {
    const result = compile(fixture('en-hostile.md'));
    const hostile = entry(result, 'hostile-entry', 'en');

    it('keeps script and other raw HTML only as literal code, with a warning', () => {
      assert.match(hostile.markdown, /`<script>`alert\("inline"\)`<\/script>`/);
      assert.match(hostile.markdown, /`<img src=x onerror="alert\(1\)">`/);
      assert.match(hostile.markdown, /```html\n<script>\nalert\("block"\);\n<\/script>\n```/);
      assert.equal(result.diagnostics.filter((d) => d.code === 'raw-html').length, 4);
    });

    it('drops javascript:, command: and data: links to plain text with an unsafe-link warning', () => {
      assert.deepEqual(hostile.links, [{ kind: 'external', text: 'docs', url: 'https://example.org/page' }]);
      assert.equal(result.diagnostics.filter((d) => d.code === 'unsafe-link').length, 7);
      assert.match(hostile.markdown, /Links: run, cmd, data,\nobfuscated, javascript:alert\(2\), ref link and pic\./);
      assert.doesNotMatch(hostile.markdown, /\]\((?:javascript|command|data):|\[bad\]:/);
    });

    it('drops a component whose attribute tries to break out', () => {
      assert.ok(result.diagnostics.some((d) => d.code === 'bad-component-attribute' && d.location.line === 20));
      assert.doesNotMatch(hostile.markdown, /onload|Youtube/);
    });

    it('compiles pathological lines without super-linear work (a regression here hangs until the timeout)', function () {
      // Generous for a loaded machine; a quadratic pattern on these 60,000-character lines takes minutes.
      this.timeout(10_000);
      const long = 'a'.repeat(60_000);
      const spaces = ' '.repeat(60_000);
      const text = [
        '# Glossary',
        '',
        '## P',
        '',
        `### ${long}ب`,
        '',
        `Text [a](#${spaces}x and (https://${long} and [${long}`,
        '',
        '<Youtube id="abcDEF12345"/>',
        `<Tip ${spaces}x`,
        '',
        `### ب ${long} (${long}`,
        '',
        `${'é'.repeat(60_000)} √© ${spaces}`,
        '',
      ].join('\n');
      const outcome = compileGlossaries([{ file: 'long.md', content: text, locale: 'ar' }]);
      assert.equal(outcome.termMap.terms.length, 2);
      assert.ok(outcome.diagnostics.some((d) => d.code === 'long-heading'));
    });

    it('never throws, whatever the input (a fixed budget of 200 short documents)', function () {
      this.timeout(30_000); // About a second of work; generous so that it never flakes on a loaded machine.
      let seed = 12345;
      const random = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
      const alphabet = ['#', '## ', '### ', '\n', '\n\n', '<Tip>', '</Tip>', '<Youtube id="', '"/>', '[', ']', '(', ')', '`', '```', '<!--', '-->', 'a', 'é', '🤗', '\r', '\u0000', '*', '> ', '- ', '[[', ']]', '#x', 'javascript:'];
      for (let run = 0; run < 200; run++) {
        let text = '';
        const length = Math.floor(random() * 80);
        for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)]!;
        const outcome = compileGlossaries([{ file: `fuzz-${run}.md`, content: text }]);
        assert.equal(outcome.termMap.schemaVersion, 1);
        assert.deepEqual(outcome.diagnostics.filter((d) => d.code === 'internal-error').map(formatDiagnostic), [], JSON.stringify(text));
      }
      const bytes = new Uint8Array(256).map((_, i) => i);
      assert.ok(compileGlossaries([{ file: 'bytes.md', content: bytes }]).diagnostics.some((d) => d.severity === 'error'));
    });
  });
});
