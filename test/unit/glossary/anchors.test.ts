import * as assert from 'node:assert/strict';
import { englishAnchor, hfDocsUrl, hfGlossaryUrl, identifierFromHeading, HF_DOCS_ROOT } from '../../../src/glossary';
import { abbreviationOf, splitHeading } from '../../../src/glossary/anchors';
import { numberVariants } from '../../../src/glossary/inflection';

describe('englishAnchor', () => {
  it('lowercases, turns spaces into dashes and drops the rest', () => {
    assert.equal(englishAnchor('attention mask'), 'attention-mask');
    assert.equal(englishAnchor('masked language modeling (MLM)'), 'masked-language-modeling-mlm');
    assert.equal(englishAnchor('token Type IDs'), 'token-type-ids');
    assert.equal(englishAnchor('sequence-to-sequence (seq2seq)'), 'sequence-to-sequence-seq2seq');
    assert.equal(englishAnchor('máscara'), 'mscara');
  });
});

describe('identifierFromHeading', () => {
  it('gives the Python name of a heading', () => {
    assert.equal(identifierFromHeading('input IDs'), 'input_ids');
    assert.equal(identifierFromHeading('  pixel values '), 'pixel_values');
    assert.equal(identifierFromHeading('labels'), 'labels');
  });

  it('gives nothing when the result is not a Python identifier', () => {
    assert.equal(identifierFromHeading('deep learning (DL)'), undefined);
    assert.equal(identifierFromHeading('self-attention'), undefined);
    assert.equal(identifierFromHeading('import'), undefined);
    assert.equal(identifierFromHeading('2d pooling'), undefined);
  });
});

describe('huggingface.co URLs', () => {
  it('builds docs URLs with an optional anchor', () => {
    assert.equal(hfDocsUrl('es', 'model_doc/t5'), 'https://huggingface.co/docs/transformers/es/model_doc/t5');
    assert.equal(hfDocsUrl('en', 'perf_train_gpu_many', 'zero-data-parallelism'), 'https://huggingface.co/docs/transformers/en/perf_train_gpu_many#zero-data-parallelism');
  });

  it('builds glossary URLs', () => {
    assert.equal(hfGlossaryUrl('ko', 'input-ids'), 'https://huggingface.co/docs/transformers/ko/glossary#input-ids');
  });

  it('keeps a regular shape so that a docs version is a plain insert after the root', () => {
    const url = hfGlossaryUrl('en', 'token');
    assert.ok(url.startsWith(HF_DOCS_ROOT));
    assert.equal(`${HF_DOCS_ROOT}main/${url.slice(HF_DOCS_ROOT.length)}`, 'https://huggingface.co/docs/transformers/main/en/glossary#token');
  });
});

describe('heading parts', () => {
  it('splits a doc-builder custom anchor off the title', () => {
    assert.deepEqual(splitHeading('Some Title[[custom-id]] '), { title: 'Some Title', customAnchor: 'custom-id' });
    assert.deepEqual(splitHeading('self-supervised learning '), { title: 'self-supervised learning' });
  });

  it('reads abbreviations from a trailing parenthetical in every heading style', () => {
    assert.equal(abbreviationOf('masked language modeling (MLM)'), 'MLM');
    assert.equal(abbreviationOf('Zero Redundancy Optimizer (ZeRO)'), 'ZeRO');
    assert.equal(abbreviationOf('sequence-to-sequence (seq2seq)'), 'seq2seq');
    assert.equal(abbreviationOf('연결 시간분류(connectionist temporal classification, CTC)'), 'CTC');
    assert.equal(abbreviationOf('التوازي على مستوى البيانات (DataParallel - DP)'), 'DP');
    assert.equal(abbreviationOf('데이터 병렬화 (DataParallel)'), undefined);
    assert.equal(abbreviationOf('قناة(channel)'), undefined);
    assert.equal(abbreviationOf('الملصقات (Labels)'), undefined);
  });

  it('offers plural and singular forms only where they are English', () => {
    assert.deepEqual(numberVariants('attention mask'), ['attention masks']);
    assert.deepEqual(numberVariants('encoder models'), ['encoder model']);
    assert.deepEqual(numberVariants('input IDs'), ['input ID']);
    assert.deepEqual(numberVariants('image patch'), ['image patches']);
    assert.deepEqual(numberVariants('deep learning (DL)'), []);
    assert.deepEqual(numberVariants('self-attention'), []);
    assert.deepEqual(numberVariants('Sharded DDP'), []);
    assert.deepEqual(numberVariants('multimodal'), []);
  });
});
