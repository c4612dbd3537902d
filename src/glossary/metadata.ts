/**
 * Declared metadata of an entry in our own glossary sources: an HTML comment, invisible when the Markdown is
 * rendered, of the form
 *
 *     <!-- glossary
 *     identifiers: attention_mask, decoder_attention_mask
 *     aliases: máscara de atención, máscaras de atención
 *     abbreviations: KV
 *     docs: kv_cache, cache_explanation
 *     -->
 *
 * Every key is optional and values are comma-separated. Three keys declare the termbase of the entry's locale (the
 * README's "Terminology" section): `preferred: form, form` (the forms a fix writes; default: the title and the
 * aliases), `avoid: form (reason), form` (forms flagged in this locale's documents, each with an optional reason in
 * parentheses, which may contain commas), and `keep: english` (the locale leaves the term untranslated). `docs` names the Transformers documentation pages that
 * explain the term best, most relevant first (`path` or `path#anchor`, as in a relative doc link): "Open on
 * huggingface.co" uses the first one that exists when the term has no anchor in the upstream glossary.
 */
import { stripBidiControls } from './bidi';
import type { AvoidedForm, Diagnostic } from './types';
import { MAX_SURFACE_FORM_LENGTH } from './types';
import { diagnosticAt } from './diagnostics';
import { isPythonName } from './anchors';
import { bundledDocsIndex, splitDocsReference } from './docsIndex';

export interface EntryMetadata {
  identifiers: string[];
  aliases: string[];
  abbreviations: string[];
  /** Documentation pages (`path` or `path#anchor`), most relevant first. */
  docs: string[];
  /** `preferred:` forms, in the order written. */
  preferred: string[];
  /** `avoid:` forms with their reasons. */
  avoid: AvoidedForm[];
  /** `keep: english`. */
  keepEnglish: boolean;
}

export function emptyMetadata(): EntryMetadata {
  return { identifiers: [], aliases: [], abbreviations: [], docs: [], preferred: [], avoid: [], keepEnglish: false };
}

/** Splits on commas outside parentheses, so that `avoid: cabeza (clashes, see heads), cabezal` is two items. */
function splitOutsideParentheses(value: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (c === ',' && depth === 0) {
      items.push(value.slice(start, i));
      start = i + 1;
    }
  }
  items.push(value.slice(start));
  return items.map((item) => item.trim().replace(/\s+/g, ' ')).filter((item) => item.length > 0);
}

/** `form (reason)` → the form and the reason; a form without a trailing parenthesis has no reason. */
function parseAvoidedForm(item: string): AvoidedForm {
  const match = /^(.*?)\s*\(([^()]*(?:\([^()]*\)[^()]*)*)\)$/.exec(item);
  if (!match || match[1]!.trim() === '') return { form: item };
  const reason = match[2]!.trim();
  return reason === '' ? { form: match[1]!.trim() } : { form: match[1]!.trim(), reason };
}

/** A relative page of the Transformers docs: path segments of letters, digits, `_`, `-`, `.`, and an optional anchor. */
const DOCS_REFERENCE = /^(?!.*\.\.)[A-Za-z0-9_.-]+(?:\/[A-Za-z0-9_.-]+)*(?:#[A-Za-z0-9_.:-]+)?$/;

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
      // Surface forms are shown as labels and matched; the bidi rule keeps them from reordering either (./bidi.ts).
      .map((v) => stripBidiControls(v).trim().replace(/\s+/g, ' '))
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
    // preferred and avoid split on their own (a reason in parentheses may hold commas), so they strip bidi controls too.
    const rawValue = stripBidiControls(text.slice(colon + 1));
    switch (key) {
      case 'preferred':
        for (const value of splitOutsideParentheses(rawValue)) {
          if (value.length <= MAX_SURFACE_FORM_LENGTH) into.preferred.push(value);
        }
        break;
      case 'avoid':
        for (const item of splitOutsideParentheses(rawValue)) {
          const avoided = parseAvoidedForm(item);
          if (avoided.form.length <= MAX_SURFACE_FORM_LENGTH) into.avoid.push(avoided);
        }
        break;
      case 'keep':
        // Only English exists as a kept language today: the Transformers docs keep English terms, never another locale's.
        if (values.length === 1 && /^(?:english|en)$/i.test(values[0]!)) into.keepEnglish = true;
        else diagnostics.push(diagnosticAt('warning', 'metadata-malformed', `"keep: ${values.join(', ')}" is not "keep: english"`, file, where.line, where.column));
        break;
      case 'identifiers':
      case 'identifier':
        for (const value of values) {
          if (isPythonName(value)) into.identifiers.push(value);
          else diagnostics.push(diagnosticAt('warning', 'metadata-malformed', `"${value}" is not a Python identifier`, file, where.line, where.column));
        }
        break;
      case 'aliases':
      case 'alias':
        // One push per value: `push(...values)` overflows the stack past about 120,000 values.
        for (const value of values) into.aliases.push(value);
        break;
      case 'abbreviations':
      case 'abbreviation':
        for (const value of values) {
          if (/\s/.test(value)) diagnostics.push(diagnosticAt('warning', 'metadata-malformed', `abbreviation "${value}" contains a space`, file, where.line, where.column));
          else into.abbreviations.push(value);
        }
        break;
      case 'docs':
        for (const value of values) {
          if (!DOCS_REFERENCE.test(value)) {
            diagnostics.push(diagnosticAt('warning', 'metadata-malformed', `"${value}" is not a relative docs page such as kv_cache or main_classes/trainer#transformers.Trainer`, file, where.line, where.column));
            continue;
          }
          // Checked against English: every link falls back to the English page, so only a page missing there is dead.
          if (!bundledDocsIndex().resolvePage('en', splitDocsReference(value).path)) {
            diagnostics.push(
              diagnosticAt('warning', 'broken-doc-link', `docs page "${value}" does not exist in the Transformers docs (glossary/upstream/docs-index.json)`, file, where.line, where.column),
            );
          }
          into.docs.push(value);
        }
        break;
      default:
        diagnostics.push(
          diagnosticAt('warning', 'metadata-unknown-key', `unknown glossary metadata key "${key}" (known: identifiers, aliases, abbreviations, docs, preferred, avoid, keep)`, file, where.line, where.column),
        );
    }
  });
}
