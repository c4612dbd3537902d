/**
 * Every fix the bundled termbase can produce, as a table: for each locale and each flagged form (an `avoid:` form or
 * the English form of a term the locale translates), in the singular and the plural and capitalised, the fix writes
 * one of the term's own forms in that locale (title, alias or preferred form, or its other number by the locale's
 * rule), keeps the capital, and never writes a form of another term. A fix that cannot keep these promises is not
 * offered: this is the net that caught `attention implementation` → `scaled dot-product attention` and
 * `decoder-only models` → `decoderes models`.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Locale, Term, TermMap } from '../../../src/glossary';
import {
  compileGlossaries,
  ownEntry,
  pluralPhrase,
  singularPhrase,
  trailingParenthetical,
} from '../../../src/glossary';
import { agreeingFix, createTerminologyChecker, formKey, spanishGenderInProse } from '../../../src/terminology';
import { repoRoot } from '../../helpers/repoRoot';

const LOCALES = ['ar', 'en', 'es', 'ja', 'ko', 'zh-hans'];

let cached: TermMap | undefined;
function bundled(): TermMap {
  cached ??= compileGlossaries(
    LOCALES.map((locale) => {
      const file = `glossary/${locale}.md`;
      return { file, content: fs.readFileSync(path.join(repoRoot(), file), 'utf8') };
    }),
  ).termMap;
  return cached;
}

/**
 * The keys of every form the term's entry in `locale` declares, with each one's other number: by English rules for a
 * form that is one of the term's English forms (`deep learning` in Spanish), by the locale's rules otherwise. Spanish
 * rules on English words (`decoder models` → `decoderes models`) are exactly the bug this table exists to catch.
 */
function ownKeys(term: Term, locale: Locale): Set<string> {
  const entry = ownEntry(term, locale);
  const english = ownEntry(term, 'en');
  const keys = new Set<string>();
  if (!entry) return keys;
  const base = (form: string): string => trailingParenthetical(form)?.base || form;
  const englishKeys = new Set((english ? [english.title, ...english.aliases] : []).map((form) => formKey(base(form))));
  for (const form of [entry.title, ...entry.aliases, ...(entry.terminology?.preferred ?? [])].map(base)) {
    const language = englishKeys.has(formKey(form)) ? 'en' : locale;
    for (const variant of [form, pluralPhrase(form, language), singularPhrase(form, language)]) {
      if (variant !== undefined) keys.add(formKey(variant));
    }
  }
  return keys;
}

interface Row {
  locale: Locale;
  flagged: string;
  termId: string;
  fix: string | undefined;
  /** Whether the finding names a form to use and says why no fix writes it. */
  saysWhy: boolean;
}

/** Every flagged form of every locale's termbase, checked alone on a line, in three spellings. */
function table(): Row[] {
  const termMap = bundled();
  const checker = createTerminologyChecker(termMap);
  const rows: Row[] = [];
  for (const locale of termMap.locales) {
    const termbase = checker.termbase(locale);
    for (const group of termbase.groups.values()) {
      if (group.kind !== 'avoid' && group.kind !== 'english') continue;
      for (const [key, form] of group.forms) {
        const language = group.languages.get(key) ?? locale;
        const spellings = new Set([form, pluralPhrase(form, language), singularPhrase(form, language)]);
        for (const spelling of [...spellings]) {
          if (spelling !== undefined) spellings.add(spelling.charAt(0).toUpperCase() + spelling.slice(1));
        }
        for (const flagged of spellings) {
          if (flagged === undefined) continue;
          for (const finding of checker.check(flagged, { locale })) {
            if (finding.start !== 0 || finding.end !== flagged.length) continue;
            rows.push({
              locale,
              flagged,
              termId: finding.termId,
              fix: finding.fixes[0]?.newText,
              saysWhy: finding.suggestion !== undefined && finding.noFix !== undefined,
            });
          }
        }
      }
    }
  }
  return rows;
}

describe('every fix of the bundled termbase', function () {
  this.timeout(60_000);
  let rows: Row[] = [];
  before(() => {
    rows = table();
  });

  it('covers every locale that has flagged forms', () => {
    const locales = new Set(rows.map((row) => row.locale));
    for (const locale of ['ar', 'es', 'ja', 'ko', 'zh-hans']) assert.ok(locales.has(locale), locale);
    assert.ok(rows.length > 500, `only ${rows.length} rows`);
  });

  it("writes one of the term's own forms in the page's language, or no fix", () => {
    const byId = new Map(bundled().terms.map((term) => [term.id, term]));
    const wrong = rows
      .filter((row) => row.fix !== undefined && !ownKeys(byId.get(row.termId)!, row.locale).has(formKey(row.fix)))
      .map((row) => `${row.locale}: ${row.flagged} → ${row.fix}`);
    assert.deepEqual(wrong, []);
  });

  it('keeps a capital first letter', () => {
    const wrong = rows
      .filter((row) => row.fix !== undefined && /^\p{Lu}/u.test(row.flagged) && /^\p{Ll}/u.test(row.fix))
      .map((row) => `${row.locale}: ${row.flagged} → ${row.fix}`);
    assert.deepEqual(wrong, []);
  });

  it('says why when it offers no fix', () => {
    const silent = rows
      .filter((row) => row.fix === undefined && !row.saysWhy)
      .map((row) => `${row.locale}: ${row.flagged}`);
    assert.deepEqual(silent, []);
  });
});

