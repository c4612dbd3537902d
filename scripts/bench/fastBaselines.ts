/**
 * The two fast designs issue #17 measures `findAll` against, over the same surface forms as ./baselines.ts:
 * (c) a word tokenizer that does one `Map` lookup per word, and (d) one regular expression whose alternation of all
 * forms is shaped as a prefix tree (`atten(?:tion(?: mask)?)`), the shape that lets V8's regex engine reject a
 * position after a character or two. Both do less than our matcher (no context rules, plurals, links or compound
 * identifiers), which is why they are the floor we compare with, not a competitor that gives the same answers.
 */
import type { TermMap } from '../../src/glossary/types';
import { surfaceForms, type Hit } from './baselines';

const wordUnit = /[\p{L}\p{N}\p{M}_]/u;

/** Whether the UTF-16 unit `c` belongs to a word; the table covers ASCII, the regex the rest (rare in the inputs). */
const ASCII_WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  ASCII_WORD[c] = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 ? 1 : 0;
}
function isWordUnit(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (c < 128) return ASCII_WORD[c] === 1;
  return wordUnit.test(text[at]!);
}

/** (c): split the text into words and look each one up, lowercased, in one Map of every form. */
export class TokenizeMapBaseline {
  /** The lowercased forms; a phrase can never equal one word, so only single-word forms are ever found. */
  readonly forms: Map<string, string>;

  constructor(termMap: TermMap) {
    this.forms = surfaceForms(termMap);
  }

  findAll(text: string): Hit[] {
    const hits: Hit[] = [];
    const forms = this.forms;
    const length = text.length;
    let i = 0;
    while (i < length) {
      if (!isWordUnit(text, i)) {
        i++;
        continue;
      }
      const start = i;
      while (i < length && isWordUnit(text, i)) i++;
      const termId = forms.get(text.slice(start, i).toLowerCase());
      if (termId !== undefined) hits.push([start, i, termId]);
    }
    return hits;
  }

  /** The minimal hover: the word around `offset`, sliced, lowercased and looked up once. */
  hoverAt(lineText: string, offset: number): string | undefined {
    let start = offset;
    while (start > 0 && isWordUnit(lineText, start - 1)) start--;
    let end = offset;
    while (end < lineText.length && isWordUnit(lineText, end)) end++;
    return end > start ? this.forms.get(lineText.slice(start, end).toLowerCase()) : undefined;
  }
}

interface RegexTrieNode {
  children: Map<string, RegexTrieNode>;
  terminal: boolean;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/** The alternation of a prefix tree: shared prefixes once, longer continuations before the end of a form. */
function trieToPattern(node: RegexTrieNode): string {
  // Collapse a chain of single children into one literal, so that `attention` is one atom and not nine groups.
  const branches: string[] = [];
  for (const [unit, child] of [...node.children].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    let literal = unit;
    let cursor = child;
    while (!cursor.terminal && cursor.children.size === 1) {
      const [[nextUnit, next]] = [...cursor.children] as [[string, RegexTrieNode]];
      literal += nextUnit;
      cursor = next;
    }
    const rest = cursor.children.size > 0 ? trieToPattern(cursor) : '';
    let branch = escapeRegex(literal);
    if (rest) branch += cursor.terminal ? `(?:${rest})?` : `(?:${rest})`;
    branches.push(branch);
  }
  return branches.join('|');
}

/** (d): one regex of every form shaped as a prefix tree, case-insensitive, with word boundaries on both sides. */
export class PrefixTreeRegexBaseline {
  readonly pattern: RegExp;
  private readonly forms: Map<string, string>;

  constructor(termMap: TermMap) {
    this.forms = surfaceForms(termMap);
    const root: RegexTrieNode = { children: new Map(), terminal: false };
    for (const form of this.forms.keys()) {
      let node = root;
      for (const unit of form) {
        let next = node.children.get(unit);
        if (next === undefined) {
          next = { children: new Map(), terminal: false };
          node.children.set(unit, next);
        }
        node = next;
      }
      node.terminal = true;
    }
    // Without the `u` flag V8 compiles the alternation to a plain code-unit automaton, the fastest form it has; the
    // boundary classes list the non-ASCII word ranges of the inputs explicitly for the same reason.
    const word = 'A-Za-z0-9_\\u00C0-\\u024F\\u0370-\\u03FF\\u0400-\\u04FF\\u0600-\\u06FF\\u3040-\\u9FFF\\uAC00-\\uD7AF';
    this.pattern = new RegExp(`(?<![${word}])(?:${trieToPattern(root)})(?![${word}])`, 'gi');
  }

  findAll(text: string): Hit[] {
    const hits: Hit[] = [];
    const pattern = this.pattern;
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      hits.push([m.index, m.index + m[0].length, this.forms.get(m[0].toLowerCase()) ?? '']);
    }
    return hits;
  }
}
