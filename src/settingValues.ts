/**
 * The values of the settings both faces with settings read, by one rule: the VS Code extension (src/config.ts, from
 * `vscode.workspace.getConfiguration`) and the language server (src/lsp/settings.ts, from the JSON a client sends).
 * Settings are hand-written, so a value of the wrong shape is dropped, never thrown: each reader returns undefined
 * for a value it does not accept, and the face falls back to the default here (the language server, to the value it
 * had before). Pure: no `vscode`, no Node.
 */
import { AUTO_LANGUAGE } from './glossary';

/** The defaults of the settings both faces read (package.json declares the same for VS Code). */
export const SETTING_DEFAULTS = {
  /** `auto`: the editor's (or the client's) display language. */
  language: AUTO_LANGUAGE,
  docsVersion: 'main',
  discoverGlossaries: true,
} as const;

/** How many entries a list setting keeps: settings are hand-written, a list of thousands is a mistake. */
const MAX_LIST_ITEMS = 1000;
/** How long one string of a setting may be. */
const MAX_STRING_LENGTH = 4096;

/** A non-empty string, trimmed. */
export function settingString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' && value.length <= MAX_STRING_LENGTH
    ? value.trim()
    : undefined;
}

/** A list of non-empty strings, trimmed; the items that are not one are dropped, not the list. */
export function settingStringList(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value
    .slice(0, MAX_LIST_ITEMS)
    .map(settingString)
    .filter((item): item is string => item !== undefined);
}

/** The docs version, trimmed. An empty one is meaningful (the latest release), so it is kept. */
export function settingDocsVersion(value: unknown): string | undefined {
  return typeof value === 'string' && value.length <= MAX_STRING_LENGTH ? value.trim() : undefined;
}

/** A switch: a boolean, or undefined for anything else (the face's default then applies). */
export function settingBoolean(value: unknown): boolean | undefined {
  return typeof value === 'boolean' ? value : undefined;
}
