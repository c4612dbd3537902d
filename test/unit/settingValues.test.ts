/**
 * The one reading of setting values that the VS Code extension (src/config.ts) and the language server
 * (src/lsp/settings.ts) share: what each accepts, and the limits that keep a hand-written mistake small.
 */
import * as assert from 'node:assert/strict';
import { AUTO_LANGUAGE } from '../../src/glossary';
import {
  SETTING_DEFAULTS,
  settingBoolean,
  settingDocsVersion,
  settingString,
  settingStringList,
} from '../../src/settingValues';

describe('setting values', () => {
  it('defaults to the automatic language, the main docs and discovery on', () => {
    assert.deepEqual(SETTING_DEFAULTS, { language: AUTO_LANGUAGE, docsVersion: 'main', discoverGlossaries: true });
  });

  it('reads a string trimmed, and drops an empty, a huge or a non-string one', () => {
    assert.equal(settingString('  es '), 'es');
    for (const value of ['', '   ', 42, null, undefined, 'x'.repeat(4097)]) {
      assert.equal(settingString(value), undefined);
    }
  });

  it('keeps the good items of a list and at most a thousand of them', () => {
    assert.deepEqual(settingStringList([' a.md ', 1, '', 'b.md']), ['a.md', 'b.md']);
    assert.equal(settingStringList('a.md'), undefined);
    assert.equal(settingStringList(Array.from({ length: 1500 }, (_, i) => `t${i}`))?.length, 1000);
  });

  it('keeps an empty docs version (the latest release) and a switch only when it is a boolean', () => {
    assert.equal(settingDocsVersion(' '), '');
    assert.equal(settingDocsVersion(' v4.57.0 '), 'v4.57.0');
    assert.equal(settingDocsVersion(5), undefined);
    assert.equal(settingBoolean(false), false);
    assert.equal(settingBoolean('false'), undefined);
  });
});
