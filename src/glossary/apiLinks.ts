/**
 * Resolution of doc-builder API auto-links (``[`BertModel`]``, ``[`~PreTrainedModel.from_pretrained`]``) to pages of
 * the Transformers API reference. doc-builder resolves them from the library's object inventory; without it we
 * use the naming conventions of the library, which cover the classes glossaries actually mention.
 */
import { bundledDocsIndex } from './docsIndex';
import { hfDocsUrl } from './urls';

/**
 * Classes and functions documented on a shared reference page rather than a model page. A Map, not an object
 * literal: the key comes from glossary text, and ``[`constructor`]`` must not find `Object.prototype.constructor`.
 */
const MAIN_CLASS_PAGES: ReadonlyMap<string, string> = new Map(Object.entries({
  PreTrainedModel: 'main_classes/model',
  TFPreTrainedModel: 'main_classes/model',
  FlaxPreTrainedModel: 'main_classes/model',
  ModuleUtilsMixin: 'main_classes/model',
  PushToHubMixin: 'main_classes/model',
  PreTrainedTokenizer: 'main_classes/tokenizer',
  PreTrainedTokenizerFast: 'main_classes/tokenizer',
  PreTrainedTokenizerBase: 'main_classes/tokenizer',
  BatchEncoding: 'main_classes/tokenizer',
  SpecialTokensMixin: 'main_classes/tokenizer',
  PretrainedConfig: 'main_classes/configuration',
  PreTrainedConfig: 'main_classes/configuration',
  Trainer: 'main_classes/trainer',
  Seq2SeqTrainer: 'main_classes/trainer',
  TrainingArguments: 'main_classes/trainer',
  Seq2SeqTrainingArguments: 'main_classes/trainer',
  TrainerCallback: 'main_classes/callback',
  pipeline: 'main_classes/pipelines',
  Pipeline: 'main_classes/pipelines',
  GenerationConfig: 'main_classes/text_generation',
  GenerationMixin: 'main_classes/text_generation',
  DataCollator: 'main_classes/data_collator',
  DefaultDataCollator: 'main_classes/data_collator',
  FeatureExtractionMixin: 'main_classes/feature_extractor',
  SequenceFeatureExtractor: 'main_classes/feature_extractor',
  BatchFeature: 'main_classes/feature_extractor',
  ImageProcessingMixin: 'main_classes/image_processor',
  BaseImageProcessor: 'main_classes/image_processor',
  ProcessorMixin: 'main_classes/processors',
  BitsAndBytesConfig: 'main_classes/quantization',
  LogitsProcessor: 'internal/generation_utils',
  apply_chunking_to_forward: 'internal/modeling_utils',
}));

/** Suffixes of model-specific classes; the part before them names the model page (`Wav2Vec2ForCTC` → `wav2vec2`). */
const MODEL_CLASS_SUFFIX =
  /^(?:TF|Flax)?([A-Z][A-Za-z0-9]*?)(?:PreTrainedModel|Model|For[A-Z][A-Za-z0-9]*|LMHeadModel|TokenizerFast|Tokenizer|Config|ImageProcessorFast|ImageProcessor|FeatureExtractor|Processor|Backbone)$/;

export interface ApiReference {
  /** What the reader sees: the last component when the reference starts with `~`. */
  readonly display: string;
  /** The dotted name without `~`. */
  readonly name: string;
  /** The API reference page, or undefined when no convention applies. */
  readonly url?: string;
}

/** What the reader sees of an auto-link (resolveApiReference's `display`), without resolving its page. */
export function apiDisplayName(code: string): string {
  if (!code.startsWith('~')) return code;
  return code.slice(code.lastIndexOf('.') + 1).replace(/^~/, '');
}

/** Resolves the content of an auto-link code span. */
export function resolveApiReference(code: string): ApiReference {
  const shortForm = code.startsWith('~');
  const name = shortForm ? code.slice(1) : code;
  const parts = name.split('.');
  const display = shortForm ? parts[parts.length - 1]! : name;
  const owner = parts[0] === 'transformers' && parts.length > 1 ? parts[1]! : parts[0]!;
  const fullName = parts[0] === 'transformers' ? parts.slice(1).join('.') : name;
  const anchor = `transformers.${fullName}`;
  const page = MAIN_CLASS_PAGES.get(owner) ?? (owner.endsWith('Pipeline') && /^[A-Z]/.test(owner) ? 'main_classes/pipelines' : undefined);
  if (page) return { display, name, url: hfDocsUrl('en', page, anchor) };
  if (/^Auto[A-Z]/.test(owner)) return { display, name, url: hfDocsUrl('en', 'model_doc/auto', anchor) };
  const model = MODEL_CLASS_SUFFIX.exec(owner);
  const modelPage = model?.[1] ? `model_doc/${model[1].toLowerCase()}` : undefined;
  // The model page is a guess from the class name: only a page that exists upstream is linked, never a 404.
  if (modelPage && bundledDocsIndex().hasPage('en', modelPage)) return { display, name, url: hfDocsUrl('en', modelPage, anchor) };
  return { display, name };
}

/** Whether a code span could be an API name at all (a dotted Python name, optionally with `~`). */
export function isApiName(code: string): boolean {
  return /^~?[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*$/.test(code);
}
