import * as assert from 'node:assert/strict';
import { applyDocsVersion } from '../../../src/glossary';

describe('applyDocsVersion', () => {
  const glossary = 'https://huggingface.co/docs/transformers/es/glossary#attention-mask';

  it('inserts the version after /docs/transformers/', () => {
    assert.equal(applyDocsVersion(glossary, 'main'), 'https://huggingface.co/docs/transformers/main/es/glossary#attention-mask');
    assert.equal(applyDocsVersion(glossary, 'v4.46.0'), 'https://huggingface.co/docs/transformers/v4.46.0/es/glossary#attention-mask');
  });

  it('leaves the version segment out when the setting is empty', () => {
    assert.equal(applyDocsVersion(glossary, ''), glossary);
  });

  it('replaces a version the URL already carries', () => {
    assert.equal(applyDocsVersion('https://huggingface.co/docs/transformers/main/en/model_doc/bert', 'v4.40.2'), 'https://huggingface.co/docs/transformers/v4.40.2/en/model_doc/bert');
    assert.equal(applyDocsVersion('https://huggingface.co/docs/transformers/v4.40.2/en/model_doc/bert', ''), 'https://huggingface.co/docs/transformers/en/model_doc/bert');
  });

  it('leaves other URLs alone', () => {
    for (const url of ['https://www.youtube.com/watch?v=M6adb1j2jPI', 'https://huggingface.co/docs/datasets/main/en/index']) {
      assert.equal(applyDocsVersion(url, 'v4.46.0'), url);
    }
  });
});
