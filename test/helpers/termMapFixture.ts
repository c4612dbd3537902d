/**
 * A small term map written for the editor-feature unit tests: one term with entries in English and Spanish, two in
 * English only (to exercise the fallback, and two abbreviations VS Code's fuzzy filter confuses), and one whose text
 * is hostile (Markdown command links, raw HTML).
 */
import type { Locale, Term, TermEntry, TermMap } from '../../src/glossary';
import { createSnapshot, type GlossarySnapshot } from '../../src/service/snapshot';

export const HOSTILE_SUMMARY =
  'Click [x](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22rm%22%7D) or look at <img src=x onerror=alert(1)> **now** `code` ![i](https://example.invalid/i.png) & &amp; <script>alert(2)</script> https://example.invalid/auto';

function entry(title: string, summary: string, section: string, file: string): TermEntry {
  return { title, section, aliases: [], summary, markdown: summary, links: [], source: { file, line: 1, column: 1 } };
}

const attentionMask: Term = {
  id: 'attention-mask',
  titles: { en: 'attention mask', es: 'máscara de atención' },
  abbreviations: [],
  identifiers: ['attention_mask'],
  aliases: ['attention masks', 'máscaras de atención'],
  entries: {
    en: entry(
      'attention mask',
      'A tensor of ones and zeros that tells the model which tokens to attend to.',
      'A',
      'en.md',
    ),
    es: entry(
      'máscara de atención',
      'Un tensor de unos y ceros que indica al modelo a qué tokens debe atender.',
      'M',
      'es.md',
    ),
  },
};

const maskedLanguageModeling: Term = {
  id: 'masked-language-modeling-mlm',
  titles: { en: 'masked language modeling (MLM)' },
  abbreviations: ['MLM'],
  identifiers: [],
  aliases: ['masked language modeling'],
  entries: {
    en: entry(
      'masked language modeling (MLM)',
      'Pretraining in which some tokens are hidden and the model predicts them.',
      'M',
      'en.md',
    ),
  },
};

const largeLanguageModels: Term = {
  id: 'large-language-models-llm',
  titles: { en: 'large language models (LLM)' },
  abbreviations: ['LLM'],
  identifiers: [],
  aliases: ['large language model'],
  entries: {
    en: entry('large language models (LLM)', 'Transformer models trained on very large amounts of text.', 'L', 'en.md'),
  },
};

const hostile: Term = {
  id: 'hostile-example',
  titles: { en: 'hostile <b>example</b> [t](command:evil)' },
  abbreviations: ['H*X'],
  identifiers: ['hostile_example'],
  aliases: [],
  entries: { en: entry('hostile <b>example</b> [t](command:evil)', HOSTILE_SUMMARY, 'H', 'hostile.md') },
};

export const testTermMap: TermMap = {
  schemaVersion: 1,
  locales: ['en', 'es'],
  terms: [attentionMask, hostile, largeLanguageModels, maskedLanguageModeling],
};

/** A real glossary snapshot of `termMap` shown in `displayLocale`, as the service would publish it. */
export function snapshotOf(termMap: TermMap, displayLocale: Locale, docsVersion = 'main'): GlossarySnapshot {
  return createSnapshot(termMap, { language: displayLocale, uiLanguage: 'en', docsVersion, ignoredTerms: [] });
}
