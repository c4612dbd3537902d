/**
 * The "In This File" view's data, computed without VS Code: which terms a text uses, how often, and which occurrence
 * comes next after a position.
 */
import type { TermMatch } from '../matching';

export interface TermOccurrences {
  readonly termId: string;
  /** The matches of this term, in document order. */
  readonly matches: readonly TermMatch[];
}

/** Groups matches by term, terms in the order of their first occurrence. */
export function groupOccurrences(matches: readonly TermMatch[]): TermOccurrences[] {
  const byTerm = new Map<string, TermMatch[]>();
  for (const match of matches) {
    const list = byTerm.get(match.termId);
    if (list) list.push(match);
    else byTerm.set(match.termId, [match]);
  }
  return [...byTerm.entries()].map(([termId, list]) => ({ termId, matches: list }));
}

/**
 * The occurrence to reveal next: when the selection is exactly one occurrence (the previous reveal), the one after
 * it; otherwise the first that starts at or after the cursor. After the last one it wraps around to the first.
 */
export function nextOccurrence(
  matches: readonly TermMatch[],
  selectionStart: number,
  selectionEnd: number,
): TermMatch | undefined {
  if (matches.length === 0) return undefined;
  const selectedIndex = matches.findIndex((m) => m.start === selectionStart && m.end === selectionEnd);
  if (selectedIndex >= 0) return matches[(selectedIndex + 1) % matches.length];
  return matches.find((m) => m.start >= selectionStart) ?? matches[0];
}
