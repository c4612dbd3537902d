/**
 * The language server's settings, read from whatever a client sends: `initializationOptions` at start-up and the
 * `settings` of `workspace/didChangeConfiguration` later. Clients nest them differently (Neovim and Helix pass the
 * object as written, VS Code-style clients under the section name), so both `{ transformersGlossary: {...} }` and the
 * bare object are accepted. Everything arrives as untrusted JSON: a value of the wrong type is dropped, never thrown.
 */
import { SETTINGS_SECTION } from '../ids';
import {
  SETTING_DEFAULTS,
  settingBoolean,
  settingDocsVersion,
  settingString,
  settingStringList,
} from '../settingValues';

export interface ServerSettings {
  /** A glossary locale, or `auto` for the client's locale (`initialize`'s `locale`, else the `LANG` environment). */
  readonly language: string;
  readonly docsVersion: string;
  readonly ignoredTerms: readonly string[];
  /** Glossary files: absolute, `~/...`, or relative to each workspace folder. */
  readonly customGlossaries: readonly string[];
  /** Whether `docs/source/<lang>/glossary.md` files of the workspace folders are compiled with the bundled glossary. */
  readonly discovery: boolean;
  /** Completion of glossary terms in Markdown prose: off unless asked for, as it competes with other completions. */
  readonly completion: boolean;
  /**
   * The locale of Markdown documents whose path does not say it (`docs/source/<lang>/...` does): the terminology check
   * runs on them in this locale. Empty: such documents are not checked.
   */
  readonly documentLanguage: string;
  /** Term ids or forms the terminology check never reports (`check.ignore`), besides the ignored terms. */
  readonly checkIgnore: readonly string[];
}

export const DEFAULT_SETTINGS: ServerSettings = {
  language: SETTING_DEFAULTS.language,
  docsVersion: SETTING_DEFAULTS.docsVersion,
  ignoredTerms: [],
  customGlossaries: [],
  discovery: SETTING_DEFAULTS.discoverGlossaries,
  completion: false,
  documentLanguage: '',
  checkIgnore: [],
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The first of `keys` whose value is a boolean. */
function firstBoolean(source: Record<string, unknown>, keys: readonly string[]): boolean | undefined {
  for (const key of keys) {
    const value = settingBoolean(read(source, key));
    if (value !== undefined) return value;
  }
  return undefined;
}

/** A dotted key (`completion.enabled`) or its nested spelling (`completion: { enabled }`). */
function read(source: Record<string, unknown>, key: string): unknown {
  if (Object.hasOwn(source, key)) return source[key];
  const [head, ...rest] = key.split('.');
  if (rest.length === 0 || head === undefined) return undefined;
  const inner = Object.hasOwn(source, head) ? source[head] : undefined;
  return isRecord(inner) ? read(inner, rest.join('.')) : undefined;
}

/**
 * The settings in `value` laid over `base`: keys that are missing or malformed keep their value from `base`, so that a
 * client which sends only what changed (or sends garbage) never resets the rest.
 */
export function readSettings(value: unknown, base: ServerSettings = DEFAULT_SETTINGS): ServerSettings {
  if (!isRecord(value)) return base;
  const section = Object.hasOwn(value, SETTINGS_SECTION) ? value[SETTINGS_SECTION] : value;
  if (!isRecord(section)) return base;
  // `discoverGlossaries` is the VS Code setting's name; `discovery` is accepted as well. Each switch may be written
  // as a boolean or as `{ enabled }`, nested or dotted.
  const discoveryEnabled = firstBoolean(section, [
    'discoverGlossaries',
    'discoverGlossaries.enabled',
    'discovery',
    'discovery.enabled',
  ]);
  const completionEnabled = firstBoolean(section, ['completion.enabled', 'completion']);
  return {
    language: settingString(read(section, 'language')) ?? base.language,
    docsVersion: settingDocsVersion(read(section, 'docsVersion')) ?? base.docsVersion,
    ignoredTerms: settingStringList(read(section, 'ignoredTerms')) ?? base.ignoredTerms,
    customGlossaries: settingStringList(read(section, 'customGlossaries')) ?? base.customGlossaries,
    discovery: discoveryEnabled ?? base.discovery,
    completion: completionEnabled ?? base.completion,
    documentLanguage: readDocumentLanguage(read(section, 'documentLanguage')) ?? base.documentLanguage,
    checkIgnore: settingStringList(read(section, 'check.ignore')) ?? base.checkIgnore,
  };
}

/** A locale tag, or `''` for "not set" (also spelled `off` or `auto`); undefined when the value is not one. */
function readDocumentLanguage(value: unknown): string | undefined {
  if (value === null || value === '') return '';
  const tag = settingString(value);
  if (tag === undefined) return undefined;
  if (tag === 'off' || tag === 'auto') return '';
  return /^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$/.test(tag) ? tag : undefined;
}

/**
 * The client's language as a BCP 47 tag: `initialize`'s `locale` when the client sends one, else the POSIX locale
 * of the environment (`es_ES.UTF-8` → `es-ES`), else English.
 */
export function clientLocale(initializeLocale: unknown, env: NodeJS.ProcessEnv): string {
  const fromClient = settingString(initializeLocale);
  if (fromClient !== undefined) return fromClient;
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG'] as const) {
    const raw = env[name];
    if (raw === undefined || raw === '' || raw === 'C' || raw === 'POSIX') continue;
    const tag = raw.split(/[.@]/)[0]?.replace(/_/g, '-');
    if (tag !== undefined && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(tag)) return tag;
  }
  return 'en';
}
