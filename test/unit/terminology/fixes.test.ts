/**
 * Fixes and the rules they rest on: applying every fix of a document changes nothing outside the flagged ranges
 * (a property test over generated documents), the number rules of inflection.ts, and the locale of a page's path.
 */
import * as assert from 'node:assert/strict';
import {
  documentLocaleFromPath,
  isGlossaryDocumentPath,
  isPluralPhrase,
  pluralPhrase,
  singularPhrase,
} from '../../../src/glossary';
import { applyFixes, checkDocument, replacementFor } from '../../../src/terminology';
import { seededRandom as random } from '../../helpers/seededRandom';
import { terminologyTermMap } from './fixture';

const PIECES = [
  'la cabeza',
  'Cabezas',
  'cabezal',
  'cabeza de atención',
  'attention mask',
  'Attention masks',
  'token',
  'máscara',
  '`cabeza`',
  '[x](../glossary#nope)',
  '[y](#head)',
  '<!-- cabeza -->',
  '<!--',
  '-->',
  '```',
  '~~~',
  '\n',
  '\r\n',
  ' ',
  ', ',
  '(attention mask)',
  '*attention mask*',
  'cabeza_x',
  '頭部',
  'の',
  'attention-mask',
  '---',
  '# ',
  '[[head]]',
  '<!-- glossary-ignore-next-line -->\n',
  'https://x.org/cabeza',
  'é',
  '\u{1F600}',
];

describe('terminology fixes', () => {
  it('change nothing outside the flagged ranges, and every finding flags exactly its text (300 generated documents)', () => {
    let fixCount = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const next = random(seed);
      let text = '';
      const length = 1 + Math.floor(next() * 40);
      for (let k = 0; k < length; k++) text += PIECES[Math.floor(next() * PIECES.length)];
      for (const locale of ['es', 'ja']) {
        const findings = checkDocument(text, { termMap: terminologyTermMap(), locale, isGlossary: seed % 2 === 0 });
        let previousEnd = 0;
        for (const finding of findings) {
          assert.ok(finding.start >= previousEnd, `seed ${seed}: findings overlap`);
          assert.equal(text.slice(finding.start, finding.end), finding.text, `seed ${seed}`);
          for (const fix of finding.fixes) {
            assert.deepEqual([fix.start, fix.end], [finding.start, finding.end], `seed ${seed}`);
          }
          previousEnd = finding.end;
        }
        const fixes = findings.flatMap((finding) => finding.fixes.slice(0, 1));
        fixCount += fixes.length;
        const fixed = applyFixes(text, fixes);
        // Walk both texts: between fixes they must be identical, and each fix's text must stand where its range was.
        let at = 0;
        let shift = 0;
        for (const fix of fixes) {
          assert.equal(
            fixed.slice(at + shift, fix.start + shift),
            text.slice(at, fix.start),
            `seed ${seed}: text before a fix changed`,
          );
          assert.equal(
            fixed.slice(fix.start + shift, fix.start + shift + fix.newText.length),
            fix.newText,
            `seed ${seed}`,
          );
          shift += fix.newText.length - (fix.end - fix.start);
          at = fix.end;
        }
        assert.equal(fixed.slice(at + shift), text.slice(at), `seed ${seed}: text after the last fix changed`);
      }
    }
    // The generator must actually produce fixes, or the property says nothing.
    assert.ok(fixCount > 100, `only ${fixCount} fixes were generated`);
  });

  it('applies fixes from the end and skips one that overlaps a fix already applied', () => {
    const fixes = [
      { start: 0, end: 2, newText: 'X' },
      { start: 4, end: 6, newText: 'YY' },
      { start: 5, end: 7, newText: 'Z' },
    ];
    assert.equal(applyFixes('abcdefgh', fixes), 'XcdeZh');
  });

  it('choose a preferred form of the flagged number and capital', () => {
    assert.equal(replacementFor('Heads', 'en', ['cabecera', 'cabeceras'], 'es'), 'Cabeceras');
    assert.equal(replacementFor('attention masks', 'en', ['máscara de atención'], 'es'), 'máscaras de atención');
    assert.equal(replacementFor('special token', 'en', ['tokens especiales'], 'es'), 'token especial');
    assert.equal(replacementFor('Heads', 'en', ['ヘッド'], 'ja'), 'ヘッド');
    assert.equal(replacementFor('x', 'en', [], 'es'), undefined);
  });
});

describe('number rules (src/glossary/inflection.ts)', () => {
  it('inflect Spanish noun phrases up to the first linking word', () => {
    assert.equal(pluralPhrase('máscara de atención', 'es'), 'máscaras de atención');
    assert.equal(pluralPhrase('modelo ajustado', 'es'), 'modelos ajustados');
    assert.equal(pluralPhrase('capa de agrupación', 'es'), 'capas de agrupación');
    assert.equal(pluralPhrase('decodificación voraz', 'es'), 'decodificaciones voraces');
    assert.equal(pluralPhrase('tokenizador', 'es'), 'tokenizadores');
    assert.equal(pluralPhrase('checkpoint', 'es'), 'checkpoints');
    assert.equal(pluralPhrase('token', 'es'), undefined);
    assert.equal(singularPhrase('estados ocultos', 'es'), 'estado oculto');
    assert.equal(singularPhrase('IDs de entrada', 'es'), 'IDs de entrada');
  });

  it('inflect English on the last word, and leave number-less languages as they are', () => {
    assert.equal(pluralPhrase('attention mask', 'en'), 'attention masks');
    assert.equal(singularPhrase('attention masks', 'en'), 'attention mask');
    assert.equal(pluralPhrase('ヘッド', 'ja'), 'ヘッド');
    assert.equal(pluralPhrase('tête', 'fr'), undefined);
  });

  it('read the number of a form', () => {
    assert.equal(isPluralPhrase('cabezas de atención', 'es'), true);
    assert.equal(isPluralPhrase('cabeza de atención', 'es'), false);
    assert.equal(isPluralPhrase('input IDs', 'en'), true);
    assert.equal(isPluralPhrase('loss', 'en'), false);
    assert.equal(isPluralPhrase('ヘッド', 'ja'), false);
  });
});

describe('documentLocaleFromPath', () => {
  it('reads docs/source/<lang>/ at any depth, with either separator, and maps zh to zh-hans', () => {
    assert.equal(documentLocaleFromPath('docs/source/es/quicktour.md'), 'es');
    assert.equal(documentLocaleFromPath('/repo/docs/source/ja/main_classes/trainer.md'), 'ja');
    assert.equal(documentLocaleFromPath('C:\\repo\\docs\\source\\zh\\index.md'), 'zh-hans');
    assert.equal(documentLocaleFromPath('docs/source/pt-BR/x.md'), 'pt-br');
    assert.equal(documentLocaleFromPath('docs/es/quicktour.md'), undefined);
    assert.equal(documentLocaleFromPath('docs/source/es'), undefined);
  });

  it('isGlossaryDocumentPath knows a glossary page by its name', () => {
    assert.equal(isGlossaryDocumentPath('docs/source/es/glossary.md'), true);
    assert.equal(isGlossaryDocumentPath('C:\\docs\\source\\es\\Glosario.mdx'), true);
    assert.equal(isGlossaryDocumentPath('docs/source/es/glossary_extra.md'), false);
  });
});
