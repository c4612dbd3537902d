import type * as vscode from 'vscode';
import type { GlossarySnapshot } from '../service/snapshot';
import { matchContextAt } from './matchContext';

/**
 * The term at a position of an open document, read the way the hover reads it (one line, in the context of that
 * line: Python code, Markdown prose, or a fenced Python block), so that the hover and the search pre-fill agree.
 */
export function termAtPosition(
  document: vscode.TextDocument,
  position: vscode.Position,
  glossary: GlossarySnapshot,
): ReturnType<GlossarySnapshot['termAt']> {
  const line = document.lineAt(position.line);
  return glossary.termAt(line.text, position.character, matchContextAt(document, position.line));
}
