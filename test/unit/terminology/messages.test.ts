/**
 * The words of a finding, which every face takes from src/terminology/messages.ts: the check says what it found in
 * fields (where an anchor stands, the form to use, why no fix writes it), and the one function words them, in English
 * for the command line and through the l10n bundles for the editor and the language server.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CheckOptions, Finding, NoFixReason } from '../../../src/terminology';
import { checkDocument, englishReader, findingMessage } from '../../../src/terminology';
import { fillPlaceholders, type Localizer } from '../../../src/util/localizer';
import { repoRoot } from '../../helpers/repoRoot';
import { terminologyTermMap } from './fixture';

const check = (text: string, options: Partial<CheckOptions> = {}): Finding[] =>
  checkDocument(text, { termMap: terminologyTermMap(), locale: 'es', ...options });

/** A translator over one of the bundles the extension ships, as `vscode.l10n` reads them. */
function bundleLocalizer(locale: string): Localizer {
  const file = path.join(repoRoot(), 'l10n', `bundle.l10n.${locale}.json`);
  const bundle = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string>;
  return {
    t: (message, ...args) => {
      assert.ok(Object.hasOwn(bundle, message), `${locale} lacks "${message}"`);
      return fillPlaceholders(bundle[message]!, args);
    },
  };
}

const spanishReader = { l10n: bundleLocalizer('es'), language: 'es' };

describe('finding messages: unknown anchors', () => {
  const text =
    '### cabecera[[head]]\n### otra[[sin-termino]]\n## Más cosas\nVer [c](#nada) y [d](../glossary#no-such-term).';
  const findings = check(text, { isGlossary: true });

  it('keep where the anchor stands: a heading marker, an in-page link, a glossary link', () => {
    assert.deepEqual(
      findings.map((f) => [f.text, f.anchorSource]),
      [
        ['sin-termino', 'heading-marker'],
        ['nada', 'page-link'],
        ['no-such-term', 'glossary-link'],
      ],
    );
  });

  it('say what each place asks of the anchor, in English and in a translation', () => {
    assert.deepEqual(
      findings.map((f) => findingMessage(f, 'es', englishReader)),
      [
        'The heading marker [[sin-termino]] names no glossary term.',
        'No term or heading of this glossary has the anchor "#nada".',
        'The glossary has no term with the anchor "#no-such-term".',
      ],
    );
    const spanish = findings.map((f) => findingMessage(f, 'es', spanishReader));
    assert.equal(new Set(spanish).size, 3, spanish.join('\n'));
  });
});

describe('finding messages: forms to use', () => {
  it('name the page language in the reader language, the reason and the fix', () => {
    const [avoided, english] = check('Se entrena la cabeza con la attention mask.');
    assert.equal(
      findingMessage(avoided!, 'es', englishReader),
      'In Spanish, the glossary avoids "cabeza": se confunde con las cabezas de atención, que son otra cosa. ' +
        'Use "cabecera".',
    );
    assert.equal(
      findingMessage(english!, 'es', spanishReader),
      '«attention mask» es el término inglés; en español, el glosario lo traduce. Use «máscara de atención».',
    );
  });

  it('name the form that replaces the article too when the fix changes it', () => {
    const [finding] = check('Cambia un cabezal.');
    assert.equal(finding?.text, 'un cabezal');
    assert.equal(finding.suggestion, 'una cabecera');
    assert.match(
      findingMessage(finding, 'es', englishReader),
      /^In Spanish, the glossary avoids "un cabezal".*Use "una cabecera"\.$/,
    );
  });

  /** A finding with a suggestion and no fix, as the check builds one. */
  const unfixed = (code: Finding['code'], noFix: NoFixReason, reason?: string): Finding => ({
    start: 0,
    end: 14,
    code,
    severity: 'information',
    termId: 'channel',
    text: 'color channels',
    ...(reason !== undefined ? { reason } : {}),
    suggestion: 'canales',
    noFix,
    fixes: [],
  });

  it('say why no fix writes the form, for each reason, in every bundle', () => {
    const reasons: [NoFixReason, string][] = [
      [{ kind: 'number-unknown', number: 'plural', form: 'canal' }, 'the plural of "canal" is not known'],
      [{ kind: 'number-unknown', number: 'singular', form: 'canales' }, 'the singular of "canales" is not known'],
      [
        { kind: 'other-english-name', form: 'color channels' },
        '"color channels" is another English name of the term, which may not mean the same as "canales"',
      ],
      [
        { kind: 'gender-unknown', form: 'canales', article: 'los' },
        'the gender of "canales" is not known, and "los" must agree with it',
      ],
      [
        { kind: 'article-contracts', article: 'la' },
        '"la" would have to become "el", which contracts with the word before it',
      ],
    ];
    for (const [noFix, why] of reasons) {
      assert.equal(
        findingMessage(unfixed('english-term', noFix), 'es', englishReader),
        `"color channels" is the English term; in Spanish, the glossary translates it as "canales" (no automatic fix: ${why}).`,
      );
      assert.equal(
        findingMessage(unfixed('avoided-term', noFix, 'otra cosa'), 'es', englishReader),
        `In Spanish, the glossary avoids "color channels": otra cosa. Its form is "canales" (no automatic fix: ${why}).`,
      );
      assert.equal(
        findingMessage(unfixed('avoided-term', noFix), 'es', englishReader),
        `In Spanish, the glossary avoids "color channels". Its form is "canales" (no automatic fix: ${why}).`,
      );
      for (const locale of ['ar', 'es', 'ja', 'ko', 'zh-cn']) {
        const reader = { l10n: bundleLocalizer(locale), language: locale };
        const message = findingMessage(unfixed('english-term', noFix), 'es', reader);
        assert.ok(message.includes('canales') && !/\{\d\}/.test(message), `${locale}: ${message}`);
      }
    }
  });
});
