/**
 * The termbase we ship in glossary/es.md, declared from the terminology table of glossary/README.md: our own glossary
 * pages pass their own check, and a Spanish page gets the table's corrections.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TermMap } from '../../../src/glossary';
import { compileGlossaries } from '../../../src/glossary';
import { createTerminologyChecker } from '../../../src/terminology';
import { repoRoot } from '../../helpers/repoRoot';

const read = (file: string): string => fs.readFileSync(path.join(repoRoot(), file), 'utf8');
let termMap: TermMap | undefined;
const bundled = (): TermMap =>
  (termMap ??= compileGlossaries(
    ['glossary/en.md', 'glossary/es.md'].map((file) => ({ file, content: read(file) })),
  ).termMap);

describe('the bundled termbase', () => {
  it('declares preferred, avoided and kept forms in Spanish', () => {
    const spanish = bundled()
      .terms.map((term) => term.entries.es?.terminology)
      .filter((t) => t !== undefined);
    assert.ok(spanish.filter((t) => t.avoid).length >= 40, 'avoided forms for most rows of the table');
    assert.ok(spanish.filter((t) => t.keepEnglish).length >= 5, 'token, pipeline, checkpoint… are kept in English');
  });

  it('finds nothing to say about our own glossary pages', () => {
    const checker = createTerminologyChecker(bundled());
    assert.deepEqual(checker.check(read('glossary/es.md'), { locale: 'es', isGlossary: true }), []);
    assert.deepEqual(checker.check(read('glossary/en.md'), { locale: 'en', isGlossary: true }), []);
  });

  it('corrects a Spanish page by the table', () => {
    const checker = createTerminologyChecker(bundled());
    const text = [
      'Carga el modelo pre-entrenado y su tokenizer.',
      'Las attention masks marcan el padding; los special tokens no cuentan.',
      'El fine-tuning (*fine-tuning*) de un modelo fine-tuned usa un checkpoint y un pipeline.',
    ].join('\n');
    const fixes = checker
      .check(text, { locale: 'es' })
      .map((f) => `${f.code}: ${f.text} → ${f.fixes[0]?.newText ?? '-'}`);
    assert.deepEqual(fixes, [
      'avoided-term: modelo pre-entrenado → modelo preentrenado',
      'avoided-term: tokenizer → tokenizador',
      'avoided-term: attention masks → máscaras de atención',
      'avoided-term: padding → relleno',
      // An article precedes both, and the endings of `tokens` and `ajuste` do not tell their gender: es.md's own prose
      // does (`los tokens`, `El ajuste fino`), so the article already agrees and only the term changes.
      'avoided-term: special tokens → tokens especiales',
      'avoided-term: fine-tuning → ajuste fino',
      'avoided-term: modelo fine-tuned → modelo ajustado',
    ]);
  });
});
