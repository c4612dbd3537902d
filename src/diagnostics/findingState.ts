/**
 * The bookkeeping behind incremental diagnostics, kept pure so that it is tested in plain Node: the findings of one
 * document, moved along with each edit until they are checked again, and the part of the document that still has to
 * be checked. No rule of the terminology check lives here: which text is flagged, and why, is the core's answer
 * (src/terminology); this module only carries its answers across edits, the way an editor keeps markers in place.
 */
import type { Finding, TextFix } from '../terminology';

/** One replacement of a content change, in offsets of the text before it (as VS Code reports `rangeOffset`). */
export interface TextChange {
  readonly offset: number;
  readonly removed: number;
  readonly inserted: number;
}

/**
 * The findings of a document and what is not yet re-checked. The findings are always in offsets of the latest text
 * the editor reported (edits move them at once); `dirtyFrom` is the first offset whose findings may be out of date
 * (undefined: none), and `dirtyTo` the end of the edited text, which is re-checked first.
 */
export interface FindingState {
  readonly findings: readonly Finding[];
  readonly dirtyFrom: number | undefined;
  readonly dirtyTo: number | undefined;
}

export const EMPTY_STATE: FindingState = { findings: [], dirtyFrom: undefined, dirtyTo: undefined };

function moveFix(fix: TextFix, delta: number): TextFix {
  return { ...fix, start: fix.start + delta, end: fix.end + delta };
}

/**
 * The state after the text changed: findings before a change stay, findings after it move by its length difference,
 * findings it touches are dropped (their text changed, so their fix no longer applies), and the dirty region grows to
 * cover it. Changes are applied in order, each in offsets of the text the previous ones left (VS Code lists the
 * changes of one event from the end of the document backwards, so either reading gives the same result).
 */
export function applyChanges(state: FindingState, changes: readonly TextChange[]): FindingState {
  let { findings, dirtyFrom, dirtyTo } = state;
  for (const { offset, removed, inserted } of changes) {
    const removedEnd = offset + removed;
    const delta = inserted - removed;
    findings = findings.flatMap((finding) => {
      // Touching is not overlapping: text typed right before or after a finding leaves its text as it was (the
      // re-check of the edited lines then says whether it still stands).
      if (finding.end <= offset) return [finding];
      if (finding.start >= removedEnd) {
        return delta === 0
          ? [finding]
          : [
              {
                ...finding,
                start: finding.start + delta,
                end: finding.end + delta,
                fixes: finding.fixes.map((fix) => moveFix(fix, delta)),
              },
            ];
      }
      return [];
    });
    const moved = (at: number, inside: number): number => (at >= removedEnd ? at + delta : at > offset ? inside : at);
    dirtyFrom = Math.min(dirtyFrom === undefined ? offset : moved(dirtyFrom, offset), offset);
    dirtyTo = Math.max(
      dirtyTo === undefined ? offset + inserted : moved(dirtyTo, offset + inserted),
      offset + inserted,
    );
  }
  return { findings, dirtyFrom, dirtyTo };
}

/** The state with every finding starting in [start, end) replaced by `fresh` (the findings of a check of those lines). */
export function replaceRegion(
  state: FindingState,
  start: number,
  end: number,
  fresh: readonly Finding[],
): FindingState {
  const inside = (finding: Finding): boolean => finding.start >= start && finding.start < end;
  const before = state.findings.filter((finding) => finding.start < start);
  const after = state.findings.filter((finding) => finding.start >= end);
  return { ...state, findings: [...before, ...fresh.filter(inside), ...after] };
}

/** Marks the whole document as needing a check (a new glossary, changed settings), keeping what is shown until then. */
export function markAllDirty(state: FindingState): FindingState {
  return { ...state, dirtyFrom: 0, dirtyTo: 0 };
}

/** The state once everything up to the end of the document has been checked again. */
export function markClean(state: FindingState): FindingState {
  return { ...state, dirtyFrom: undefined, dirtyTo: undefined };
}

/** The first fix of every finding: what "fix all in file" applies (findings never overlap, by the core's contract). */
export function fixAllEdits(findings: readonly Finding[]): TextFix[] {
  const fixes: TextFix[] = [];
  let end = -1;
  for (const finding of [...findings].sort((a, b) => a.start - b.start)) {
    const fix = finding.fixes[0];
    // Overlapping fixes cannot both apply; the core never produces them, and this keeps the promise if one did.
    if (fix === undefined || fix.start < end) continue;
    fixes.push(fix);
    end = fix.end;
  }
  return fixes;
}
