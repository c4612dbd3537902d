import * as assert from 'node:assert/strict';
import { chooseEntry, languageEndonym, languageName, primaryLanguage, resolveDisplayLocale, textDirection } from '../../../src/glossary';
import { testTermMap } from '../../helpers/termMapFixture';

describe('display locale', () => {
  it('follows VS Code when the setting is auto and the term map has that language', () => {
    assert.equal(resolveDisplayLocale('auto', 'es', ['en', 'es']), 'es');
    assert.equal(resolveDisplayLocale('auto', 'es-419', ['en', 'es']), 'es');
  });

  it('falls back to English when VS Code speaks a language the term map lacks', () => {
    assert.equal(resolveDisplayLocale('auto', 'zh-cn', ['en', 'es']), 'en');
  });

  it('keeps an explicit choice even when the term map lacks it, so that entries fall back visibly', () => {
    assert.equal(resolveDisplayLocale('es', 'en', ['en', 'es']), 'es');
    assert.equal(resolveDisplayLocale('ja', 'en', ['en', 'es']), 'ja');
  });

  it('reads primary language subtags', () => {
    assert.equal(primaryLanguage('pt-BR'), 'pt');
    assert.equal(primaryLanguage('zh_TW'), 'zh');
  });
});

describe('chooseEntry', () => {
  const [mask, , mlm] = testTermMap.terms;

  it('returns the entry of the requested locale', () => {
    const chosen = chooseEntry(mask!, 'es');
    assert.equal(chosen.locale, 'es');
    assert.equal(chosen.entry.title, 'máscara de atención');
    assert.equal(chosen.isFallback, false);
  });

  it('falls back to English and says so', () => {
    const chosen = chooseEntry(mlm!, 'es');
    assert.equal(chosen.locale, 'en');
    assert.equal(chosen.isFallback, true);
  });

  it('falls back to any locale when there is no English entry', () => {
    const spanishOnly = { ...mask!, entries: { es: mask!.entries.es! } };
    assert.deepEqual([chooseEntry(spanishOnly, 'ja').locale, chooseEntry(spanishOnly, 'ja').isFallback], ['es', true]);
  });
});

describe('language names', () => {
  it('names the docs languages in their own language', () => {
    assert.deepEqual(['en', 'es', 'ja', 'ko', 'ar'].map(languageEndonym), ['English', 'Español', '日本語', '한국어', 'العربية']);
  });

  it('names a language in the UI language', () => {
    assert.equal(languageName('es', 'en', 'mid-sentence'), 'Spanish');
    assert.equal(languageName('en', 'es', 'mid-sentence'), 'inglés');
  });

  it('cases a name as the caller asks: lower case inside a Spanish sentence, a capital at the start of a label', () => {
    assert.equal(languageName('ja', 'es', 'mid-sentence'), 'japonés');
    assert.equal(languageName('ja', 'es', 'label'), 'Japonés');
    assert.equal(languageName('es', 'es', 'label'), languageEndonym('es'));
    // English capitalises language names everywhere, so both casings agree.
    assert.equal(languageName('ja', 'en', 'mid-sentence'), languageName('ja', 'en', 'label'));
  });

  it('falls back to the tag for an unknown or malformed language', () => {
    assert.equal(languageName('qqq', 'en', 'label'), 'qqq');
    assert.equal(languageName('x-bad', 'en', 'label'), 'x-bad');
    // A UI language Intl rejects falls back to the tag instead of throwing inside a hover.
    assert.equal(languageName('es', 'not a locale!', 'label'), 'es');
  });

  it('knows which scripts run right to left', () => {
    assert.equal(textDirection('ar'), 'rtl');
    assert.equal(textDirection('ar-EG'), 'rtl');
    assert.equal(textDirection('en'), 'ltr');
    assert.equal(textDirection('ko'), 'ltr');
  });
});
