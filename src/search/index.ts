/**
 * The search feature (a VS Code adapter): the Glossary: Search command and its quick pick over the pure items of
 * ./searchItems.ts.
 */
import * as vscode from 'vscode';
import { Commands } from '../ids';
import type { GlossaryService } from '../service/glossaryService';
import type { GlossarySnapshot } from '../service/snapshot';
import { termAtPosition } from '../editor/termAt';
import { rowLabel } from '../tree/rowLabel';
import { bestNameMatch, buildSearchItems, type SearchItemData } from './searchItems';

export interface SearchQuickPickItem extends vscode.QuickPickItem {
  readonly termId: string;
}

/**
 * Quick picks render `$(name)` as an icon in labels, descriptions and details. Glossary text is data, so the syntax is
 * broken with a zero-width space and shows as written.
 */
function withoutIcons(text: string): string;
function withoutIcons(text: string | undefined): string | undefined;
function withoutIcons(text: string | undefined): string | undefined {
  return text?.replace(/\$\(/g, '$\u200b(');
}

/** Whether two items show the same row (the fields `toQuickPickItem` writes). */
function sameItem(a: SearchQuickPickItem, b: SearchQuickPickItem): boolean {
  return a.termId === b.termId && a.label === b.label && a.description === b.description && a.detail === b.detail;
}

function toQuickPickItem(data: SearchItemData): SearchQuickPickItem {
  return {
    termId: data.termId,
    label: withoutIcons(data.label),
    description: withoutIcons(data.description),
    detail: withoutIcons(data.detail),
  };
}

/**
 * The title, in the display locale, of the term under the active editor's cursor, written as the item's label is (an
 * Arabic title in its isolates), so that the quick pick's filter finds the label it pre-fills; undefined when none.
 */
function termTitleAtCursor(glossary: GlossaryService): string | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const snapshot = glossary.snapshot();
  const found = termAtPosition(editor.document, editor.selection.active, snapshot);
  if (!found) return undefined;
  const chosen = snapshot.entryFor(found.term);
  return rowLabel(chosen.entry.title, chosen.locale);
}

/**
 * Shows Glossary: Search and returns the quick pick (tests read its items and drive its value). Accepting an item
 * opens the entry panel on it.
 */
export function showGlossarySearch(
  glossary: GlossaryService,
  initialValue = termTitleAtCursor(glossary),
): vscode.QuickPick<SearchQuickPickItem> {
  const quickPick = vscode.window.createQuickPick<SearchQuickPickItem>();
  quickPick.title = vscode.l10n.t('Glossary: Search');
  quickPick.placeholder = vscode.l10n.t(
    'Type a term in any language, an identifier, an abbreviation or words of its summary',
  );
  quickPick.matchOnDescription = true;
  quickPick.matchOnDetail = true;
  let data: SearchItemData[] = [];
  let itemsByTermId = new Map<string, SearchQuickPickItem>();
  const activateNamedTerm = (value: string): void => {
    const named = bestNameMatch(data, value);
    const item = named && itemsByTermId.get(named.termId);
    if (item) quickPick.activeItems = [item];
  };
  let filledFrom: GlossarySnapshot | undefined;
  const fill = (): void => {
    const snapshot = glossary.snapshot();
    if (snapshot === filledFrom) return;
    filledFrom = snapshot;
    data = buildSearchItems(snapshot);
    // An item that has not changed keeps its object. VS Code names the rows of an open pick by their place in the
    // list it was last given, and an Enter pressed while a new list is on its way names a row of the old one: with
    // the same objects in the same places it still names the item it showed, and with an unchanged list nothing is
    // sent at all (a glossary change that leaves the items alone, such as the docs version).
    const items = data.map((entry) => {
      const next = toQuickPickItem(entry);
      const previous = itemsByTermId.get(next.termId);
      return previous && sameItem(previous, next) ? previous : next;
    });
    itemsByTermId = new Map(items.map((item) => [item.termId, item]));
    const shown = quickPick.items;
    if (items.length !== shown.length || items.some((item, index) => item !== shown[index])) quickPick.items = items;
    activateNamedTerm(quickPick.value);
  };
  fill();
  // Custom glossaries load in the background on first use, and settings can change while the pick is open: the
  // items follow the glossary, so that "every term" stays true.
  const glossaryChanged = glossary.onDidChange(fill);
  quickPick.onDidChangeValue(activateNamedTerm);
  if (initialValue) {
    quickPick.value = initialValue;
    activateNamedTerm(initialValue);
  }
  quickPick.onDidAccept(() => {
    // Enter accepts the highlighted row. The selection can arrive empty when the row it named was replaced just
    // before (a glossary that finished loading); the active row is then the one the reader saw highlighted.
    const picked = quickPick.selectedItems[0] ?? quickPick.activeItems[0];
    if (!picked) return;
    quickPick.hide();
    // Without a locale the panel shows the display locale's entry, or its fallback when the term has none.
    void vscode.commands.executeCommand(Commands.openEntry, { termId: picked.termId });
  });
  quickPick.onDidHide(() => {
    glossaryChanged.dispose();
    quickPick.dispose();
  });
  quickPick.show();
  return quickPick;
}

/** Registers the Glossary: Search command. */
export function registerSearch(glossary: GlossaryService): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.search, () => {
    showGlossarySearch(glossary);
  });
}