describe('fixes a colleague reported wrong (bundled glossaries)', () => {
  const check = (text: string, locale = 'es'): string[] => {
    const checker = createTerminologyChecker(bundled());
    return checker
      .check(text, { locale })
      .map((f) => `${f.text} → ${f.fixes[0]?.newText ?? (f.noFix !== undefined ? 'no fix, said why' : '-')}`);
  };

  it('never writes another concept listed as an alias (attention implementation)', () => {
    assert.deepEqual(check('Elige la attention implementation.'), [
      'attention implementation → implementación de atención',
    ]);
    assert.deepEqual(check('Dos attention implementations.'), [
      'attention implementations → implementaciones de atención',
    ]);
  });

  it('inflects by the rules of the language a form is written in, or offers no fix', () => {
    assert.deepEqual(check('Los autoencoder models.'), ['autoencoder models → no fix, said why']);
    assert.deepEqual(check('Las deep neural networks.'), ['deep neural networks → no fix, said why']);
    assert.deepEqual(check('Los decoder-only models.'), ['decoder-only models → no fix, said why']);
    assert.deepEqual(check('Las attention masks.'), ['attention masks → máscaras de atención']);
  });

  it('makes a Spanish article agree with the replacement, or offers no fix', () => {
    assert.deepEqual(check('Aplica el pooling.'), ['el pooling → la agrupación']);
    assert.deepEqual(check('El pooling reduce.'), ['El pooling → La agrupación']);
    assert.deepEqual(check('Antes del pooling.'), ['del pooling → de la agrupación']);
    assert.deepEqual(check('Sin el padding.'), ['padding → relleno']);
    // `ajuste` does not tell its gender by its ending; es.md writes "El ajuste fino", and the fix follows it.
    assert.deepEqual(check('Un fine-tuning.'), ['fine-tuning → ajuste fino']);
    assert.deepEqual(check('Sin pooling.'), ['pooling → agrupación']);
  });
});

describe('the gender our Spanish prose gives a noun', () => {
  const usedGender = spanishGenderInProse(['El ajuste fino adapta…', 'Revisa los canales.', 'la canal y el canal']);

  it('reads it from the articles written before the noun, in either number', () => {
    assert.equal(usedGender('ajuste fino'), 'masculine');
    assert.equal(usedGender('ajustes finos'), 'masculine');
    assert.equal(usedGender('canales de color'), 'masculine');
  });

  it('gives none for a noun written with both genders, or never after an article', () => {
    assert.equal(usedGender('canal de color'), undefined);
    assert.equal(usedGender('relleno'), undefined);
  });

  it('leaves a fix out, and says why, when neither the ending nor the prose tells the gender', () => {
    const unknown = agreeingFix('Un token.', 3, 8, 'token', 'es', usedGender);
    assert.equal(unknown.fix, undefined);
    assert.deepEqual(unknown.why, { kind: 'gender-unknown', form: 'token', article: 'Un' });
    assert.deepEqual(agreeingFix('Un fine-tuning.', 3, 14, 'ajuste fino', 'es', usedGender).fix, {
      start: 3,
      end: 14,
      newText: 'ajuste fino',
    });
  });
});

describe('false positives found on real Spanish pages of the Transformers docs', () => {
  const checker = (): ReturnType<typeof createTerminologyChecker> => createTerminologyChecker(bundled());

  it('does not report the English headings of a glossary page, which are its anchors', () => {
    const page = '### attention mask\n\nLa máscara de atención.\n\n### backbone\n\nUsa el backbone.\n';
    const found = checker()
      .check(page, { locale: 'es', isGlossary: true })
      .map((f) => f.text);
    // The prose use is reported, with its article: `columna vertebral` is feminine.
    assert.deepEqual(found, ['el backbone']);
    // The same heading in an ordinary page is prose.
    assert.deepEqual(
      checker()
        .check('### backbone\n', { locale: 'es' })
        .map((f) => f.text),
      ['backbone'],
    );
  });

  it('reads "X en inglés" as a gloss in Spanish', () => {
    const text = 'La columna vertebral, backbone en inglés, es la red. Un extractor (o feature extractor en inglés).';
    assert.deepEqual(checker().check(text, { locale: 'es' }), []);
    assert.equal(checker().check('El backbone en la red.', { locale: 'es' }).length, 1);
  });
});
