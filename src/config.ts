import * as vscode from 'vscode';
import { SETTINGS_SECTION, Settings, settingKey } from './ids';
import {
  SETTING_DEFAULTS,
  settingBoolean,
  settingDocsVersion,
  settingString,
  settingStringList,
} from './settingValues';

/**
 * A typed, immutable snapshot of the extension's settings. Only the glossary service calls readConfig; features ask
 * the service for its `settings`.
 */
export interface GlossaryConfig {
  readonly language: string;
  readonly hoverEnabled: boolean;
  readonly hoverAdditionalLanguages: readonly string[];
  readonly ignoredTerms: readonly string[];
  readonly docsVersion: string;
}

/** A list setting by the rule both faces share; anything that is not a list reads as empty. */
function stringArray(value: unknown): string[] {
  return settingStringList(value) ?? [];
}

export function readConfig(): GlossaryConfig {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  return {
    language: settingString(config.get<unknown>(Settings.language)) ?? SETTING_DEFAULTS.language,
    hoverEnabled: config.get<unknown>(Settings.hoverEnabled) !== false,
    hoverAdditionalLanguages: stringArray(config.get<unknown>(Settings.hoverAdditionalLanguages)),
    ignoredTerms: stringArray(config.get<unknown>(Settings.ignoredTerms)),
    docsVersion: settingDocsVersion(config.get<unknown>(Settings.docsVersion)) ?? SETTING_DEFAULTS.docsVersion,
  };
}

/**
 * The custom glossary paths of every workspace folder (the setting is resource-scoped), each with the folder it is
 * relative to. Paths listed in user settings resolve against every folder and, when absolute, stand as they are.
 */
export function readCustomGlossaryPaths(): { path: string; folder: vscode.WorkspaceFolder | undefined }[] {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const scopes: (vscode.WorkspaceFolder | undefined)[] = folders.length > 0 ? [...folders] : [undefined];
  const result: { path: string; folder: vscode.WorkspaceFolder | undefined }[] = [];
  for (const folder of scopes) {
    const paths = stringArray(
      vscode.workspace.getConfiguration(SETTINGS_SECTION, folder?.uri).get<unknown>(Settings.customGlossaries),
    );
    for (const path of paths) result.push({ path, folder });
  }
  return result;
}

/**
 * The workspace folders in which the repository's own glossaries (`docs/source/<lang>/glossary.md`) are looked for:
 * every folder whose settings leave `transformersGlossary.discoverGlossaries` on (the default).
 */
export function readDiscoveryFolders(): vscode.WorkspaceFolder[] {
  return (vscode.workspace.workspaceFolders ?? []).filter(
    (folder) =>
      settingBoolean(
        vscode.workspace.getConfiguration(SETTINGS_SECTION, folder.uri).get<unknown>(Settings.discoverGlossaries),
      ) ?? SETTING_DEFAULTS.discoverGlossaries,
  );
}

/**
 * Which refresh a configuration change needs. Settings are classified once, here, so that no feature listens to a
 * key it does not depend on:
 * - `display`: what entries say and link to (language, docs version): views re-render, hovers read fresh state;
 * - `matcher`: which terms are matched (ignored terms): the matcher index is rebuilt;
 * - `customGlossaries`: the custom glossary files are recompiled and merged;
 * - `discovery`: the repository's own glossaries are looked for again, and recompiled with the custom ones;
 * - `hoverRegistration`: the hover provider is registered again for the new languages, or removed.
 */
export interface ConfigChange {
  readonly display: boolean;
  readonly matcher: boolean;
  readonly customGlossaries: boolean;
  readonly discovery: boolean;
  readonly hoverRegistration: boolean;
}

export function classifyConfigChange(event: vscode.ConfigurationChangeEvent): ConfigChange {
  const affects = (key: (typeof Settings)[keyof typeof Settings]): boolean =>
    event.affectsConfiguration(settingKey(key));
  return {
    display: affects(Settings.language) || affects(Settings.docsVersion),
    matcher: affects(Settings.ignoredTerms),
    customGlossaries: affects(Settings.customGlossaries),
    discovery: affects(Settings.discoverGlossaries),
    hoverRegistration: affects(Settings.hoverEnabled) || affects(Settings.hoverAdditionalLanguages),
  };
}

/** What the terminology check of one document reads from the settings of its folder (all four are resource-scoped). */
export interface TerminologyCheckConfig {
  readonly enabled: boolean;
  /** The `documentLanguage` setting, or undefined when it is empty or not a language tag. */
  readonly documentLanguage: string | undefined;
  /** Term ids or forms never reported. */
  readonly ignore: readonly string[];
  readonly englishTermSeverity: 'error' | 'warning' | 'information' | 'off';
}

const SEVERITY_VALUES = ['error', 'warning', 'information', 'off'] as const;

/** The check settings that apply to the document at `scope` (its workspace folder's, else the user's). */
export function readTerminologyCheckConfig(scope: vscode.Uri | undefined): TerminologyCheckConfig {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION, scope);
  const language = config.get<unknown>(Settings.documentLanguage);
  const severity = config.get<unknown>(Settings.checkEnglishTermSeverity);
  return {
    enabled: config.get<unknown>(Settings.checkEnabled) !== false,
    // The manifest's pattern already asks for a lower-case tag; a hand-edited value of another shape is ignored.
    documentLanguage:
      typeof language === 'string' && /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/.test(language.trim())
        ? language.trim()
        : undefined,
    ignore: stringArray(config.get<unknown>(Settings.checkIgnore)),
    englishTermSeverity: SEVERITY_VALUES.find((value) => value === severity) ?? 'information',
  };
}

/** Whether a configuration change touches a setting of the terminology check. */
export function affectsTerminologyCheck(event: vscode.ConfigurationChangeEvent): boolean {
  return [
    Settings.documentLanguage,
    Settings.checkEnabled,
    Settings.checkIgnore,
    Settings.checkEnglishTermSeverity,
  ].some((key) => event.affectsConfiguration(settingKey(key)));
}
