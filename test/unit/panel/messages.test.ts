import * as assert from 'node:assert/strict';
import {
  describeRejectedMessage,
  isLocaleShape,
  parseOpenEntryArgs,
  parseWebviewMessage,
} from '../../../src/panel/messages';

describe('parseWebviewMessage', () => {
  it('accepts every message the webview script sends', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'navigate', termId: 'encoder-models' }), {
      type: 'navigate',
      termId: 'encoder-models',
    });
    assert.deepEqual(parseWebviewMessage({ type: 'openExternal', url: 'https://huggingface.co/docs' }), {
      type: 'openExternal',
      url: 'https://huggingface.co/docs',
    });
    assert.deepEqual(parseWebviewMessage({ type: 'switchLocale', locale: 'es' }), {
      type: 'switchLocale',
      locale: 'es',
    });
    assert.deepEqual(parseWebviewMessage({ type: 'back' }), { type: 'back' });
    assert.deepEqual(parseWebviewMessage({ type: 'forward' }), { type: 'forward' });
  });

  it('keeps only the declared fields', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'back', extra: 'x', termId: 'y' }), { type: 'back' });
  });

  const rejected: [string, unknown][] = [
    ['null', null],
    ['a string', 'navigate'],
    ['an array', [{ type: 'back' }]],
    ['an unknown type', { type: 'runCommand', command: 'workbench.action.terminal.new' }],
    ['a missing type', { termId: 'attention-mask' }],
    ['a navigate without a term', { type: 'navigate' }],
    ['a navigate to a non-id', { type: 'navigate', termId: '../../etc/passwd' }],
    ['a navigate with markup', { type: 'navigate', termId: '"><script>' }],
    ['a navigate with a number', { type: 'navigate', termId: 42 }],
    ['a javascript: URL', { type: 'openExternal', url: 'javascript:alert(1)' }],
    ['a command: URL', { type: 'openExternal', url: 'command:workbench.action.terminal.new' }],
    ['a file: URL', { type: 'openExternal', url: 'file:///etc/passwd' }],
    ['a vscode: URL', { type: 'openExternal', url: 'vscode://some.extension/x' }],
    ['a relative URL', { type: 'openExternal', url: '/docs' }],
    ['an overlong URL', { type: 'openExternal', url: `https://huggingface.co/${'a'.repeat(3000)}` }],
    ['a locale that is not a tag', { type: 'switchLocale', locale: 'es; rm -rf' }],
    ['a locale that is not a string', { type: 'switchLocale', locale: { toString: () => 'es' } }],
    // The page once reported each render as `ready` for the tests' sake; that message is gone from the protocol.
    ['the retired ready message', { type: 'ready', render: 3 }],
  ];
  for (const [name, value] of rejected) {
    it(`rejects ${name}`, () => {
      assert.equal(parseWebviewMessage(value), undefined);
    });
  }
});

describe('parseOpenEntryArgs', () => {
  it('accepts a term id or an object with an optional locale', () => {
    assert.deepEqual(parseOpenEntryArgs('attention-mask'), { termId: 'attention-mask' });
    assert.deepEqual(parseOpenEntryArgs({ termId: 'attention-mask' }), { termId: 'attention-mask' });
    assert.deepEqual(parseOpenEntryArgs({ termId: 'attention-mask', locale: 'es' }), {
      termId: 'attention-mask',
      locale: 'es',
    });
    assert.deepEqual(parseOpenEntryArgs({ termId: 'attention-mask', locale: '' }), { termId: 'attention-mask' });
  });

  it('rejects anything else', () => {
    assert.equal(parseOpenEntryArgs(undefined), undefined);
    assert.equal(parseOpenEntryArgs(''), undefined);
    assert.equal(parseOpenEntryArgs(['attention-mask']), undefined);
    assert.equal(parseOpenEntryArgs({ termId: 7 }), undefined);
    assert.equal(parseOpenEntryArgs({ termId: 'a b' }), undefined);
    assert.equal(parseOpenEntryArgs({ termId: 'attention-mask', locale: 'not a locale' }), undefined);
  });
});

describe('isLocaleShape', () => {
  it('accepts short BCP-47 tags only', () => {
    for (const good of ['en', 'es', 'pt-BR', 'zh-Hant-TW', 'ast']) assert.equal(isLocaleShape(good), true, good);
    for (const bad of ['', 'EN', 'e', 'english', 'es_ES', 'es-', '../es']) assert.equal(isLocaleShape(bad), false, bad);
  });
});

describe('describeRejectedMessage', () => {
  it('shortens long messages and survives values JSON cannot write', () => {
    assert.ok(describeRejectedMessage({ type: 'x'.repeat(1000) }).length <= 201);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    assert.equal(describeRejectedMessage(cyclic), '[object Object]');
    assert.equal(describeRejectedMessage(undefined), 'undefined');
  });
});
