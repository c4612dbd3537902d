import * as vscode from 'vscode';
import { escapeMarkdown } from '../glossary';

/**
 * The tooltip of a term in either tree: its title in bold and its summary, both escaped (glossary text is data, never
 * markup), with HTML and command links off.
 */
export function termTooltip(title: string, summary: string): vscode.MarkdownString {
  const tooltip = new vscode.MarkdownString(`**${escapeMarkdown(title)}**\n\n${escapeMarkdown(summary)}`);
  tooltip.supportHtml = false;
  tooltip.isTrusted = false;
  return tooltip;
}
