/**
 * `transformers-glossary coverage`: how far each locale of a set of glossaries covers the terms. A table of terms ×
 * locales (present, missing, kept in English by `keep: english`), the anchors of each glossary file that name no
 * term or heading (the terminology check's anchor rule, src/terminology), and the entries the compiler's translation
 * checks (src/glossary/translationChecks.ts) find untranslated or truncated. Nothing is decided here but the layout.
 */
import type { CompileResult, Locale } from '../glossary';
import { LineIndex, localeFromPath, ownEntry } from '../glossary';
import { createTerminologyChecker, englishReader, findingMessage } from '../terminology';
import type { ParsedArgs } from './args';
import type { CliIo } from './io';
import { EXIT_FAILURE, EXIT_OK, plural, readText } from './io';
import { jsonForTerminal } from './terminalText';

type CoverageCell = 'present' | 'missing' | 'kept';

interface CoverageReport {
  readonly locales: readonly Locale[];
  readonly terms: readonly { readonly id: string; readonly cells: Readonly<Record<Locale, CoverageCell>> }[];
  readonly summary: Readonly<Record<Locale, Readonly<Record<CoverageCell, number>>>>;
  readonly brokenAnchors: readonly { file: string; line: number; column: number; anchor: string; message: string }[];
  readonly suspiciousEntries: readonly { file: string; line: number; column: number; code: string; message: string }[];
}

/** The compiler's codes for entries that look untranslated or cut short. */
const SUSPICIOUS_CODES = new Set(['untranslated', 'possibly-truncated', 'leaked-prompt']);

function coverageReport(compiled: CompileResult, files: readonly string[]): CoverageReport {
  const { termMap } = compiled;
  const locales = termMap.locales;
  const summary: Record<Locale, Record<CoverageCell, number>> = {};
  for (const locale of locales) summary[locale] = { present: 0, missing: 0, kept: 0 };
  const terms = termMap.terms.map((term) => {
    const cells: Record<Locale, CoverageCell> = {};
    for (const locale of locales) {
      const entry = ownEntry(term, locale);
      const cell: CoverageCell = entry === undefined ? 'missing' : entry.terminology?.keepEnglish ? 'kept' : 'present';
      cells[locale] = cell;
      summary[locale]![cell]++;
    }
    return { id: term.id, cells };
  });

  const checker = createTerminologyChecker(termMap);
  const brokenAnchors: CoverageReport['brokenAnchors'][number][] = [];
  for (const file of files) {
    const text = readText(file);
    const lines = new LineIndex(text);
    const locale = localeOfFile(compiled, file) ?? localeFromPath(file) ?? 'en';
    const findings = checker.check(text, {
      locale,
      isGlossary: true,
      severities: { 'avoided-term': 'off', 'english-term': 'off' },
    });
    for (const finding of findings) {
      const message = findingMessage(finding, locale, englishReader);
      brokenAnchors.push({ file, ...lines.at(finding.start), anchor: finding.text, message });
    }
  }
  const suspiciousEntries = compiled.diagnostics
    .filter((diagnostic) => SUSPICIOUS_CODES.has(diagnostic.code))
    .map((d) => ({
      file: d.location.file,
      line: d.location.line,
      column: d.location.column,
      code: d.code,
      message: d.message,
    }));
  return { locales, terms, summary, brokenAnchors, suspiciousEntries };
}

/** The locale the compiler gave the entries of `file` (it may have read it from the H1 rather than the name). */
function localeOfFile(compiled: CompileResult, file: string): Locale | undefined {
  for (const term of compiled.termMap.terms) {
    for (const [locale, entry] of Object.entries(term.entries)) if (entry.source.file === file) return locale;
  }
  return undefined;
}

const CELL_MARKS: Readonly<Record<CoverageCell, string>> = { present: '✓', missing: '·', kept: 'en' };

function formatCoverageText(report: CoverageReport): string {
  const idWidth = Math.min(48, Math.max(4, ...report.terms.map((term) => term.id.length)));
  const columnWidth = Math.max(7, ...report.locales.map((locale) => locale.length + 2));
  const pad = (text: string, width: number): string =>
    text.length >= width ? text : text + ' '.repeat(width - text.length);
  const out: string[] = [];
  out.push(`${pad('term', idWidth)}  ${report.locales.map((locale) => pad(locale, columnWidth)).join('')}`.trimEnd());
  for (const term of report.terms) {
    const id = term.id.length > idWidth ? `${term.id.slice(0, idWidth - 1)}…` : term.id;
    out.push(
      `${pad(id, idWidth)}  ${report.locales.map((locale) => pad(CELL_MARKS[term.cells[locale] ?? 'missing'], columnWidth)).join('')}`.trimEnd(),
    );
  }
  out.push('');
  out.push('✓ present   · missing   en kept in English (keep: english)');
  for (const locale of report.locales) {
    const counts = report.summary[locale]!;
    out.push(
      `${locale}: ${counts.present} present, ${counts.kept} kept in English, ${counts.missing} missing of ${report.terms.length}`,
    );
  }
  out.push('');
  out.push(`${plural(report.brokenAnchors.length, 'broken anchor')}`);
  for (const broken of report.brokenAnchors) {
    out.push(`${broken.file}:${broken.line}:${broken.column}: ${broken.message}`);
  }
  out.push(`${plural(report.suspiciousEntries.length, 'entry', 'entries')} that look untranslated or truncated`);
  for (const entry of report.suspiciousEntries) {
    out.push(`${entry.file}:${entry.line}:${entry.column}: ${entry.message} [${entry.code}]`);
  }
  return `${out.join('\n')}\n`;
}

export function runCoverage(args: ParsedArgs, io: CliIo, compiled: CompileResult, files: readonly string[]): number {
  const report = coverageReport(compiled, files);
  io.stdout(args.format === 'json' ? `${jsonForTerminal(report)}\n` : formatCoverageText(report));
  const errors = compiled.diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length;
  return errors > 0 || report.brokenAnchors.length > 0 ? EXIT_FAILURE : EXIT_OK;
}
