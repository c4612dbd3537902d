/**
 * The termbase metadata (`preferred:`, `avoid:`, `keep:`), from a glossary source to the term map and back through
 * parseTermMapJson, and the published JSON Schema of the term map, which the bundled glossary must satisfy.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { compileGlossaries, parseTermMapJson } from '../../../src/glossary';
import type { TermMap } from '../../../src/glossary';
import { repoRoot } from './paths';

const spanish = `# Glosario

## C

### cabecera[[head]]
<!-- glossary
aliases: cabeceras, cabeza
preferred: cabecera, cabeceras
avoid: cabeza (se confunde con las cabezas de atención, que son otra cosa), cabezal, head
-->

La cabecera es la última capa de un modelo, que convierte los estados ocultos en la salida de una tarea.

## T

### token[[token]]
<!-- glossary
keep: english
-->

Un token es un trozo de texto que el modelo lee como una unidad.
`;

function compileSpanish(source: string): ReturnType<typeof compileGlossaries> {
  return compileGlossaries([{ file: 'es.md', content: source, locale: 'es' }]);
}

function loadSchemaValidator(): (value: unknown) => boolean {
  const schema = JSON.parse(fs.readFileSync(path.join(repoRoot(), 'schemas', 'termmap.schema.json'), 'utf8')) as object;
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  const validate = ajv.compile(schema);
  return (value) => validate(value);
}

describe('termbase metadata', () => {
  it('carries preferred, avoided (with reasons that may hold commas) and kept forms into the entry', () => {
    const { termMap, diagnostics } = compileSpanish(spanish);
    assert.deepEqual(diagnostics, []);
    const head = termMap.terms.find((term) => term.id === 'head')!.entries.es!;
    assert.deepEqual(head.terminology, {
      preferred: ['cabecera', 'cabeceras'],
      avoid: [
        { form: 'cabeza', reason: 'se confunde con las cabezas de atención, que son otra cosa' },
        { form: 'cabezal' },
        { form: 'head' },
      ],
    });
    assert.deepEqual(termMap.terms.find((term) => term.id === 'token')!.entries.es!.terminology, { keepEnglish: true });
  });

  it('leaves an entry without termbase metadata without a terminology field', () => {
    const { termMap } = compileSpanish(spanish.replace(/<!-- glossary\nkeep: english\n-->\n/, ''));
    assert.equal('terminology' in termMap.terms.find((term) => term.id === 'token')!.entries.es!, false);
  });

  it('warns about a keep value other than english and a form both preferred and avoided', () => {
    const source = spanish.replace('keep: english', 'keep: french').replace('avoid: cabeza', 'avoid: cabecera, cabeza');
    const codes = compileSpanish(source).diagnostics.map((d) => d.code).sort();
    assert.deepEqual(codes, ['metadata-malformed', 'terminology-conflict']);
  });

  it('round-trips through parseTermMapJson and rejects a malformed termbase', () => {
    const { termMap } = compileSpanish(spanish);
    assert.deepEqual(parseTermMapJson(JSON.stringify(termMap), 'map.json'), termMap);
    const broken = JSON.parse(JSON.stringify(termMap)) as { terms: { entries: { es: { terminology: unknown } } }[] };
    broken.terms[0]!.entries.es.terminology = { avoid: ['cabeza'] };
    assert.throws(() => parseTermMapJson(JSON.stringify(broken), 'broken.json'), /broken\.json .*malformed avoided forms/);
  });
});

describe('the term map JSON Schema (schemas/termmap.schema.json)', () => {
  const validate = loadSchemaValidator();
  const bundled = (): TermMap => {
    const files = ['glossary/en.md', 'glossary/es.md'];
    return compileGlossaries(files.map((file) => ({ file, content: fs.readFileSync(path.join(repoRoot(), file)) }))).termMap;
  };

  it('accepts the bundled term map and one with a termbase', () => {
    assert.ok(validate(JSON.parse(JSON.stringify(bundled()))));
    assert.ok(validate(JSON.parse(JSON.stringify(compileSpanish(spanish).termMap))));
  });

  it('rejects a broken term map', () => {
    const map = JSON.parse(JSON.stringify(compileSpanish(spanish).termMap)) as Record<string, unknown> & { terms: Record<string, unknown>[] };
    assert.equal(validate({ ...map, schemaVersion: 2 }), false);
    assert.equal(validate({ ...map, terms: [{ ...map.terms[0], entries: {} }] }), false);
    assert.equal(validate({ ...map, terms: [{ ...map.terms[0], aliases: [7] }] }), false);
    const badTermbase = JSON.parse(JSON.stringify(map)) as { terms: { entries: { es: { terminology: unknown } } }[] };
    badTermbase.terms[0]!.entries.es.terminology = { keepEnglish: 'yes' };
    assert.equal(validate(badTermbase), false);
  });
});
