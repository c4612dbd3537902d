/**
 * Alignment of a glossary compiled alone: a translation without its English file is aligned to the reference the
 * faces pass (the bundled term map), and every entry that cannot be aligned honestly is reported with its line.
 * The fixtures are our own writing, one per heading style: Korean with the English name or only its abbreviation in
 * parentheses, Arabic fully translated with an English gloss on some headings.
 */
import * as assert from 'node:assert/strict';
import type { AlignmentReference, CompileResult, Diagnostic, GlossarySource, TermMap } from '../../../src/glossary';
import { alignmentReference, compileGlossaries, isAlignmentReference } from '../../../src/glossary';
import { readFixture } from './paths';

const fixture = (name: string): GlossarySource => ({ file: name, content: readFixture(name) });
const idOf = (result: CompileResult, locale: string, title: string): string | undefined =>
  result.termMap.terms.find((t) => t.entries[locale]?.title === title)?.id;
const codes = (diagnostics: readonly Diagnostic[]): string[] => diagnostics.map((d) => `${d.location.line} ${d.severity} ${d.code}`);

/** The reference a face would pass: the term map of our English fixture, as the bundled map is built from en.md. */
const englishMap: TermMap = compileGlossaries([fixture('en-align.md')]).termMap;
const english: AlignmentReference = alignmentReference(englishMap);

