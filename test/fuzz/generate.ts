/**
 * What the fuzzer feeds the compiler, the matcher, the CLI and the panel: glossaries and documents, made by
 * mutating our hostile corpus (test/fixtures/hostile/) and by generating text from the doc-builder glossary dialect.
 * Everything is drawn from a seeded Random, so that a case is a pure function of its seed and the corpus.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Random } from './random';

export interface FuzzSource {
  readonly file: string;
  /** A string is handed to the compiler as already-decoded text; bytes go through its decoder. */
  readonly content: string | Uint8Array;
  readonly locale?: string;
}

export interface FuzzDocument {
  readonly file: string;
  readonly text: string;
}

export interface FuzzCase {
  readonly glossaries: FuzzSource[];
  readonly documents: FuzzDocument[];
}

export interface Corpus {
  readonly glossaries: readonly { name: string; bytes: Uint8Array; text: string }[];
  readonly documents: readonly { name: string; text: string }[];
}

/** Reads test/fixtures/hostile: `g-*` files are glossaries, `d-*` files documents. */
export function loadCorpus(root: string): Corpus {
  const dir = path.join(root, 'test', 'fixtures', 'hostile');
  const names = fs.readdirSync(dir).sort();
  const glossaries = names
    .filter((n) => n.startsWith('g-'))
    .map((name) => {
      const bytes = new Uint8Array(fs.readFileSync(path.join(dir, name)));
      return { name, bytes, text: new TextDecoder().decode(bytes) };
    });
  const documents = names
    .filter((n) => n.startsWith('d-'))
    .map((name) => ({ name, text: fs.readFileSync(path.join(dir, name), 'utf8') }));
  return { glossaries, documents };
}

/** Pieces that have broken, or could break, a part of the pipeline: one of each class of issue #10 and more. */
const HOSTILE_TOKENS: readonly string[] = [
  '\u001b[2J',
  '\u001b]0;title\u0007',
  '\u0007',
  '\u0085',
  '\u009b',
  '\u202e',
  '\u202c',
  '\u2066',
  '\u2069',
  '\u200e',
  '\u061c',
  '\u0000',
  '\r',
  '\r\n',
  '\n',
  '\n\n',
  '\ufeff',
  '\u2028',
  '\u00a0',
  '\u3000',
  '\t',
  '\u000b',
  '\u000c',
  '\u200b',
  '\u200c',
  '\u200d',
  '\u00ad',
  '\u0301',
  '\u0300\u0301\u0302',
  '🤗',
  '👩\u200d👩\u200d👧',
  '𝐀',
  '𠀀',
  'الانتباه',
  'アテンションマスク',
  '어텐션 마스크',
  'atención',
  'ＡＢＣ',
  '# ',
  '## ',
  '### ',
  '#### ',
  '\n### ',
  '\n## X\n',
  '[[',
  ']]',
  '[[x]]',
  '[[-]]',
  '[',
  ']',
  '(',
  ')',
  '](#',
  '](',
  '![',
  '`',
  '``',
  '```',
  '```python\n',
  '~~~',
  '*',
  '**',
  '_',
  '> ',
  '- ',
  '1. ',
  '    ',
  '|',
  '\\',
  '<Tip>',
  '</Tip>',
  '<Tip warning={true}>',
  '<Youtube id="',
  '"/>',
  '<!--',
  '-->',
  '<!-- glossary\n',
  'aliases: ',
  'identifiers: ',
  'abbreviations: ',
  '__proto__: ',
  '<script>',
  '</script>',
  '<img src=x onerror=alert(1)>',
  '&#0;',
  '&#x202E;',
  '&amp;',
  '[`constructor`]',
  '[`toString`]',
  '[`__proto__`]',
  '[`hasOwnProperty`]',
  '[`AutoModel`]',
  '[`~pipeline`]',
  '(glossary#attention-mask)',
  '(../glossary#input-ids)',
  'glossary#',
  'glossary.md#',
  '<https://huggingface.co/docs/transformers/main/en/glossary#token>`_',
  '(https://huggingface.co@evil.example/)',
  '(https://huggingface.co/docs/%2e%2e/x)',
  '(javascript:alert(1))',
  '(data:text/html,x)',
  '(command:x)',
  'attention mask',
  'input IDs',
  'input_ids',
  'attention_mask',
  'self-attention',
  'token',
  'tokens',
  'MLM',
  'pipeline()',
  'labels=',
  'tok tok',
  '$(x)',
  '${x}',
  '{{x}}',
];

const WORDS = [
  'attention',
  'mask',
  'token',
  'input',
  'IDs',
  'model',
  'the',
  'a',
  'of',
  'head',
  'layer',
  'self',
  'batch',
  'size',
  'encoder',
  'decoder',
  'tok',
  'pipeline',
  'logits',
  'labels',
];

/** Line ends of one file: one kind throughout, or a mix, as editors on different systems leave them. */
function lineEnd(r: Random, style: number): string {
  if (style === 0) return '\n';
  if (style === 1) return '\r\n';
  if (style === 2) return '\r';
  return r.pick(['\n', '\r\n', '\r']);
}

