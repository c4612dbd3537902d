/**
 * The 51 term ids of the Transformers glossary (the English anchors of docs/source/en/glossary.md), which the
 * compatibility test expects from the upstream files and the bundled glossary must cover too.
 */
export const UPSTREAM_TERM_IDS: readonly string[] = [
  'attention-mask', 'autoencoding-models', 'autoregressive-models', 'backbone', 'causal-language-modeling', 'channel',
  'connectionist-temporal-classification-ctc', 'convolution', 'dataparallel-dp', 'decoder-input-ids', 'decoder-models',
  'deep-learning-dl', 'encoder-models', 'feature-extraction', 'feed-forward-chunking', 'finetuned-models', 'head',
  'image-patch', 'inference', 'input-ids', 'labels', 'large-language-models-llm', 'masked-language-modeling-mlm',
  'multimodal', 'natural-language-generation-nlg', 'natural-language-processing-nlp', 'natural-language-understanding-nlu',
  'pipeline', 'pipelineparallel-pp', 'pixel-values', 'pooling', 'position-ids', 'preprocessing', 'pretrained-model',
  'recurrent-neural-network-rnn', 'representation-learning', 'sampling-rate', 'self-attention', 'self-supervised-learning',
  'semi-supervised-learning', 'sequence-to-sequence-seq2seq', 'sharded-ddp', 'stride', 'supervised-learning',
  'tensor-parallelism-tp', 'token', 'token-type-ids', 'transfer-learning', 'transformer', 'unsupervised-learning',
  'zero-redundancy-optimizer-zero',
];
