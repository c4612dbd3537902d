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

const ISOLATE_OPENERS = { ltr: '\u2066', rtl: '\u2067', auto: '\u2068' } as const;

/**
 * `text` wrapped in an isolate (LEFT-TO-RIGHT, RIGHT-TO-LEFT or FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE), so that
 * it is laid out in that direction as one unit and leaves the order of the text around it alone. The text itself must
 * hold no controls (strip them first): the isolates a face adds are the only ones, and they are balanced.
 */
export function isolateBidi(text: string, direction: 'ltr' | 'rtl' | 'auto' = 'auto'): string {
  return `${ISOLATE_OPENERS[direction]}${text}\u2069`;
}

/**
 * A run of Latin-script code or names inside other text: it starts at a letter, digit or `_` and goes on over ASCII
 * letters, digits, spaces and the punctuation identifiers and calls use (`GPT-3`, `input_ids`, `tokenizer(a, b)`).
 */
const LATIN_RUN = /[A-Za-z0-9_][A-Za-z0-9_.,:;=+\-/'" ()[\]]*/g;

function balanced(text: string): boolean {
  const count = (pattern: RegExp): number => text.match(pattern)?.length ?? 0;
  return count(/\(/g) === count(/\)/g) && count(/\[/g) === count(/\]/g);
}

/**
 * Right-to-left text for a face that cannot set a direction (a VS Code hover, a tree label, a tooltip, all laid out
 * left to right): the whole text in a RIGHT-TO-LEFT ISOLATE, so that an Arabic sentence keeps its reading order, and
 * every Latin run in it in a LEFT-TO-RIGHT ISOLATE, so that `tokenizer(a, b)` or `GPT-3` is not reordered by the
 * Arabic around it. A run ends at its last letter or digit, or at a closing bracket it opened itself, so that the
 * punctuation of the Arabic sentence stays Arabic. Left-to-right text is returned as it is.
 */
export function directionalText(text: string, direction: 'ltr' | 'rtl'): string {
  if (direction === 'ltr' || text === '') return text;
  const isolated = text.replace(LATIN_RUN, (run) => {
    let end = run.length;
    while (end > 0) {
      const last = run[end - 1]!;
      if (/[A-Za-z0-9_]/.test(last) || ((last === ')' || last === ']') && balanced(run.slice(0, end)))) break;
      end--;
    }
    const core = run.slice(0, end);
    return balanced(core) && /[A-Za-z]/.test(core) ? `${isolateBidi(core, 'ltr')}${run.slice(end)}` : run;
  });
  return isolateBidi(isolated, 'rtl');
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
