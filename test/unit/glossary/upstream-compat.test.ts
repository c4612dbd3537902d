/**
 * Compatibility with the real glossaries: the English glossary of the Transformers docs and the Spanish one as
 * it was handed to us (UTF-8 mangled through Mac OS Roman). They live in ../shared next to the repository and are
 * read at run time only; without them the suite is skipped with the reason printed.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CompileResult, GlossarySource, Term } from '../../../src/glossary';
import { compileGlossaries, formatDiagnostic } from '../../../src/glossary';
import { sharedDir } from './paths';
import { UPSTREAM_TERM_IDS } from './upstreamTerms';

const EXPECTED_IDS = UPSTREAM_TERM_IDS;

const IDENTIFIERS: Readonly<Record<string, string>> = {
  input_ids: 'input-ids',
  attention_mask: 'attention-mask',
  token_type_ids: 'token-type-ids',
  position_ids: 'position-ids',
  decoder_input_ids: 'decoder-input-ids',
  labels: 'labels',
  pixel_values: 'pixel-values',
};

const ABBREVIATIONS: Readonly<Record<string, string>> = {
  MLM: 'masked-language-modeling-mlm',
  CTC: 'connectionist-temporal-classification-ctc',
  ZeRO: 'zero-redundancy-optimizer-zero',
  seq2seq: 'sequence-to-sequence-seq2seq',
  DP: 'dataparallel-dp',
  PP: 'pipelineparallel-pp',
  TP: 'tensor-parallelism-tp',
};

/** Characters that only appear in this text when UTF-8 was read as Mac OS Roman or Windows-1252. */
const MOJIBAKE_DEBRIS = /√|ü§|‚Ä|Ã[\u0080-\u00bf]|â€|Ô∏/;

describe('upstream glossaries (../shared)', function () {
  const shared = sharedDir();
  const englishFile = shared && path.join(shared, 'upstream', 'en-glossary.md');
  const spanishFile = shared && path.join(shared, 'seeds', '000_b68843c2475025f3.txt');
  const available = englishFile !== undefined && spanishFile !== undefined && fs.existsSync(englishFile) && fs.existsSync(spanishFile);

  before(function () {
    if (!available) {
      console.log('    skipped: ../shared/upstream/en-glossary.md or ../shared/seeds/000_b68843c2475025f3.txt is not next to this checkout');
      this.skip();
    }
  });

  const source = (file: string): GlossarySource => ({ file, content: fs.readFileSync(file) });
  const compile = (...files: string[]): CompileResult => compileGlossaries(files.map(source));
  const errorsOf = (result: CompileResult): string[] => result.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic);
  const termById = (result: CompileResult): Map<string, Term> => new Map(result.termMap.terms.map((t) => [t.id, t]));

  it('compiles the English glossary into the 51 terms keyed by their anchors, without a diagnostic', () => {
    const result = compile(englishFile!);
    assert.deepEqual(result.diagnostics.map(formatDiagnostic), []);
    assert.deepEqual(result.termMap.locales, ['en']);
    assert.deepEqual(result.termMap.terms.map((t) => t.id), EXPECTED_IDS);
  });

  it('repairs the Spanish seed, warns that it did, and gives the same 51 ids', () => {
    const result = compile(spanishFile!);
    assert.deepEqual(errorsOf(result), []);
    const repaired = result.diagnostics.filter((d) => d.code === 'mojibake-repaired');
    assert.equal(repaired.length, 1);
    assert.match(repaired[0]!.message, /Mac OS Roman/);
    assert.deepEqual(result.termMap.locales, ['es']);
    assert.deepEqual(result.termMap.terms.map((t) => t.id), EXPECTED_IDS);
  });

  it('merges English and Spanish into one term per anchor with both entries', () => {
    const result = compile(englishFile!, spanishFile!);
    assert.deepEqual(errorsOf(result), []);
    assert.deepEqual(result.termMap.locales, ['en', 'es']);
    assert.deepEqual(result.termMap.terms.map((t) => t.id), EXPECTED_IDS);
    for (const term of result.termMap.terms) {
      assert.ok(term.entries.en, `${term.id} has an English entry`);
      assert.ok(term.entries.es, `${term.id} has a Spanish entry`);
    }
  });

  it('derives the identifiers and abbreviations users meet in code', () => {
    const terms = termById(compile(englishFile!, spanishFile!));
    for (const [identifier, id] of Object.entries(IDENTIFIERS)) {
      assert.ok(terms.get(id)?.identifiers.includes(identifier), `${id} has identifier ${identifier}`);
    }
    for (const [abbreviation, id] of Object.entries(ABBREVIATIONS)) {
      assert.ok(terms.get(id)?.abbreviations.includes(abbreviation), `${id} has abbreviation ${abbreviation}`);
    }
  });

  it('leaves no mojibake debris in the Spanish titles, summaries and bodies', () => {
    const terms = compile(spanishFile!).termMap.terms;
    for (const term of terms) {
      const entry = term.entries.es!;
      for (const text of [entry.title, entry.summary, entry.markdown]) {
        assert.doesNotMatch(text, MOJIBAKE_DEBRIS, `${term.id}: ${text.slice(0, 80)}`);
      }
      assert.ok(entry.summary.length > 0, `${term.id} has a summary`);
    }
    const attention = terms.find((t) => t.id === 'attention-mask')!.entries.es!;
    assert.match(attention.summary, /^La máscara de atención /);
    assert.match(attention.markdown, /https:\/\/www\.youtube\.com\/watch\?v=M6adb1j2jPI/);
  });

  it('turns the Spanish callout into a block quote with the Spanish label', () => {
    const labels = termById(compile(spanishFile!)).get('labels')!.entries.es!;
    assert.match(labels.markdown, /^> \*\*Consejo\*\*$/m);
    assert.doesNotMatch(labels.markdown, /<\/?Tip/);
  });

  it('resolves every in-page reference of both files to a term of the glossary', () => {
    const result = compile(englishFile!, spanishFile!);
    const ids = new Set(result.termMap.terms.map((t) => t.id));
    let count = 0;
    for (const term of result.termMap.terms) {
      for (const entry of Object.values(term.entries)) {
        for (const link of entry.links) {
          if (link.kind !== 'term') continue;
          count++;
          assert.ok(ids.has(link.termId), `${term.id} links to ${link.termId}`);
        }
      }
    }
    assert.ok(count >= 20, `found ${count} term links`);
  });
});
