/**
 * Command-line parsing for `transformers-glossary`. Small and strict on purpose: an unknown option or a missing
 * value is a usage error with a one-line message, never a guess.
 */

type CommandName = 'check' | 'build' | 'lookup' | 'scan' | 'lint' | 'coverage';

export interface ParsedArgs {
  readonly command: CommandName | 'help' | 'version';
  readonly positionals: readonly string[];
  readonly out?: string;
  readonly lang?: string;
  readonly json: boolean;
  /** Glossary sources given with `--glossary`; undefined means "use the bundled term map". */
  readonly glossary?: readonly string[];
  /** `--format` of `lint` (text, json, github, sarif) and `coverage` (text, json); undefined means text. */
  readonly format?: OutputFormat;
  /** `lint --fix`: apply the fixes in place. */
  readonly fix: boolean;
}

type OutputFormat = 'text' | 'json' | 'github' | 'sarif';

export class UsageError extends Error {}

const COMMANDS: readonly CommandName[] = ['check', 'build', 'lookup', 'scan', 'lint', 'coverage'];

/** Which options each command accepts; anything else is a usage error rather than silently ignored. */
const ALLOWED_OPTIONS: Record<CommandName, readonly string[]> = {
  check: [],
  build: ['--out'],
  lookup: ['--lang', '--glossary'],
  scan: ['--json', '--glossary'],
  lint: ['--lang', '--glossary', '--format', '--fix'],
  coverage: ['--format'],
};

const FORMATS: Readonly<Record<'lint' | 'coverage', readonly OutputFormat[]>> = {
  lint: ['text', 'json', 'github', 'sarif'],
  coverage: ['text', 'json'],
};

export function parseArgs(argv: readonly string[]): ParsedArgs {
  if (argv.length === 0) return { command: 'help', positionals: [], json: false, fix: false };
  if (argv.includes('--help') || argv.includes('-h') || argv[0] === 'help') {
    return { command: 'help', positionals: [], json: false, fix: false };
  }
  if (argv.includes('--version') || argv.includes('-V')) {
    return { command: 'version', positionals: [], json: false, fix: false };
  }

  const [commandArg, ...rest] = argv;
  if (!COMMANDS.includes(commandArg as CommandName)) {
    throw new UsageError(
      commandArg!.startsWith('-')
        ? `unknown option '${commandArg}' (try --help)`
        : `unknown command '${commandArg}' (try --help)`,
    );
  }
  const command = commandArg as CommandName;
  const allowed = ALLOWED_OPTIONS[command];

  const positionals: string[] = [];
  let out: string | undefined;
  let lang: string | undefined;
  let json = false;
  let glossary: string[] | undefined;
  let format: OutputFormat | undefined;
  let fix = false;
  let optionsEnded = false;

  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (optionsEnded || !arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    if (arg === '--') {
      optionsEnded = true;
      continue;
    }
    const equals = arg.indexOf('=');
    const name = equals === -1 ? arg : arg.slice(0, equals);
    const inlineValue = equals === -1 ? undefined : arg.slice(equals + 1);
    if (!allowed.includes(name)) throw new UsageError(`'${command}' does not take the option '${name}' (try --help)`);

    const takeValue = (): string => {
      if (inlineValue !== undefined) {
        if (inlineValue === '') throw new UsageError(`${name} needs a value`);
        return inlineValue;
      }
      const value = rest[i + 1];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`${name} needs a value`);
      i++;
      return value;
    };

    switch (name) {
      case '--out':
        out = takeValue();
        break;
      case '--lang':
        lang = takeValue();
        if (!/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})?$/.test(lang)) {
          throw new UsageError(`--lang wants a language code such as 'en' or 'es', not '${lang}'`);
        }
        break;
      case '--json':
        if (inlineValue !== undefined) throw new UsageError('--json takes no value');
        json = true;
        break;
      case '--fix':
        if (inlineValue !== undefined) throw new UsageError('--fix takes no value');
        fix = true;
        break;
      case '--format': {
        const value = takeValue();
        const formats = FORMATS[command as 'lint' | 'coverage'];
        if (!formats.includes(value as OutputFormat)) {
          throw new UsageError(`--format wants one of ${formats.join(', ')}, not '${value}'`);
        }
        format = value as OutputFormat;
        break;
      }
      case '--glossary': {
        glossary ??= [];
        if (inlineValue !== undefined) {
          for (const file of inlineValue.split(',')) if (file !== '') glossary.push(file);
          break;
        }
        // `--glossary a.md b.md`: every following argument up to the next option is a glossary file.
        const before = glossary.length;
        while (i + 1 < rest.length && !rest[i + 1]!.startsWith('--')) glossary.push(rest[++i]!);
        if (glossary.length === before) throw new UsageError('--glossary needs at least one file');
        break;
      }
    }
  }

  switch (command) {
    case 'check':
    case 'build':
      if (positionals.length === 0) throw new UsageError(`'${command}' needs at least one glossary file`);
      break;
    case 'scan':
      if (positionals.length === 0) throw new UsageError("'scan' needs at least one file to scan");
      break;
    case 'lookup':
      if (positionals.length === 0) throw new UsageError("'lookup' needs a term or identifier");
      break;
    case 'lint':
      if (positionals.length === 0) throw new UsageError("'lint' needs at least one file or folder");
      break;
    case 'coverage':
      if (positionals.length === 0) throw new UsageError("'coverage' needs at least one glossary file");
      break;
  }
  // An option not given is left out rather than set to undefined, as `format` already was: ParsedArgs says
  // "absent" for each of them.
  return {
    command,
    positionals,
    ...(out !== undefined ? { out } : {}),
    ...(lang !== undefined ? { lang } : {}),
    json,
    ...(glossary !== undefined ? { glossary } : {}),
    ...(format ? { format } : {}),
    fix,
  };
}

export const HELP_TEXT = `Usage: transformers-glossary <command> [options]

Commands:
  check <glossary files…>                      Print the diagnostics of glossary files; exit 1 on errors.
  build <glossary files…> [--out FILE]         Compile glossary files into a term map (JSON on stdout, or
                                               written to FILE atomically, and never when there are errors).
  lookup <term or identifier> [--lang xx] [--glossary files…]
                                               Print a glossary entry: by id, title, identifier, alias or
                                               abbreviation. Suggests close names when nothing matches.
  scan <files…> [--json] [--glossary files…]   List every glossary term found in files (.py as Python code,
                                               everything else as Markdown prose). --json prints
                                               [{ file, line, column, length, text, termId }] (1-based, UTF-16).
  lint <files or folders…> [--lang xx] [--glossary files…] [--format text|json|github|sarif] [--fix]
                                               Check the terminology of Markdown pages against the glossary:
                                               avoided forms, untranslated English terms, broken glossary
                                               anchors. A page's language comes from docs/source/<lang>/ or
                                               --lang. github prints workflow annotations, sarif a SARIF 2.1.0
                                               log. --fix rewrites the fixable findings in place. Exit 1 on an
                                               error-severity finding.
  coverage <glossary files…> [--format text|json]
                                               A table of terms × locales (present, missing, kept in English),
                                               broken anchors, and entries that look untranslated or truncated.

Options:
  --glossary FILE…  Use these glossary sources (.md, or a term map .json) instead of the bundled glossary.
                    Takes every following argument up to the next option; --glossary=a.md,b.md also works.
  --help, -h        Show this help.
  --version, -V     Show the version.

Exit status: 0 on success, 1 on glossary errors or a term not found, 2 on bad arguments or unreadable files.
`;