describe('alignment of a glossary compiled alone', () => {
  describe('the reference', () => {
    it('lists the terms in the order of the English file, with their sections, abbreviations and other names', () => {
      assert.deepEqual(
        english.terms.map((t) => t.id),
        [
          'attention-mask', 'autoregressive-models', 'connectionist-temporal-classification-ctc', 'dataparallel-dp', 'decoder-models',
          'deep-learning-dl', 'input-ids', 'labels', 'large-language-models-llm', 'masked-language-modeling-mlm', 'sequence-to-sequence-seq2seq',
        ],
      );
      const llm = english.terms.find((t) => t.id === 'large-language-models-llm')!;
      assert.equal(llm.section, 'L');
      assert.deepEqual(llm.abbreviations, ['LLM']);
      assert.ok(llm.names.includes('large language models'));
    });

    it('is accepted from a message only in its own shape', () => {
      assert.ok(isAlignmentReference(english));
      assert.ok(isAlignmentReference(JSON.parse(JSON.stringify(english))));
      assert.ok(!isAlignmentReference({ terms: [{ id: 'x', abbreviations: [], names: 'x' }] }));
      assert.ok(!isAlignmentReference({ terms: [{ id: '', abbreviations: [], names: [] }] }));
      assert.ok(!isAlignmentReference(null));
    });
  });

  describe('Korean headings with the English name or abbreviation in parentheses', () => {
    const result = compileGlossaries([fixture('ko-alone.md')], { reference: english });

    it('gives every entry the English anchor, the abbreviation-only headings included', () => {
      const expected: Record<string, string> = {
        '어텐션 마스크 (attention mask)': 'attention-mask',
        '자기회귀 모델 (autoregressive models)': 'autoregressive-models',
        '연결주의 시간 분류 (connectionist temporal classification, CTC)': 'connectionist-temporal-classification-ctc',
        '데이터 병렬화 (DataParallel)': 'dataparallel-dp',
        '딥러닝 (deep learning)': 'deep-learning-dl',
        '대규모 언어 모델 (LLM)': 'large-language-models-llm',
        '마스킹된 언어 모델링 (MLM)': 'masked-language-modeling-mlm',
        '시퀀스-투-시퀀스 (seq2seq)': 'sequence-to-sequence-seq2seq',
      };
      for (const [title, id] of Object.entries(expected)) assert.equal(idOf(result, 'ko', title), id, title);
    });

    it('reports the one entry whose English name the reference lacks, with its line, and names it after that name', () => {
      assert.deepEqual(codes(result.diagnostics), ['47 warning unmatched-term']);
      assert.match(result.diagnostics[0]!.message, /"플래시 어텐션 \(flash attention\)" matches no English entry.*"flash-attention"/);
      assert.equal(idOf(result, 'ko', '플래시 어텐션 (flash attention)'), 'flash-attention');
    });

    it('ignores the reference when the English glossary is compiled too', () => {
      const both = compileGlossaries([fixture('en-align.md'), fixture('ko-alone.md')], { reference: { terms: [] } });
      assert.equal(idOf(both, 'ko', '대규모 언어 모델 (LLM)'), 'large-language-models-llm');
    });
  });

  describe('Arabic headings, fully translated, some with an English gloss', () => {
    it('aligns by the gloss, by an unambiguous gap in the section, and reports the rest', () => {
      const result = compileGlossaries([fixture('ar-alone.md')], { reference: english });
      assert.equal(idOf(result, 'ar', 'النماذج ذاتية الانحدار (Autoregressive Models)'), 'autoregressive-models');
      assert.equal(idOf(result, 'ar', 'التوازي على مستوى البيانات (DataParallel - DP)'), 'dataparallel-dp');
      assert.equal(idOf(result, 'ar', 'التعلم العميق deep learning (DL)'), 'deep-learning-dl');
      assert.equal(idOf(result, 'ar', 'نمذجة اللغة المقنعة masked language modeling (MLM)'), 'masked-language-modeling-mlm');
      // Each of these stands alone in a gap between two matched neighbours that leaves exactly one English entry.
      assert.equal(idOf(result, 'ar', 'قناع الانتباه'), 'attention-mask');
      assert.equal(idOf(result, 'ar', 'نماذج فك التشفير'), 'decoder-models');
      // Section L has two unnamed entries for its two English entries: filled in order, each with a warning, since
      // position cannot tell a swapped pair (the warning asks for an explicit anchor).
      assert.equal(idOf(result, 'ar', 'الْمُلْصَقَات'), 'labels');
      assert.equal(idOf(result, 'ar', 'نماذج اللغة الكبيرة'), 'large-language-models-llm');
      // Z is no section of the reference: that entry gets no English id, and is reported at its line.
      assert.equal(idOf(result, 'ar', 'محسن التكرار الصفري'), 'ar-z-1');
      assert.deepEqual(codes(result.diagnostics), [
        '5 warning aligned-by-position',
        '19 warning aligned-by-position',
        '29 warning aligned-by-position',
        '33 warning aligned-by-position',
        '45 warning unmatched-term',
      ]);
    });

    it('aligns a fully translated heading by the localized names the reference knows, ignoring tashkeel', () => {
      // A reference that knows the Arabic names (as the bundled map does once it has an Arabic glossary).
      const withArabic = alignmentReference(compileGlossaries([fixture('en-align.md'), fixture('ar-align.md')]).termMap);
      const result = compileGlossaries([fixture('ar-alone.md')], { reference: withArabic });
      assert.equal(idOf(result, 'ar', 'الْمُلْصَقَات'), 'labels');
      assert.equal(idOf(result, 'ar', 'نماذج اللغة الكبيرة'), 'large-language-models-llm');
      // Every entry the reference names in Arabic is matched by name, without a warning; Z is still no section of it.
      assert.deepEqual(codes(result.diagnostics), ['45 warning unmatched-term']);
    });
  });

  it('never gives an id by position against a reference when the gap leaves a choice', () => {
    const korean = '# 용어집\n\n## D\n\n### 데이터 병렬화 (DataParallel)\n\n복사.\n\n### 디코더\n\n다음 단어.\n';
    const result = compileGlossaries([{ file: 'ko.md', content: korean }], { reference: english });
    // After DataParallel, section D of the reference has two free entries (decoder models, deep learning).
    assert.equal(idOf(result, 'ko', '디코더'), 'ko-d-2');
    assert.deepEqual(codes(result.diagnostics), ['9 warning unmatched-term']);
  });
});
