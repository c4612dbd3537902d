import * as assert from 'node:assert/strict';
import { DEFAULT_SETTINGS, clientLocale, readSettings } from '../../../src/lsp/settings';

describe('language server settings', () => {
  it('reads the section bare or under transformersGlossary, dotted or nested', () => {
    const nested = readSettings({ transformersGlossary: { language: 'es', completion: { enabled: true } } });
    assert.equal(nested.language, 'es');
    assert.equal(nested.completion, true);
    const bare = readSettings({ language: 'ja', 'completion.enabled': true, 'check.ignore': ['token'] });
    assert.equal(bare.language, 'ja');
    assert.equal(bare.completion, true);
    assert.deepEqual(bare.checkIgnore, ['token']);
  });

  it('keeps the previous value of every key that is missing or malformed', () => {
    const base = readSettings({ language: 'es', ignoredTerms: ['logits'], discoverGlossaries: false });
    const next = readSettings(
      { language: 42, ignoredTerms: 'logits', customGlossaries: [1, ' a.md ', ''], documentLanguage: '../../x' },
      base,
    );
    assert.equal(next.language, 'es');
    assert.deepEqual(next.ignoredTerms, ['logits']);
    assert.deepEqual(next.customGlossaries, ['a.md']);
    assert.equal(next.discovery, false);
    assert.equal(next.documentLanguage, '');
    assert.equal(readSettings(null, base), base);
    assert.equal(readSettings({ transformersGlossary: 'x' }, base), base);
  });

  it('accepts discovery as an alias of discoverGlossaries, and off for documentLanguage', () => {
    assert.equal(readSettings({ discovery: false }).discovery, false);
    assert.equal(readSettings({ discoverGlossaries: { enabled: false } }).discovery, false);
    assert.equal(readSettings({ documentLanguage: 'es' }).documentLanguage, 'es');
    assert.equal(
      readSettings({ documentLanguage: 'off' }, readSettings({ documentLanguage: 'es' })).documentLanguage,
      '',
    );
    assert.equal(DEFAULT_SETTINGS.completion, false);
  });

  it("takes the client's locale, else the POSIX locale of the environment, else English", () => {
    assert.equal(clientLocale('es-ES', { LANG: 'ja_JP.UTF-8' }), 'es-ES');
    assert.equal(clientLocale(undefined, { LANG: 'ja_JP.UTF-8' }), 'ja-JP');
    assert.equal(clientLocale(undefined, { LC_ALL: 'ko_KR.UTF-8@euro', LANG: 'ja_JP' }), 'ko-KR');
    assert.equal(clientLocale(undefined, { LANG: 'C' }), 'en');
    assert.equal(clientLocale(42, {}), 'en');
  });
});
