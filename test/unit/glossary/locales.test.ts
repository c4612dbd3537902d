import * as assert from 'node:assert/strict';
import {
  GLOSSARY_LOCALES,
  chooseEntry,
  directionalTextFor,
  docsLanguage,
  hfGlossaryUrl,
  languageEndonym,
  languageName,
  localeFallbackChain,
  offeredLocales,
  primaryLanguage,
  resolveDisplayLocale,
  textDirection,
} from '../../../src/glossary';
import { testTermMap } from '../../helpers/termMapFixture';

describe('display locale', () => {
  /** Every glossary locale: the term map once the bundled content covers them all. */
  const all = [...GLOSSARY_LOCALES];
  const auto = (uiLanguage: string, available: readonly string[] = all): string => resolveDisplayLocale('auto', uiLanguage, available);

  it('follows VS Code when the setting is auto and the term map has that language', () => {
    assert.deepEqual(['en', 'es', 'ja', 'ko', 'ar'].map((ui) => auto(ui)), ['en', 'es', 'ja', 'ko', 'ar']);
  });

  it('maps VS Code ids of Simplified Chinese to zh-hans', () => {
    assert.equal(auto('zh-cn'), 'zh-hans');
    assert.equal(auto('zh-CN'), 'zh-hans');
    assert.equal(auto('zh'), 'zh-hans');
    assert.equal(auto('zh-sg'), 'zh-hans');
    assert.equal(auto('zh-Hans-HK'), 'zh-hans', 'an explicit script wins over the region');
  });

  it('serves Traditional Chinese readers the Simplified Chinese glossary, there being no Traditional one', () => {
    assert.equal(auto('zh-tw'), 'zh-hans');
    assert.equal(auto('zh-hk'), 'zh-hans');
    assert.equal(auto('zh-mo'), 'zh-hans');
    assert.deepEqual(localeFallbackChain('zh-tw'), ['zh-tw', 'zh-hant', 'zh-hans', 'zh', 'en']);
    // A Traditional Chinese glossary, if a custom one ever provides it, comes first.
    assert.equal(auto('zh-tw', [...all, 'zh-hant']), 'zh-hant');
  });

  it('accepts a Chinese glossary tagged zh, as the compiler tags docs/source/zh/', () => {
    assert.equal(auto('zh-cn', ['en', 'es', 'zh']), 'zh');
    assert.equal(auto('zh-tw', ['en', 'zh']), 'zh');
  });

  it('uses the entries of the language for a regional variety', () => {
    assert.equal(auto('es-419'), 'es');
    assert.equal(auto('es-mx'), 'es');
    assert.equal(auto('es_ES'), 'es');
    assert.equal(auto('ar-eg'), 'ar');
    assert.equal(auto('ar-SA'), 'ar');
    assert.equal(auto('ja-jp'), 'ja');
    assert.equal(auto('ko-KR'), 'ko');
    assert.equal(auto('en-gb'), 'en');
  });

  it('prefers a glossary written for the exact variety when the term map has one', () => {
    assert.equal(auto('es-mx', [...all, 'es-mx']), 'es-mx');
  });

  it('falls back to English when VS Code speaks a language the term map lacks', () => {
    assert.equal(auto('pt-br'), 'en');
    assert.deepEqual(localeFallbackChain('pt-br'), ['pt-br', 'pt', 'en']);
    assert.equal(auto('fr'), 'en');
    assert.equal(auto('zh-cn', ['en', 'es']), 'en');
    assert.equal(auto('ja', ['en', 'es']), 'en');
    assert.equal(auto(''), 'en');
    assert.equal(auto('not a locale!'), 'en');
  });

  it('ends every chain in English, once', () => {
    for (const tag of ['en', 'en-us', 'zh-hk', 'ar', 'qqq', '']) {
      const chain = localeFallbackChain(tag);
      assert.equal(chain.at(-1), 'en', tag);
      assert.equal(chain.indexOf('en'), chain.length - 1, tag);
    }
  });

  it('keeps an explicit choice even when the term map lacks it, so that entries fall back visibly', () => {
    assert.equal(resolveDisplayLocale('es', 'en', ['en', 'es']), 'es');
    assert.equal(resolveDisplayLocale('ja', 'en', ['en', 'es']), 'ja');
    assert.equal(resolveDisplayLocale('zh-hans', 'en', ['en', 'es']), 'zh-hans');
  });

  it('settles an explicit setting written by hand on the locale it means', () => {
    assert.equal(resolveDisplayLocale('es-419', 'en', ['en', 'es']), 'es');
    assert.equal(resolveDisplayLocale(' ES ', 'en', ['en', 'es']), 'es');
    assert.equal(resolveDisplayLocale('zh-CN', 'en', ['en', 'es']), 'zh-hans');
    assert.equal(resolveDisplayLocale('zh-tw', 'en', ['en', 'es']), 'zh-hans');
    assert.equal(resolveDisplayLocale('zh-hans', 'en', ['en', 'zh']), 'zh');
    assert.equal(resolveDisplayLocale('ja-JP', 'en', ['en', 'es']), 'ja');
    assert.equal(resolveDisplayLocale('AUTO', 'es', ['en', 'es']), 'es');
  });

  it('reads primary language subtags', () => {
    assert.equal(primaryLanguage('pt-BR'), 'pt');
    assert.equal(primaryLanguage('zh_TW'), 'zh');
  });

  it('offers every glossary locale, then the other locales of the term map', () => {
    assert.deepEqual(offeredLocales(['en', 'es']), ['en', 'es', 'ja', 'ko', 'zh-hans', 'ar']);
    assert.deepEqual(offeredLocales(['en', 'fr', 'es']), ['en', 'es', 'ja', 'ko', 'zh-hans', 'ar', 'fr']);
  });

  it('links Simplified Chinese to the zh folder of the docs', () => {
    assert.equal(docsLanguage('zh-hans'), 'zh');
    assert.equal(docsLanguage('ko'), 'ko');
    assert.equal(hfGlossaryUrl('zh-hans', 'attention-mask'), 'https://huggingface.co/docs/transformers/zh/glossary#attention-mask');
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
  it('names the glossary languages in their own language, as Change Language lists them', () => {
    assert.deepEqual(GLOSSARY_LOCALES.map(languageEndonym), ['English', 'Español', '日本語', '한국어', '简体中文', 'العربية']);
  });

  it('names them in each UI language, as the Change Language descriptions and the fallback notes do', () => {
    const names = (ui: string): string[] => GLOSSARY_LOCALES.map((locale) => languageName(locale, ui, 'mid-sentence'));
    assert.deepEqual(names('ja'), ['英語', 'スペイン語', '日本語', '韓国語', '簡体中国語', 'アラビア語']);
    assert.deepEqual(names('ko'), ['영어', '스페인어', '일본어', '한국어', '중국어(간체)', '아랍어']);
    assert.deepEqual(names('zh-cn'), ['英语', '西班牙语', '日语', '韩语', '简体中文', '阿拉伯语']);
    assert.deepEqual(names('ar'), ['الإنجليزية', 'الإسبانية', 'اليابانية', 'الكورية', 'الصينية المبسطة', 'العربية']);
    assert.equal(languageName('zh-hans', 'en', 'label'), 'Simplified Chinese');
    assert.equal(languageName('zh-hans', 'es', 'mid-sentence'), 'chino simplificado');
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

  it('isolates text of a right-to-left locale for left-to-right faces, and leaves other text alone', () => {
    assert.equal(directionalTextFor('قناع الانتباه (attention mask)', 'ar'), '\u2067قناع الانتباه (\u2066attention mask\u2069)\u2069');
    assert.equal(directionalTextFor('قناع الانتباه', 'ar-EG'), '\u2067قناع الانتباه\u2069');
    for (const locale of ['en', 'ja', 'ko', 'zh-hans']) {
      assert.equal(directionalTextFor('어텐션 마스크 (attention mask)', locale), '어텐션 마스크 (attention mask)');
    }
  });
});