function word(r: Random): string {
  if (r.chance(0.9)) return r.pick(WORDS);
  return r.pick(HOSTILE_TOKENS);
}

function phrase(r: Random, min: number, max: number): string {
  const words: string[] = [];
  for (let i = r.between(min, max); i > 0; i--) words.push(word(r));
  return words.join(r.chance(0.9) ? ' ' : r.pick(['  ', '-', '\u00a0', '   ', '\t']));
}

/** A surface form, now and then far past the limit (issue #10, class 6). */
function surfaceForm(r: Random): string {
  if (r.chance(0.05)) return 'w '.repeat(r.between(90, 400)).trim();
  if (r.chance(0.03)) return 'x'.repeat(r.between(150, 600));
  return phrase(r, 1, 4);
}

function inline(r: Random, anchors: readonly string[]): string {
  switch (r.int(12)) {
    case 0:
      return `[${phrase(r, 1, 3)}](#${anchors.length > 0 ? r.pick(anchors) : 'x'})`;
    case 1:
      // Prototype names (issue #10, class 1) stay rare: a file that hits them fails whole and hides everything else.
      return `[\`${r.chance(0.02) ? r.pick(['constructor', 'toString']) : r.pick(['AutoModel', 'PreTrainedModel.forward', '~pipeline', 'Trainer'])}\`]`;
    case 2:
      return `[${phrase(r, 1, 2)}](${r.pick(['../model_doc/bert', './quicktour', 'https://example.org/a', 'https://huggingface.co/docs', 'javascript:x'])})`;
    case 3:
      return `\`${phrase(r, 1, 2)}\``;
    case 4:
      return `*${phrase(r, 1, 2)}*`;
    case 5:
      return `**${phrase(r, 1, 2)}**`;
    case 6:
      return `<b>${word(r)}</b>`;
    default:
      return phrase(r, 1, 6);
  }
}

function block(r: Random, anchors: readonly string[], depth: number, eol: () => string): string {
  const paragraph = (): string => Array.from({ length: r.between(1, 6) }, () => inline(r, anchors)).join(' ');
  switch (depth > 3 ? 0 : r.int(9)) {
    case 1:
      return `<Tip${r.chance(0.3) ? ' warning={true}' : ''}>${eol()}${eol()}${block(r, anchors, depth + 1, eol)}${eol()}${eol()}</Tip>`;
    case 2:
      return `\`\`\`${r.pick(['python', 'py', 'bash', ''])}${eol()}${phrase(r, 1, 8)}${eol()}\`\`\``;
    case 3:
      return Array.from({ length: r.between(1, 4) }, () => `${'  '.repeat(r.int(3))}- ${paragraph()}`).join(eol());
    case 4:
      return `> ${block(r, anchors, depth + 1, eol)}`;
    case 5:
      return `<Youtube id="${r.pick(['abcDEF12345', 'x', '"onload="x', 'a'.repeat(40)])}"/>`;
    case 6:
      return `<!-- ${phrase(r, 1, 4)} -->`;
    default:
      return paragraph();
  }
}

function metadata(r: Random, eol: () => string): string {
  const lines = ['<!-- glossary'];
  for (let i = r.between(1, 4); i > 0; i--) {
    const key = r.pick([
      'aliases',
      'alias',
      'identifiers',
      'abbreviations',
      'abbreviation',
      '__proto__',
      'constructor',
      'odd key',
      '',
    ]);
    lines.push(
      `${key}: ${Array.from({ length: r.between(0, 5) }, () => (key.startsWith('identifier') ? r.pick(['input_ids', 'attention_mask', 'x y', 'class']) : surfaceForm(r))).join(', ')}`,
    );
  }
  lines.push('-->');
  return lines.join(eol());
}

/** A glossary in the doc-builder dialect: H1, letter sections, entries with anchors, metadata and bodies. */
export function generateGlossary(r: Random, index: number): FuzzSource {
  const style = r.int(5);
  const eol = (): string => lineEnd(r, style);
  const parts: string[] = [];
  if (r.chance(0.9)) parts.push(`# ${r.pick(['Glossary', 'Glosario', 'مسرد', phrase(r, 1, 2)])}`);
  const titles: string[] = [];
  const anchors: string[] = [];
  for (let s = r.between(1, 4); s > 0; s--) {
    parts.push(`## ${r.chance(0.9) ? String.fromCharCode(0x41 + r.int(26)) : word(r)}`);
    for (let e = r.between(1, 5); e > 0; e--) {
      const title = r.chance(0.1) ? surfaceForm(r) : phrase(r, 1, 3);
      const anchor = r.chance(0.2) ? r.pick(['custom', 'x.y', '-', 'a_b', '', '../x', title]) : undefined;
      titles.push(title);
      anchors.push(anchor ?? title.toLowerCase().replace(/[^a-z0-9]+/g, '-'));
      parts.push(`### ${title}${anchor === undefined ? '' : `[[${anchor}]]`}`);
      if (r.chance(0.4)) parts.push(metadata(r, eol));
      for (let b = r.between(0, 3); b > 0; b--) parts.push(block(r, anchors, 0, eol));
    }
  }
  let text = parts.join(`${eol()}${eol()}`) + eol();
  if (r.chance(0.05)) text = `\ufeff${text}`;
  const locale = r.chance(0.8) ? undefined : r.pick(['en', 'es', 'ar', 'ko', 'xx']);
  return { file: `gen-${index}.md`, content: text, ...(locale === undefined ? {} : { locale }) };
}

