/**
 * The output formats of `lint`: text lines like the compiler's diagnostics, GitHub Actions workflow annotations,
 * and a SARIF 2.1.0 log (what GitHub code scanning and most CI dashboards read). Lines and columns are 1-based;
 * columns count UTF-16 code units, as VS Code and GitHub do, and the SARIF run says so (`columnKind`).
 */
import { englishReader, quickFixTitle, type FindingCode, type FindingSeverity } from '../terminology';
import { plural } from './io';

export interface LintRecord {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly code: FindingCode;
  readonly severity: FindingSeverity;
  readonly message: string;
  readonly termId: string;
  readonly text: string;
  /** The replacement the first fix writes, if the finding has one. */
  readonly fix?: string;
}

/** `file:line:column: severity: message [code]` per finding, then a summary line. */
export function formatText(records: readonly LintRecord[], checkedFiles: number): string {
  const lines = records.map((r) => `${r.file}:${r.line}:${r.column}: ${r.severity}: ${r.message} [${r.code}]\n`);
  const count = (severity: FindingSeverity): number => records.filter((r) => r.severity === severity).length;
  lines.push(
    `${plural(checkedFiles, 'file')} checked: ${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, ${count('information')} information\n`,
  );
  return lines.join('');
}

/** GitHub's escaping of an annotation's message. */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** GitHub's escaping of an annotation's property values (file names, titles). */
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const GITHUB_COMMANDS: Readonly<Record<FindingSeverity, string>> = {
  error: 'error',
  warning: 'warning',
  information: 'notice',
};

/** One `::warning file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message` workflow command per finding. */
export function formatGithub(records: readonly LintRecord[]): string {
  return records
    .map((r) => {
      const properties = [
        `file=${escapeProperty(r.file.replace(/\\/g, '/'))}`,
        `line=${r.line}`,
        `col=${r.column}`,
        `endLine=${r.endLine}`,
        `endColumn=${r.endColumn}`,
        `title=${escapeProperty(`terminology: ${r.code}`)}`,
      ].join(',');
      return `::${GITHUB_COMMANDS[r.severity]} ${properties}::${escapeData(r.message)}\n`;
    })
    .join('');
}

const SARIF_LEVELS: Readonly<Record<FindingSeverity, string>> = {
  error: 'error',
  warning: 'warning',
  information: 'note',
};

const RULES: Readonly<Record<FindingCode, string>> = {
  'avoided-term': 'A form the glossary lists under avoid: for the page’s language.',
  'english-term': 'The English form of a term the page’s language translates.',
  'unknown-anchor': 'A glossary link or heading marker that names no term or heading.',
};

/** A SARIF 2.1.0 log of one run, with each finding's fix as a replacement. */
export function formatSarif(records: readonly LintRecord[], version: string): unknown {
  const uri = (file: string): string => encodeURI(file.replace(/\\/g, '/'));
  const region = (r: LintRecord): Record<string, number> => ({
    startLine: r.line,
    startColumn: r.column,
    endLine: r.endLine,
    endColumn: r.endColumn,
  });
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'transformers-glossary',
            version,
            rules: Object.entries(RULES).map(([id, text]) => ({ id, shortDescription: { text } })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: records.map((r) => ({
          ruleId: r.code,
          level: SARIF_LEVELS[r.severity],
          message: { text: r.message },
          locations: [{ physicalLocation: { artifactLocation: { uri: uri(r.file) }, region: region(r) } }],
          partialFingerprints: { termAndText: `${r.termId}:${r.text}` },
          ...(r.fix !== undefined
            ? {
                fixes: [
                  {
                    description: { text: quickFixTitle(r.fix, englishReader.l10n) },
                    artifactChanges: [
                      {
                        artifactLocation: { uri: uri(r.file) },
                        replacements: [{ deletedRegion: region(r), insertedContent: { text: r.fix } }],
                      },
                    ],
                  },
                ],
              }
            : {}),
        })),
      },
    ],
  };
}
