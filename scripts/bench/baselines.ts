/**
 * The two approaches we compare ourselves with, written from their descriptions, over the same term map:
 * (a) what simple glossary extensions do: one regular expression alternating every surface form, run over the
 *     document; (b) what the best-known Markdown glossary hover plugin does: a character trie walked over the text.
 * Both return [start, end, termId] triples so that they do comparable work to our matcher.
 */
import type { TermMap } from '../../src/glossary/types';

export type Hit = readonly [start: number, end: number, termId: string];

/** Every surface form of every term, lowercased, mapped to its term (the first term wins on a clash). */
export function surfaceForms(termMap: TermMap): Map<string, string> {
  const forms = new Map<string, string>();
  for (const term of termMap.terms) {
    const all = [...Object.values(term.titles), ...term.aliases, ...term.identifiers, ...term.abbreviations];
    for (const form of all) {
      const key = form.trim().toLowerCase();
      if (key.length > 0 && !forms.has(key)) forms.set(key, term.id);
    }
  }
  return forms;
}

export class RegexAlternationBaseline {
  private readonly pattern: RegExp;
  private readonly forms: Map<string, string>;

  constructor(termMap: TermMap) {
    this.forms = surfaceForms(termMap);
    const escaped = [...this.forms.keys()]
      .sort((a, b) => b.length - a.length)
      .map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    this.pattern = new RegExp(`(?<![\\p{L}\\p{N}_])(?:${escaped.join('|')})(?![\\p{L}\\p{N}_])`, 'giu');
  }

  findAll(text: string): Hit[] {
    const hits: Hit[] = [];
    for (const m of text.matchAll(this.pattern)) {
      hits.push([m.index, m.index + m[0].length, this.forms.get(m[0].toLowerCase()) ?? '']);
    }
    return hits;
  }

  /** A hover the naive way: match the whole document, then keep the match under the cursor. */
  hoverAt(documentText: string, offset: number): Hit | undefined {
    return this.findAll(documentText).find(([start, end]) => start <= offset && offset < end);
  }
}

interface TrieNode {
  children: Map<number, TrieNode>;
  termId?: string;
}

const isWordCode = (code: number): boolean =>
  (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code > 127;

export class CharTrieBaseline {
  private readonly root: TrieNode = { children: new Map() };

  constructor(termMap: TermMap) {
    for (const [form, termId] of surfaceForms(termMap)) {
      let node = this.root;
      for (let i = 0; i < form.length; i++) {
        const code = form.charCodeAt(i);
        let next = node.children.get(code);
        if (!next) {
          next = { children: new Map() };
          node.children.set(code, next);
        }
        node = next;
      }
      node.termId ??= termId;
    }
  }

  /** Walks the trie from every word start, keeping the longest form that ends on a word boundary. */
  findAll(text: string, from = 0, to = text.length): Hit[] {
    const hits: Hit[] = [];
    let i = from;
    while (i < to) {
      if (i > 0 && isWordCode(text.charCodeAt(i - 1))) {
        i++;
        continue;
      }
      let node: TrieNode | undefined = this.root;
      let best: Hit | undefined;
      for (let j = i; j < to && node; j++) {
        let code = text.charCodeAt(j);
        if (code >= 65 && code <= 90) code += 32;
        node = node.children.get(code);
        if (node?.termId !== undefined && (j + 1 >= text.length || !isWordCode(text.charCodeAt(j + 1)))) {
          best = [i, j + 1, node.termId];
        }
      }
      if (best) {
        hits.push(best);
        i = best[1];
      } else {
        i++;
      }
    }
    return hits;
  }

  /** A hover the trie way: walk the line under the cursor and keep the match that covers it. */
  hoverAt(lineText: string, offset: number): Hit | undefined {
    return this.findAll(lineText).find(([start, end]) => start <= offset && offset < end);
  }
}
