/**
 * The text a reader sees in an entry: plain text of Markdown nodes (for summaries, link texts and the translation
 * checks) and the entry's summary.
 */
import type { Nodes, Paragraph, Parent } from 'mdast';
import { apiDisplayName, isApiName } from './apiLinks';
import type { BodyToken } from './parse';
import { stripBidiControls } from './bidi';

/**
 * The text a reader sees: components and raw HTML left out, auto-link brackets removed and `~` references
 * shortened (``[`~PreTrainedModel.from_pretrained`]`` reads `from_pretrained`).
 */
export function plainText(node: Nodes): string {
  const parts: string[] = [];
  const walk = (current: Nodes, parent: Parent | undefined, index: number): void => {
    switch (current.type) {
      case 'text':
        parts.push(current.value);
        return;
      case 'inlineCode': {
        const prev = parent?.children[index - 1];
        const next = parent?.children[index + 1];
        const bracketed = prev?.type === 'text' && prev.value.endsWith('[') && next?.type === 'text' && next.value.startsWith(']') && isApiName(current.value);
        if (bracketed) {
          const last = parts.length - 1;
          if (last >= 0) parts[last] = parts[last]!.slice(0, -1);
          parts.push(apiDisplayName(current.value));
          skipBracket = next;
          return;
        }
        parts.push(current.value);
        return;
      }
      case 'break':
        parts.push(' ');
        return;
      case 'html':
        return;
      case 'image':
        parts.push(current.alt ?? '');
        return;
      default:
        if ('children' in current) {
          current.children.forEach((child, i) => {
            if (child === skipBracket && child.type === 'text') {
              skipBracket = undefined;
              parts.push(child.value.slice(1));
              return;
            }
            walk(child, current, i);
          });
        } else if ('value' in current && typeof current.value === 'string') {
          parts.push(current.value);
        }
    }
  };
  let skipBracket: Nodes | undefined;
  walk(node, undefined, 0);
  return parts.join('');
}

/**
 * The summary of an entry, which the hover shows: its first paragraph outside callouts as plain text, whitespace
 * collapsed, else the first paragraph anywhere.
 */
export function summaryOf(tokens: readonly BodyToken[]): string {
  // A callout is an aside: the summary comes from the entry's own text around it.
  let calloutDepth = 0;
  for (const token of tokens) {
    if (token.kind === 'component' && token.name === 'Tip') {
      if (token.role === 'open') calloutDepth++;
      else if (token.role === 'close' && calloutDepth > 0) calloutDepth--;
      continue;
    }
    if (calloutDepth === 0 && token.kind === 'block' && token.node.type === 'paragraph') {
      const text = summaryText(token.node);
      if (text) return text;
    }
  }
  // No top-level paragraph (a list, or only a callout): take the first paragraph anywhere.
  for (const token of tokens) {
    if (token.kind !== 'block' || token.node.type === 'code') continue;
    const paragraph = firstParagraph(token.node);
    if (paragraph) return summaryText(paragraph);
  }
  return '';
}

/** A summary is shown inside hovers and lists: whitespace collapsed, and no bidirectional controls (./bidi.ts). */
function summaryText(node: Nodes): string {
  return stripBidiControls(plainText(node)).replace(/\s+/g, ' ').trim();
}

function firstParagraph(node: Nodes): Paragraph | undefined {
  // Breadth-first with a moving head, so that a huge list costs linear time.
  const queue: Nodes[] = [node];
  for (let head = 0; head < queue.length; head++) {
    const current = queue[head]!;
    if (current.type === 'paragraph' && plainText(current).trim()) return current;
    if ('children' in current) for (const child of current.children) queue.push(child);
  }
  return undefined;
}
