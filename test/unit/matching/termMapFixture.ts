/**
 * A hand-written term map in the shape the compiler produces, so that the matcher can be tested on its own.
 * The terms mirror entries of the Transformers glossary: compound identifiers, parenthetical abbreviations,
 * single dictionary words, a CamelCase name, and a Spanish alias with accents.
 */
import type { Term, TermMap } from '../../../src/glossary/types';
import { TERM_MAP_SCHEMA_VERSION } from '../../../src/glossary/types';

interface TermSpec {
  id: string;
  title: string;
  identifiers?: string[];
  abbreviations?: string[];
  aliases?: string[];
  titles?: Record<string, string>;
}

function makeTerm(spec: TermSpec): Term {
  const titles: Record<string, string> = { en: spec.title, ...spec.titles };
  const entries: Term['entries'] = Object.fromEntries(
    Object.entries(titles).map(([locale, title]) => [
      locale,
      {
        title,
        section: title.charAt(0).toUpperCase(),
        aliases: [],
        summary: `Summary of ${title}.`,
        markdown: `Summary of ${title}.`,
        links: [],
        source: { file: `${locale}.md`, line: 1, column: 1 },
      },
    ]),
  );
  return {
    id: spec.id,
    titles,
    abbreviations: spec.abbreviations ?? [],
    identifiers: spec.identifiers ?? [],
    aliases: spec.aliases ?? [],
    entries,
  };
}

export function makeTermMap(specs: TermSpec[]): TermMap {
  const terms = specs.map(makeTerm).sort((a, b) => a.id.localeCompare(b.id));
  const locales = [...new Set(terms.flatMap((term) => Object.keys(term.titles)))].sort((a, b) =>
    a === 'en' ? -1 : b === 'en' ? 1 : a.localeCompare(b),
  );
  return { schemaVersion: TERM_MAP_SCHEMA_VERSION, locales, terms };
}

export const fixtureTermMap: TermMap = makeTermMap([
  {
    id: 'attention-mask',
    title: 'attention mask',
    identifiers: ['attention_mask'],
    aliases: ['máscara de atención'],
    titles: { es: 'attention mask', ja: 'アテンションマスク' },
  },
  { id: 'input-ids', title: 'input IDs', identifiers: ['input_ids'] },
  { id: 'decoder-input-ids', title: 'decoder input IDs', identifiers: ['decoder_input_ids'] },
  { id: 'token-type-ids', title: 'token Type IDs', identifiers: ['token_type_ids'] },
  { id: 'position-ids', title: 'position IDs', identifiers: ['position_ids'] },
  { id: 'pixel-values', title: 'pixel values', identifiers: ['pixel_values'] },
  { id: 'labels', title: 'labels', identifiers: ['labels'] },
  { id: 'token', title: 'token', identifiers: ['token'] },
  { id: 'head', title: 'head', identifiers: ['head'] },
  { id: 'pipeline', title: 'pipeline', identifiers: ['pipeline'] },
  { id: 'transformer', title: 'transformer', identifiers: ['transformer'] },
  { id: 'stride', title: 'stride', identifiers: ['stride'] },
  { id: 'self-attention', title: 'self-attention', aliases: ['الانتباه الذاتي'] },
  { id: 'self-supervised-learning', title: 'self-supervised learning ' },
  { id: 'masked-language-modeling-mlm', title: 'masked language modeling (MLM)', abbreviations: ['MLM'] },
  { id: 'sequence-to-sequence-seq2seq', title: 'sequence-to-sequence (seq2seq)', abbreviations: ['seq2seq'] },
  { id: 'dataparallel-dp', title: 'DataParallel (DP)', abbreviations: ['DP'] },
  {
    id: 'large-language-models-llm',
    title: 'large language models (LLM)',
    abbreviations: ['LLM'],
    titles: { ko: '대규모 언어 모델 (LLM)' },
  },
  {
    id: 'connectionist-temporal-classification-ctc',
    title: 'connectionist temporal classification (CTC)',
    abbreviations: ['CTC'],
    titles: { ko: '연결주의 시간 분류 (connectionist temporal classification, CTC)' },
  },
  { id: 'encoder-models', title: 'encoder models' },
]);
