/**
 * Seeded, reproducible benchmark inputs: Python modules shaped like a Transformers modeling file, Markdown docs,
 * a pathological single-line file, and synthetic glossaries of any size. Nothing here is read from disk, so the
 * numbers of two runs on two machines describe the same work.
 */
import { seededRandom } from '../../test/helpers/seededRandom';

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

const MODEL_ARGUMENTS = [
  'input_ids',
  'attention_mask',
  'token_type_ids',
  'position_ids',
  'head_mask',
  'inputs_embeds',
  'labels',
  'past_key_values',
  'use_cache',
  'output_attentions',
  'output_hidden_states',
  'return_dict',
  'decoder_input_ids',
  'decoder_attention_mask',
  'pixel_values',
  'cache_position',
];
const PLAIN_NAMES = [
  'hidden',
  'residual',
  'query',
  'key',
  'value',
  'scores',
  'probs',
  'weights',
  'batch',
  'layer',
  'outputs',
  'config',
  'module',
];
const COMMENT_WORDS = [
  'the',
  'model',
  'computes',
  'scores',
  'for',
  'each',
  'attention',
  'mask',
  'self-attention',
  'layer',
  'we',
  'apply',
  'dropout',
  'before',
  'projection',
  'tokens',
  'padding',
  'encoder',
  'decoder',
  'cache',
  'keys',
  'values',
  'heads',
];

/**
 * A Python module of `lineCount` lines in the style of a modeling file: classes with forward methods that take
 * and pass the usual model arguments, comments, docstrings and arithmetic on tensors.
 */
export function pythonModule(lineCount: number, seed = 1): string {
  const random = seededRandom(seed);
  const lines: string[] = ['import torch', 'from torch import nn', ''];
  let classIndex = 0;
  while (lines.length < lineCount) {
    classIndex++;
    lines.push(`class Block${classIndex}(nn.Module):`);
    lines.push(
      `    """A block that mixes ${pick(random, COMMENT_WORDS)} and ${pick(random, COMMENT_WORDS)} states."""`,
    );
    lines.push('');
    const args = MODEL_ARGUMENTS.filter(() => random() < 0.4);
    lines.push(`    def forward(self, ${args.map((a) => `${a}=None`).join(', ')}):`);
    for (let i = 0; i < 24 && lines.length < lineCount; i++) {
      const roll = random();
      if (roll < 0.2) {
        lines.push(`        # ${Array.from({ length: 8 }, () => pick(random, COMMENT_WORDS)).join(' ')}`);
      } else if (roll < 0.5) {
        const a = pick(random, MODEL_ARGUMENTS);
        lines.push(
          `        ${pick(random, PLAIN_NAMES)} = self.layer${i}(${a}=${a}, ${pick(random, PLAIN_NAMES)}=${pick(random, PLAIN_NAMES)})`,
        );
      } else if (roll < 0.65) {
        lines.push(`        if ${pick(random, MODEL_ARGUMENTS)} is not None:`);
      } else if (roll < 0.8) {
        lines.push(
          `        outputs["${pick(random, MODEL_ARGUMENTS)}"] = ${pick(random, PLAIN_NAMES)}.view(batch, -1)`,
        );
      } else {
        lines.push(
          `        ${pick(random, PLAIN_NAMES)} = torch.matmul(${pick(random, PLAIN_NAMES)}, ${pick(random, PLAIN_NAMES)}.transpose(-1, -2))`,
        );
      }
    }
    lines.push('        return outputs');
    lines.push('');
  }
  return lines.slice(0, lineCount).join('\n');
}

const PROSE_WORDS = [
  'the',
  'a',
  'model',
  'uses',
  'an',
  'attention mask',
  'to',
  'ignore',
  'padding',
  'tokens',
  'while',
  'computing',
  'self-attention',
  'over',
  'input IDs',
  'and',
  'the',
  'tokenizer',
  'returns',
  'them',
  'with',
  'position IDs',
  'for',
  'masked language modeling',
  'MLM',
  'we',
  'fine-tune',
  'pretrained models',
  'on',
  'labels',
  'from',
  'the',
  'dataset',
  'encoder models',
  'decoder models',
  'transfer learning',
  'is',
  'cheap',
  'because',
  'of',
  'the',
  'checkpoint',
];

