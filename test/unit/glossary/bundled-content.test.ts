/**
 * The glossary we ship (glossary/*.md, six locales): it compiles without a single diagnostic, English and Spanish
 * cover the same terms (the other four locales are checked in bundled-locales.test.ts), every upstream term and every identifier users hover most is there, and not one passage is
 * shared with the upstream glossaries (when ../shared is present to compare with).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { compileGlossaries, formatDiagnostic, GLOSSARY_LOCALES } from '../../../src/glossary';
import type { Term } from '../../../src/glossary/types';
import { createTermMatcher } from '../../../src/matching';
import { repoRoot, sharedDir } from './paths';
import { UPSTREAM_TERM_IDS } from './upstreamTerms';
import { BUNDLED_FILES } from './bundledFiles';

/** The model-call and generation identifiers that issue #5 asks the bundled glossary to explain. */
const HOVERED_IDENTIFIERS = [
  'past_key_values', 'inputs_embeds', 'head_mask', 'decoder_attention_mask', 'output_attentions', 'output_hidden_states',
  'return_dict', 'use_cache', 'cache_position', 'logits', 'hidden_states', 'loss', 'num_labels', 'id2label', 'label2id',
  'max_length', 'max_new_tokens', 'do_sample', 'temperature', 'top_k', 'top_p', 'num_beams', 'pad_token_id',
  'eos_token_id', 'bos_token_id', 'padding', 'truncation', 'return_tensors', 'input_features', 'input_values',
  'pixel_mask', 'input_ids', 'attention_mask', 'token_type_ids', 'position_ids', 'labels', 'pixel_values',
];

const CONCEPT_IDS = [
  'checkpoint', 'tokenizer', 'vocabulary', 'special-tokens', 'kv-cache', 'quantization', 'mixed-precision',
  'gradient-accumulation', 'gradient-checkpointing', 'data-collator', 'lora', 'peft', 'logits-processor', 'beam-search',
  'greedy-decoding',
];

const files = BUNDLED_FILES;
const result = compileGlossaries(files.map((file) => ({ file, content: fs.readFileSync(path.join(repoRoot(), file)) })));
const terms = new Map<string, Term>(result.termMap.terms.map((t) => [t.id, t]));

describe('the bundled glossary', () => {
  it('compiles with no errors and no warnings', () => {
    assert.deepEqual(result.diagnostics.map(formatDiagnostic), []);
  });

  it('has at least 91 terms, every one in English and Spanish, and every bundled locale', () => {
    assert.ok(result.termMap.terms.length >= 91, `only ${result.termMap.terms.length} terms`);
    assert.deepEqual([...result.termMap.locales].sort(), [...GLOSSARY_LOCALES].sort());
    const missing = result.termMap.terms.filter((t) => !t.entries.en || !t.entries.es).map((t) => t.id);
    assert.deepEqual(missing, []);
  });

  it('covers every term of the upstream glossary under its upstream id', () => {
    assert.deepEqual(UPSTREAM_TERM_IDS.filter((id) => !terms.has(id)), []);
  });

  it('covers the concepts people meet beyond the upstream glossary', () => {
    assert.deepEqual(CONCEPT_IDS.filter((id) => !terms.has(id)), []);
  });

  it('declares every hovered identifier, and a hover over it in Python finds its term', () => {
    const matcher = createTermMatcher(result.termMap);
    const declared = new Set(result.termMap.terms.flatMap((t) => t.identifiers));
    assert.deepEqual(HOVERED_IDENTIFIERS.filter((id) => !declared.has(id)), []);
    for (const identifier of HOVERED_IDENTIFIERS) {
      for (const line of [`outputs = model(${identifier}=${identifier})`, `value = outputs.${identifier}`, `batch["${identifier}"]`]) {
        const offset = line.indexOf(identifier) + 1;
        const match = matcher.findTermAt(line, offset, 'code');
        assert.ok(match, `no term under ${identifier} in: ${line}`);
        assert.ok(terms.get(match.termId)?.identifiers.includes(identifier), `${identifier} matched ${match.termId} in: ${line}`);
      }
    }
  });

  it('gives every entry a hover-sized summary and a fuller body, and the Spanish text is really Spanish', () => {
    for (const term of result.termMap.terms) {
      for (const locale of ['en', 'es']) {
        const entry = term.entries[locale]!;
        assert.ok(entry.summary.length > 40, `${term.id}/${locale}: summary too short`);
        assert.ok(entry.summary.length < 700, `${term.id}/${locale}: summary of ${entry.summary.length} characters is too long for a hover`);
        assert.ok(entry.markdown.length > entry.summary.length, `${term.id}/${locale}: no body beyond the summary`);
      }
      assert.notEqual(term.entries.es!.summary, term.entries.en!.summary, `${term.id}: Spanish summary is the English one`);
    }
  });

  it('shares no run of ten words with the upstream glossaries', function () {
    const shared = sharedDir();
    if (!shared) {
      console.log('      skipped: ../shared is absent, so there is nothing to compare with');
      this.skip();
    }
    const words = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? [];
    const shingles = new Set<string>();
    for (const sub of ['upstream', 'seeds']) {
      const dir = path.join(shared, sub);
      if (!fs.existsSync(dir)) continue;
      for (const name of fs.readdirSync(dir)) {
        if (name.endsWith('PROVENANCE.md')) continue;
        const text = compileGlossaries([{ file: name, content: fs.readFileSync(path.join(dir, name)) }]).termMap.terms
          .flatMap((t) => Object.values(t.entries).map((e) => `${e.title}\n${e.markdown}`))
          .join('\n');
        const w = words(text);
        for (let i = 0; i + 10 <= w.length; i++) shingles.add(w.slice(i, i + 10).join(' '));
      }
    }
    for (const file of files) {
      const w = words(fs.readFileSync(path.join(repoRoot(), file), 'utf8'));
      const copied: string[] = [];
      for (let i = 0; i + 10 <= w.length; i++) {
        const run = w.slice(i, i + 10).join(' ');
        if (shingles.has(run)) copied.push(run);
      }
      assert.deepEqual(copied.slice(0, 5), [], `${file} shares ${copied.length} ten-word runs with upstream`);
    }
  });
});
