import * as vscode from 'vscode';
import { AUTO_LANGUAGE, readConfig } from '../config';
import { Commands, SETTINGS_SECTION, Settings } from '../ids';
import type { GlossaryServiceImpl } from './glossaryService';
import { languageEndonym, languageName } from './locales';

interface LanguageItem extends vscode.QuickPickItem {
  readonly value: string;
}

/** The choices of Glossary: Change Language: automatic, then every locale of the term map named in its own language. */
export function languageItems(locales: readonly string[], current: string, uiLanguage: string): LanguageItem[] {
  const mark = (value: string, description: string): string => (value === current ? vscode.l10n.t('{0} (current)', description) : description);
  const auto: LanguageItem = {
    value: AUTO_LANGUAGE,
    label: vscode.l10n.t('Automatic'),
    description: mark(AUTO_LANGUAGE, vscode.l10n.t("VS Code's display language, else English")),
  };
  return [
    auto,
    ...locales.map((locale) => ({
      value: locale,
      label: languageEndonym(locale),
      description: mark(locale, `${languageName(locale, uiLanguage)} · ${locale}`),
    })),
  ];
}

/**
 * Asks for the display language and writes it to the user settings (the language is a personal choice, not a
 * property of a workspace). Returns the chosen value, or undefined when the pick was dismissed.
 */
export async function changeLanguage(glossary: GlossaryServiceImpl): Promise<string | undefined> {
  const current = readConfig().language;
  const items = languageItems(glossary.termMap().locales, current, vscode.env.language);
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Glossary: Change Language'),
    placeHolder: vscode.l10n.t('Language of glossary entries'),
  });
  if (!picked) return undefined;
  await vscode.workspace.getConfiguration(SETTINGS_SECTION).update(Settings.language, picked.value, vscode.ConfigurationTarget.Global);
  return picked.value;
}

/** Registers the commands that act on the glossary state itself. */
export function registerGlossaryCommands(glossary: GlossaryServiceImpl): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(Commands.changeLanguage, () => changeLanguage(glossary)),
    vscode.commands.registerCommand(Commands.reloadGlossaries, () => glossary.reloadCustomGlossaries()),
  );
}