/** A Markdown document of about `bytes` UTF-8 bytes: headings, paragraphs, inline code, glossary links and fences. */
export function markdownDoc(bytes: number, seed = 2): string {
  const random = seededRandom(seed);
  const parts: string[] = [];
  let size = 0;
  let paragraph = 0;
  while (size < bytes) {
    paragraph++;
    let text: string;
    if (paragraph % 12 === 1) text = `## Section ${paragraph}`;
    else if (paragraph % 12 === 7) {
      text = '```python\noutputs = model(input_ids=input_ids, attention_mask=attention_mask)\n```';
    } else {
      const words = Array.from({ length: 60 }, () => pick(random, PROSE_WORDS));
      words[Math.floor(random() * 60)] = '`attention_mask`';
      if (random() < 0.3) words[Math.floor(random() * 60)] = '[input IDs](../glossary#input-ids)';
      text = `${words.join(' ')}.`;
    }
    parts.push(text);
    size += Buffer.byteLength(text) + 2;
  }
  return parts.join('\n\n');
}

/** One line of `bytes` characters without spaces: the pathological case a hover must still answer at once. */
export function singleLine(bytes: number, seed = 3): string {
  const random = seededRandom(seed);
  const alphabet = 'abcdefghijklmnopqrstuvwxyz_0123456789';
  let out = '';
  while (out.length < bytes) out += alphabet[Math.floor(random() * alphabet.length)];
  return out;
}

/**
 * One line of about `bytes` characters of prose words and phrases separated by single spaces, without punctuation:
 * no unit a match cannot cover, so a hover finds its sync point after a word no match continues past (window.ts).
 */
export function proseLine(bytes: number, seed = 5): string {
  const random = seededRandom(seed);
  const words: string[] = [];
  let size = 0;
  while (size < bytes) {
    const word = PROSE_WORDS[Math.floor(random() * PROSE_WORDS.length)]!;
    words.push(word);
    size += word.length + 1;
  }
  return words.join(' ');
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ne', 'ru', 'ta', 'vo', 'zi', 'pe', 'do', 'sa', 'fi', 'gu', 'ho', 'ja', 'be'];

/**
 * A glossary of `entryCount` entries in the doc-builder dialect, sorted into letter sections like the real ones,
 * each with a summary, a second paragraph that cross-references another entry, and a code fence every few entries.
 */
export function syntheticGlossary(entryCount: number, seed = 4): string {
  const random = seededRandom(seed);
  const names = new Set<string>();
  while (names.size < entryCount) {
    const words = 1 + Math.floor(random() * 3);
    names.add(
      Array.from(
        { length: words },
        () => pick(random, SYLLABLES) + pick(random, SYLLABLES) + pick(random, SYLLABLES),
      ).join(' '),
    );
  }
  const sorted = [...names].sort();
  const anchors = sorted.map((n) => n.replace(/ /g, '-'));
  const out: string[] = ['# Glossary', ''];
  let letter = '';
  sorted.forEach((name, i) => {
    const first = name[0]!.toUpperCase();
    if (first !== letter) {
      letter = first;
      out.push(`## ${letter}`, '');
    }
    const other = anchors[Math.floor(random() * anchors.length)]!;
    out.push(`### ${name}`, '');
    out.push(
      `The ${name} is a synthetic term number ${i} that the benchmark uses to measure how compile time grows.`,
      '',
    );
    out.push(
      `It relates to [${other.replace(/-/g, ' ')}](#${other}) and to the [\`AutoModel\`] class, see [the guide](model_doc/auto).`,
      '',
    );
    if (i % 5 === 0) out.push('```python', `>>> value_${i} = ${i} * 2`, '```', '');
  });
  return out.join('\n');
}

/**
 * A glossary of about `bytes` bytes made of real entries: the bundled glossary `source` (its H1 and intro once),
 * then its sections repeated, every repeat with unique headings (`### attention mask 3`), so that the compiler does
 * the work of a large honest glossary: no duplicate terms, the usual links, code blocks, callouts and metadata.
 */
export function repeatedGlossary(source: string, bytes: number): string {
  const firstSection = source.search(/^## /m);
  const head = source.slice(0, firstSection);
  const body = source.slice(firstSection);
  const parts = [head];
  let size = head.length;
  for (let copy = 0; size < bytes; copy++) {
    const repeated =
      copy === 0
        ? body
        : body.replace(/^### (.+?)\s*(?:\[\[[^\]]*\]\])?\s*$/gm, (_, title: string) => `### ${title} ${copy}`);
    parts.push(repeated);
    size += repeated.length;
  }
  // Cut before the entry that crosses the size, so that no entry is left without its body.
  const text = parts.join('');
  const lastEntry = text.lastIndexOf('\n### ', bytes);
  return lastEntry > head.length ? text.slice(0, lastEntry + 1) : text;
}
