/**
 * What the user reads about the glossary files the extension compiles besides its bundled one, worded by which kind
 * each file is: a custom glossary (listed in `transformersGlossary.customGlossaries`) or the repository's own glossary
 * (`docs/source/<lang>/glossary.md`, found by discovery, which no setting names). A message about one file names its
 * kind and its path; a message about a compilation of several files names no kind and lists their paths. Pure, so
 * that the wording is unit-tested: the translator is passed in (`vscode.l10n` by ./customGlossaries.ts).
 */
import type { Localizer } from '../util/localizer';

/** One compiled file as the user sees it. */
export interface GlossaryFileLabel {
  /** The path shown: relative to the workspace for a file inside it (`docs/source/es/glossary.md`). */
  readonly name: string;
  /** True for a file found by discovery, false for one a setting lists. */
  readonly discovered: boolean;
}

/** Paths in a sentence: a list of paths needs no translation of its own. */
function names(files: readonly GlossaryFileLabel[]): string {
  return files.map((file) => file.name).join(', ');
}

/** A file refused before reading because of its size (`sizeMb` and `limitMb` already formatted). */
export function tooLargeMessage(file: GlossaryFileLabel, sizeMb: string, limitMb: string, l10n: Localizer): string {
  return file.discovered
    ? l10n.t(
        "The repository's glossary {0} is {1} MB, over the limit of {2} MB for a glossary file, and was not loaded.",
        file.name,
        sizeMb,
        limitMb,
      )
    : l10n.t(
        'The custom glossary {0} is {1} MB, over the limit of {2} MB for a custom glossary, and was not loaded. Real glossaries are far smaller: check that the setting names a glossary file.',
        file.name,
        sizeMb,
        limitMb,
      );
}

/** A file that could not be read, with the file system's reason. */
export function unreadableMessage(file: GlossaryFileLabel, reason: string, l10n: Localizer): string {
  return file.discovered
    ? l10n.t("Cannot read the repository's glossary {0}: {1}", file.name, reason)
    : l10n.t('Cannot read the custom glossary {0}: {1}', file.name, reason);
}

/**
 * The warning after a load that merged nothing because of `withErrors` (the files with compile errors, or that could
 * not be read). One file is named with its kind; several are listed (the output channel says what each one's problem is).
 */
export function hasErrorsMessage(withErrors: readonly GlossaryFileLabel[], l10n: Localizer): string {
  const [only] = withErrors;
  if (withErrors.length === 1 && only) {
    return only.discovered
      ? l10n.t(
          "The repository's glossary {0} has errors and was not loaded. The glossary loaded before stays in use.",
          only.name,
        )
      : l10n.t(
          'The custom glossary {0} has errors and was not loaded. The glossary loaded before stays in use.',
          only.name,
        );
  }
  return l10n.t(
    'These glossaries have problems and were not loaded: {0}. The glossary loaded before stays in use.',
    names(withErrors),
  );
}

/** The output lines of a clean compilation: one per file with its kind, then how many terms they gave. */
export function loadedMessages(files: readonly GlossaryFileLabel[], terms: number, l10n: Localizer): string[] {
  return [
    ...files.map((file) =>
      file.discovered
        ? l10n.t("Loaded the repository's glossary {0}.", file.name)
        : l10n.t('Loaded the custom glossary {0}.', file.name),
    ),
    l10n.t('Terms loaded from these files: {0}.', String(terms)),
  ];
}

/** Why a compilation gave no result: the compiler host's reason and detail (see CompileOutcome). */
export function compileFailureMessage(
  reason: string,
  detail: string,
  files: readonly GlossaryFileLabel[],
  l10n: Localizer,
): string {
  switch (reason) {
    case 'timeout':
      return l10n.t(
        'Compiling the glossaries ({0}) took longer than the limit of {1} and was stopped. The glossary loaded before stays in use.',
        names(files),
        detail,
      );
    case 'memory':
      return l10n.t(
        'Compiling the glossaries ({0}) needed more memory than the limit of {1} and was stopped. The glossary loaded before stays in use.',
        names(files),
        detail,
      );
    default:
      return l10n.t(
        'The glossaries ({0}) could not be compiled: {1}. The glossary loaded before stays in use.',
        names(files),
        detail,
      );
  }
}

/** The compiler worker could not start, and the files were compiled on the editor's thread instead. */
export function fallbackMessage(detail: string, l10n: Localizer): string {
  return l10n.t(
    'The glossary compiler worker could not start ({0}); the glossaries were compiled on the editor thread. Reinstall the extension.',
    detail,
  );
}
