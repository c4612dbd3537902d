/**
 * Bidirectional text: the one rule that keeps glossary text from reordering what is shown around it, and the isolates
 * a face puts around text of the other direction.
 *
 * The bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) and the marks (U+200E, U+200F,
 * U+061C) are invisible, and a title or summary that holds one can make a hover, a tree label or a search item read in
 * another order than it is stored ("Trojan Source", CVE-2021-42574): an unclosed RIGHT-TO-LEFT OVERRIDE reverses
 * everything after it on the line. No glossary title or summary needs them, since the panel and the hovers set the
 * direction of Arabic text themselves, so the compiler removes them from titles and summaries and warns at each line
 * that holds one. Bodies keep them (a code block is shown as written), where they cannot escape their block.
 */
import type { Diagnostic } from './types';
import { diagnosticAt } from './diagnostics';
import type { LineIndex } from './lineIndex';

const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** The most bidi-control warnings one file gets, one per line; a file full of them gets one more saying so. */
const MAX_BIDI_WARNINGS = 20;

const NAMES: Readonly<Record<string, string>> = {
  '\u061C': 'ARABIC LETTER MARK',
  '\u200E': 'LEFT-TO-RIGHT MARK',
  '\u200F': 'RIGHT-TO-LEFT MARK',
  '\u202A': 'LEFT-TO-RIGHT EMBEDDING',
  '\u202B': 'RIGHT-TO-LEFT EMBEDDING',
  '\u202C': 'POP DIRECTIONAL FORMATTING',
  '\u202D': 'LEFT-TO-RIGHT OVERRIDE',
  '\u202E': 'RIGHT-TO-LEFT OVERRIDE',
  '\u2066': 'LEFT-TO-RIGHT ISOLATE',
  '\u2067': 'RIGHT-TO-LEFT ISOLATE',
  '\u2068': 'FIRST STRONG ISOLATE',
  '\u2069': 'POP DIRECTIONAL ISOLATE',
};

/** `text` without bidirectional controls: what the compiler keeps of a title or a summary. */
export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

/**
 * `text` wrapped in FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE, so that it takes its direction from its own first
 * strong letter and leaves the order of the text around it alone: a Latin identifier inside an Arabic sentence, or an
 * Arabic title inside an English line. The text itself must hold no controls (strip them first).
 */
export function isolateBidi(text: string): string {
  return `\u2068${text}\u2069`;
}

/** Warns, with its line and column, at the first bidirectional control of each line of a glossary source. */
export function reportBidiControls(text: string, file: string, lines: LineIndex, diagnostics: Diagnostic[]): void {
  let reported = 0;
  let lastLine = 0;
  for (const match of text.matchAll(BIDI_CONTROLS)) {
    const { line, column } = lines.at(match.index);
    if (line === lastLine) continue;
    lastLine = line;
    if (reported === MAX_BIDI_WARNINGS) {
      diagnostics.push(diagnosticAt('warning', 'bidi-control', 'more lines hold bidirectional control characters; only the first ones are reported', file, line, column));
      return;
    }
    reported++;
    const character = match[0];
    const code = `U+${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    diagnostics.push(
      diagnosticAt(
        'warning',
        'bidi-control',
        `an invisible bidirectional control character (${code} ${NAMES[character] ?? ''}) can make text display in another order than it is written; it is removed from titles and summaries, remove it from the source`,
        file,
        line,
        column,
      ),
    );
  }
}
