/**
 * Declared metadata of an entry in our own glossary sources: an HTML comment, invisible when the Markdown is
 * rendered, of the form
 *
 *     <!-- glossary
 *     identifiers: attention_mask, decoder_attention_mask
 *     aliases: máscara de atención, máscaras de atención
 *     abbreviations: KV
 *     -->
 *
 * Every key is optional and values are comma-separated.
 */
import type { Diagnostic } from './types';
import { MAX_SURFACE_FORM_LENGTH } from './types';
import { diagnosticAt } from './diagnostics';
import { isPythonName } from './anchors';

export interface EntryMetadata {
  identifiers: string[];
  aliases: string[];
  abbreviations: string[];
}

export function emptyMetadata(): EntryMetadata {
  return { identifiers: [], aliases: [], abbreviations: [] };
}

const METADATA_COMMENT = /^<!--\s*glossary(?=\s|-->)([\s\S]*?)-->\s*$/;

/** Whether an HTML comment is a metadata block (as opposed to an ordinary comment, which is simply dropped). */
export function isMetadataComment(html: string): boolean {
  return METADATA_COMMENT.test(html.trim());
}

/**
 * Reads a metadata comment into `into`. `line` and `column` locate the `<!--`; problems are warnings at the
 * line they occur on, so that a typo never fails the build but is still seen.
 */
export function parseMetadataComment(html: string, file: string, line: number, column: number, into: EntryMetadata, diagnostics: Diagnostic[]): void {
  const match = METADATA_COMMENT.exec(html.trim());
  if (!match) return;
  const bodyLines = match[1]!.split('\n');
  bodyLines.forEach((rawLine, index) => {
    const text = rawLine.trim();
    if (!text) return;
    // The first body line shares the line of `<!-- glossary`; the others are whole lines of their own.
    const where = { line: line + index, column: index === 0 ? column : rawLine.length - rawLine.trimStart().length + 1 };
    const colon = text.indexOf(':');
    if (colon <= 0) {
      diagnostics.push(diagnosticAt('warning', 'metadata-malformed', `glossary metadata line "${text}" is not "key: value, value"`, file, where.line, where.column));
      return;
    }
    const key = text.slice(0, colon).trim().toLowerCase();
    const values = text
      .slice(colon + 1)
      .split(',')
      .map((v) => v.trim().replace(/\s+/g, ' '))
      .filter((v) => v.length > 0)
      .filter((v) => {
        // A form past the limit can name no term; the matcher would ignore it, so it is dropped here, visibly.
        if (v.length <= MAX_SURFACE_FORM_LENGTH) return true;
        const message = `glossary metadata value of ${v.length} characters is dropped: surface forms are at most ${MAX_SURFACE_FORM_LENGTH} characters`;
        diagnostics.push(diagnosticAt('warning', 'surface-form-too-long', message, file, where.line, where.column));
        return false;
      });
    if (values.length === 0) {
      diagnostics.push(diagnosticAt('warning', 'metadata-malformed', `glossary metadata key "${key}" has no value`, file, where.line, where.column));
      return;
    }
    switch (key) {
      case 'identifiers':
      case 'identifier':
        for (const value of values) {
          if (isPythonName(value)) into.identifiers.push(value);
          else diagnostics.push(diagnosticAt('warning', 'metadata-malformed', `"${value}" is not a Python identifier`, file, where.line, where.column));
        }
        break;
      case 'aliases':
      case 'alias':
        into.aliases.push(...values);
        break;
      case 'abbreviations':
      case 'abbreviation':
        for (const value of values) {
          if (/\s/.test(value)) diagnostics.push(diagnosticAt('warning', 'metadata-malformed', `abbreviation "${value}" contains a space`, file, where.line, where.column));
          else into.abbreviations.push(value);
        }
        break;
      default:
        diagnostics.push(
          diagnosticAt('warning', 'metadata-unknown-key', `unknown glossary metadata key "${key}" (known: identifiers, aliases, abbreviations)`, file, where.line, where.column),
        );
    }
  });
}
