/**
 * User commands that change what the glossary shows (a VS Code adapter): Glossary: Change Language, which writes the
 * language setting, and Glossary: Reload Custom and Repository Glossaries.
 */
import * as vscode from 'vscode';
import { AUTO_LANGUAGE, languageEndonym, languageName, offeredLocales, resolveDisplayLocale } from '../glossary';
import { Commands, SETTINGS_SECTION, Settings } from '../ids';
import type { GlossaryService } from '../service/glossaryService';

interface LanguageItem extends vscode.QuickPickItem {
  readonly value: string;
}

/**
 * The choices of Glossary: Change Language: automatic (with the language it gives now), then every glossary locale
 * and any other locale of the term map, each named in its own language, with its name in the UI language beside it.
 * A locale without entries yet says that its terms are shown in English.
 */
export function languageItems(locales: readonly string[], current: string, uiLanguage: string): LanguageItem[] {
  const mark = (value: string, description: string): string =>
    value === current ? vscode.l10n.t('{0} (current)', description) : description;
  const automatic = resolveDisplayLocale(AUTO_LANGUAGE, uiLanguage, locales);
  const auto: LanguageItem = {
    value: AUTO_LANGUAGE,
    label: vscode.l10n.t('Automatic'),
    description: mark(AUTO_LANGUAGE, vscode.l10n.t("VS Code's display language, else English")),
    detail: vscode.l10n.t('Now: {0}', languageName(automatic, uiLanguage, 'label')),
  };
  return [
    auto,
    ...offeredLocales(locales).map((locale) => ({
      value: locale,
      label: languageEndonym(locale),
      description: mark(locale, `${languageName(locale, uiLanguage, 'label')} · ${locale}`),
      ...(locales.includes(locale)
        ? {}
        : { detail: vscode.l10n.t('No entries in this language yet: terms are shown in English.') }),
    })),
  ];
}

/**
 * Asks for the display language and writes it to the user settings (the language is a personal choice, not a
 * property of a workspace), or where a workspace overrides it. Returns the chosen value, or undefined when dismissed.
 */
async function changeLanguage(glossary: GlossaryService): Promise<string | undefined> {
  await glossary.whenReady();
  const current = glossary.settings.language;
  const items = languageItems(glossary.snapshot().termMap.locales, current, vscode.env.language);
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Glossary: Change Language'),
    placeHolder: vscode.l10n.t('Language of glossary entries'),
  });
  if (!picked) return undefined;
  const configuration = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  await configuration.update(
    Settings.language,
    picked.value,
    languageSettingTarget(configuration.inspect(Settings.language)),
  );
  return picked.value;
}

/**
 * Where a new language choice must be written to take effect: the user settings, unless the workspace already sets
 * the language, in which case writing to the user settings would change nothing visible. (The setting is
 * window-scoped, so folder settings never hold it.)
 */
export function languageSettingTarget(inspected: { workspaceValue?: unknown } | undefined): vscode.ConfigurationTarget {
  if (inspected?.workspaceValue !== undefined) return vscode.ConfigurationTarget.Workspace;
  return vscode.ConfigurationTarget.Global;
}

/** Registers the commands that act on the glossary state itself. */
export function registerGlossaryCommands(glossary: GlossaryService): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(Commands.changeLanguage, () => changeLanguage(glossary)),
    vscode.commands.registerCommand(Commands.reloadGlossaries, () => glossary.reloadCustomGlossaries()),
  );
}