/** A document that uses the glossary's own forms, links near the length limits, code, fences and noise. */
export function generateDocument(
  r: Random,
  forms: readonly string[],
  ids: readonly string[],
  index: number,
  maxSize: number,
): FuzzDocument {
  const style = r.int(5);
  const python = r.chance(0.3);
  const pieces: string[] = [];
  let size = 0;
  const target = r.chance(0.1) ? maxSize : r.between(10, Math.min(maxSize, 2000));
  while (size < target) {
    let piece: string;
    switch (r.int(14)) {
      case 0:
        piece = `[${'t '.repeat(r.between(0, 160)).trim() || 'x'}](${r.pick(['', '../', 'https://huggingface.co/docs/transformers/main/en/'])}glossary${r.pick(['', '.md', '.html'])}#${ids.length > 0 ? r.pick(ids) : 'x'})`;
        break;
      case 1:
        piece = `\`${'r'.repeat(r.between(0, 310))} <glossary#${ids.length > 0 ? r.pick(ids) : 'x'}>\`_`;
        break;
      case 2:
        piece = lineEnd(r, style);
        break;
      case 3:
        piece = r.pick(['```python', '```', '~~~', '````py']) + lineEnd(r, style);
        break;
      case 4:
        piece = r.pick(HOSTILE_TOKENS);
        break;
      case 5:
        piece = r.pick(['(', ')', '`', '"', "'", '.', ',', '=', ': ', '*', '_', '-']);
        break;
      default:
        piece = forms.length > 0 && r.chance(0.7) ? r.pick(forms) : word(r);
    }
    pieces.push(piece, r.pick([' ', ' ', ' ', '', '  ', '-', '    ']));
    size += piece.length + 1;
  }
  return { file: `doc-${index}${python ? '.py' : '.md'}`, text: pieces.join('') };
}

/** Applies a few mutations to `text`, never growing it past `maxSize` code units. */
export function mutate(r: Random, text: string, corpusTexts: readonly string[], maxSize: number): string {
  let out = text.length > maxSize ? text.slice(0, maxSize) : text;
  for (let n = r.between(1, 8); n > 0; n--) {
    const at = r.int(out.length + 1);
    switch (r.int(8)) {
      case 0:
      case 1:
        out = out.slice(0, at) + r.pick(HOSTILE_TOKENS) + out.slice(at);
        break;
      case 2:
        out = out.slice(0, at) + out.slice(Math.min(out.length, at + r.between(1, 200)));
        break;
      case 3: {
        const piece = out.slice(at, at + r.between(1, 300));
        out = out.slice(0, at) + piece.repeat(r.between(2, 20)) + out.slice(at);
        break;
      }
      case 4:
        out = out.replace(/\r\n|\r|\n/g, () => r.pick(['\n', '\r\n', '\r']));
        break;
      case 5: {
        const other = r.pick(corpusTexts);
        const from = r.int(other.length + 1);
        out = out.slice(0, at) + other.slice(from, from + r.between(1, 2000)) + out.slice(at);
        break;
      }
      case 6:
        out =
          out.slice(0, at) +
          String.fromCodePoint(
            r.pick([
              r.int(0x250),
              r.between(0x300, 0x36f),
              r.between(0x590, 0x6ff),
              r.between(0x2000, 0x206f),
              r.between(0x3040, 0x30ff),
              r.between(0xac00, 0xd7a3),
              r.between(0x1f300, 0x1faff),
              r.between(0xfe00, 0xfeff),
            ]),
          ) +
          out.slice(at);
        break;
      default: {
        // Many copies of one line: many headings, many entries, a long block.
        const lineStart = out.lastIndexOf('\n', at - 1) + 1;
        const lineEndAt = out.indexOf('\n', at);
        const line = out.slice(lineStart, lineEndAt === -1 ? out.length : lineEndAt + 1);
        out = out.slice(0, lineStart) + line.repeat(r.between(2, 200)) + out.slice(lineStart);
      }
    }
    if (out.length > maxSize) out = out.slice(0, maxSize);
  }
  return out;
}

/** Flips a few bytes of the UTF-8 encoding: invalid sequences, stray NULs, a UTF-16 byte order mark. */
export function mutateBytes(r: Random, text: string): Uint8Array {
  const bytes = new TextEncoder().encode(text);
  for (let n = r.between(1, 4); n > 0 && bytes.length > 0; n--) {
    bytes[r.int(bytes.length)] = r.pick([0x00, 0x80, 0xc0, 0xed, 0xf8, 0xff, 0xfe, 0x0d, r.int(256)]);
  }
  return bytes;
}
