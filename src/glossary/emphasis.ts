/**
 * A guard in front of the Markdown parser. Micromark pairs emphasis markers by searching back, from every closing
 * run, through the earlier runs of its paragraph; when runs cannot pair (`*_*_*_…`), that is quadratic: a 16 KB
 * paragraph took over half a minute to parse, and the panel parses entry bodies again. No honest paragraph carries
 * hundreds of emphasis markers, so past MAX_EMPHASIS_RUNS in one block the markers of that block are replaced by
 * look-alike characters of the same length (U+2217 for `*`, U+FF3F for `_`): they show literally, every offset and
 * column stays true, and nothing the author wrote disappears. The compiler reports each such block with a warning.
 */
import type { Diagnostic } from './types';
import { diagnosticAt } from './diagnostics';
import { LineIndex } from './lineIndex';

/** The most emphasis marker runs one block (text between blank lines) may hold before its markers are shown literally. */
export const MAX_EMPHASIS_RUNS = 500;

export interface DefusedBlock {
  /** Offset of the first marker replaced. */
  readonly offset: number;
  readonly runs: number;
}

function isAlphanumeric(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c >= 0x80;
}

/** Runs of `*` or `_` in [start, end) that may open or close emphasis (an `_` inside a word such as `input_ids` cannot). */
function markerRuns(text: string, start: number, end: number): number[] {
  const runs: number[] = [];
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c !== 0x2a && c !== 0x5f) {
      i++;
      continue;
    }
    let runEnd = i + 1;
    while (runEnd < end && text.charCodeAt(runEnd) === c) runEnd++;
    const intraword = c === 0x5f && i > start && runEnd < end && isAlphanumeric(text.charCodeAt(i - 1)) && isAlphanumeric(text.charCodeAt(runEnd));
    if (!intraword) runs.push(i, runEnd);
    i = runEnd;
  }
  return runs;
}

export function defuseEmphasisStorms(text: string): { text: string; blocks: DefusedBlock[] } {
  const blocks: DefusedBlock[] = [];
  // A cheap answer for the common case: a text with few markers in all has no block over the limit.
  let markers = 0;
  for (let i = 0; i < text.length && markers <= MAX_EMPHASIS_RUNS; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x2a || c === 0x5f) markers++;
  }
  if (markers <= MAX_EMPHASIS_RUNS) return { text, blocks };
  const pieces: string[] = [];
  let copied = 0;
  const blankLine = /(?:\r\n|\r|\n)[ \t]*(?=\r\n|\r|\n)/g;
  let blockStart = 0;
  const visit = (blockEnd: number): void => {
    const runs = markerRuns(text, blockStart, blockEnd);
    if (runs.length / 2 <= MAX_EMPHASIS_RUNS) return;
    blocks.push({ offset: runs[0]!, runs: runs.length / 2 });
    for (let k = 0; k < runs.length; k += 2) {
      const from = runs[k]!;
      const to = runs[k + 1]!;
      pieces.push(text.slice(copied, from), (text.charCodeAt(from) === 0x2a ? '\u2217' : '\uff3f').repeat(to - from));
      copied = to;
    }
  };
  for (let found = blankLine.exec(text); found !== null; found = blankLine.exec(text)) {
    visit(found.index);
    blockStart = found.index + found[0].length;
  }
  visit(text.length);
  if (blocks.length === 0) return { text, blocks };
  pieces.push(text.slice(copied));
  return { text: pieces.join(''), blocks };
}

/** defuseEmphasisStorms for the compiler: the defused text, and a warning at each block whose markers now show literally. */
export function defuseWithWarnings(file: string, text: string, diagnostics: Diagnostic[]): string {
  const defused = defuseEmphasisStorms(text);
  const lines = defused.blocks.length > 0 ? new LineIndex(text) : undefined;
  for (const block of defused.blocks) {
    const { line, column } = lines!.at(block.offset);
    const message = `a paragraph with ${block.runs} emphasis markers (more than ${MAX_EMPHASIS_RUNS}) would make Markdown parsing quadratic; its * and _ are shown literally`;
    diagnostics.push(diagnosticAt('warning', 'emphasis-storm', message, file, line, column));
  }
  return defused.text;
}
