/**
 * Construction and printing of compiler diagnostics. Every problem the compiler finds becomes one of these; the
 * compiler never throws on bad input.
 */
import type { Diagnostic, Severity } from './types';

export function diagnosticAt(severity: Severity, code: string, message: string, file: string, line: number, column: number): Diagnostic {
  return { severity, code, message, location: { file, line: Math.max(1, line), column: Math.max(1, column) } };
}

/** `file:line:column: error|warning: message`, the form compilers and editors' problem matchers understand. */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.location.file}:${d.location.line}:${d.location.column}: ${d.severity}: ${d.message}`;
}

/** Diagnostics in a stable order: by file, then position, errors before warnings at the same place. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      (a.location.file < b.location.file ? -1 : a.location.file > b.location.file ? 1 : 0) ||
      a.location.line - b.location.line ||
      a.location.column - b.location.column ||
      (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1),
  );
}
