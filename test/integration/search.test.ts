import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { GlossaryTestApi } from '../../src/extension';
import { Commands, Settings } from '../../src/ids';
import type { SearchQuickPickItem } from '../../src/search/index';
import { filterSearchItems } from '../helpers/quickPickFilter';
import { positionOf, setSetting, setWorkspaceSetting, englishTestApi, waitFor } from './editorFeatures';
import { openFixture } from './fixtures';

/** The term of the item VS Code's own filter makes active (the first one shown) once the quick pick shows `value`. */
async function firstMatch(
  quickPick: vscode.QuickPick<SearchQuickPickItem>,
  value: string,
  expected: string,
): Promise<void> {
  quickPick.value = value;
  await waitFor(
    `the first item shown for "${value}"`,
    () => quickPick.activeItems.map((item) => item.termId),
    (ids) => ids[0] === expected,
  );
}

suite('Glossary: Search', () => {
  let api: GlossaryTestApi;
  let open: vscode.QuickPick<SearchQuickPickItem> | undefined;

  suiteSetup(async () => {
    api = await englishTestApi();
  });

  teardown(() => {
    open?.hide();
    open = undefined;
  });

  suiteTeardown(async () => {
    await setSetting(Settings.language, undefined);
  });

  test('offers every term, labelled in the display locale, described by identifiers and abbreviations', () => {
    open = api.openSearch('');
    const items = open.items;
    const terms = api.glossary.snapshot().termMap.terms;
    assert.equal(items.length, terms.length);
    assert.deepEqual(new Set(items.map((item) => item.termId)), new Set(terms.map((term) => term.id)));
    for (const item of items) {
      const term = api.glossary.snapshot().term(item.termId)!;
      assert.equal(item.label, api.glossary.snapshot().entryFor(term).entry.title);
      assert.equal(item.detail, api.glossary.snapshot().entryFor(term).entry.summary);
      for (const form of [...term.identifiers, ...term.abbreviations]) {
        assert.ok(item.description?.includes(form), `${item.termId} lacks ${form}`);
      }
    }
    assert.ok(open.matchOnDescription && open.matchOnDetail, 'the filter reads descriptions and details');
  });

  test('typing a Spanish title, an abbreviation or an identifier finds the term', () => {
    open = api.openSearch('');
    const items = open.items.map((item) => ({
      termId: item.termId,
      label: item.label,
      description: item.description ?? '',
      detail: item.detail ?? '',
    }));
    assert.ok(
      filterSearchItems(items, 'máscara').some((item) => item.termId === 'attention-mask'),
      '"máscara" finds attention mask',
    );
    assert.ok(
      filterSearchItems(items, 'MLM').some((item) => item.termId === 'masked-language-modeling-mlm'),
      '"MLM" finds masked language modeling',
    );
    assert.ok(filterSearchItems(items, 'input_ids').some((item) => item.termId === 'input-ids'));
  });

  test('typing a title in another locale or an abbreviation makes that term the active item', async () => {
    open = api.openSearch('');
    const spanishTitle = api.glossary.snapshot().term('attention-mask')!.titles.es!;
    await firstMatch(open, spanishTitle, 'attention-mask');
    await firstMatch(open, 'MLM', 'masked-language-modeling-mlm');
  });

  test('is pre-filled with the term under the cursor', async () => {
    const editor = await openFixture('sample.py');
    const position = positionOf(editor.document, 'attention_mask =', 3);
    editor.selection = new vscode.Selection(position, position);
    open = api.openSearch();
    assert.equal(
      open.value,
      api.glossary.snapshot().entryFor(api.glossary.snapshot().term('attention-mask')!).entry.title,
    );
  });

  test('an open search follows the glossary: custom terms that finish loading appear in it', async () => {
    open = api.openSearch('');
    assert.ok(!open.items.some((item) => item.termId === 'hostile-example'));
    try {
      await setWorkspaceSetting(Settings.customGlossaries, ['hostile-glossary.md']);
      await vscode.commands.executeCommand(Commands.reloadGlossaries);
      const search = open;
      await waitFor(
        'the custom term in the open search',
        () => search.items.some((item) => item.termId === 'hostile-example'),
        (found) => found,
      );
      // Glossary text is data: an icon reference in it shows as written, not as an icon.
      const hostile = search.items.find((item) => item.termId === 'hostile-example')!;
      assert.ok(
        api.glossary.snapshot().term('hostile-example')!.entries.en!.summary.includes('$(alert)'),
        'the fixture really holds an icon reference',
      );
      assert.ok(!hostile.detail?.includes('$(alert)'), hostile.detail);
    } finally {
      await setWorkspaceSetting(Settings.customGlossaries, undefined);
      await vscode.commands.executeCommand(Commands.reloadGlossaries);
    }
  });

  test('an open search keeps its items when a glossary change leaves them alone, so that Enter names the row shown', async () => {
    open = api.openSearch('attention mask');
    const search = open;
    await waitFor(
      'the named term to be active',
      () => search.activeItems.map((item) => item.termId),
      (ids) => ids[0] === 'attention-mask',
    );
    const shown = search.items;
    const before = api.glossary.snapshot();
    // The search hears of a change through this event, before this later listener.
    const changed = new Promise<void>((resolve) => {
      const listener = api.glossary.onDidChange(() => {
        listener.dispose();
        resolve();
      });
    });
    // The docs version changes every link and no row: the snapshot is new, the items are not.
    await setSetting(Settings.docsVersion, 'v4.57.0');
    try {
      await changed;
      assert.notEqual(api.glossary.snapshot(), before);
      assert.equal(search.items, shown, 'the list was not sent again');
      assert.deepEqual(
        search.activeItems.map((item) => item.termId),
        ['attention-mask'],
      );
    } finally {
      await setSetting(Settings.docsVersion, undefined);
    }
  });

  test('labels items in Spanish when the display language is Spanish', async () => {
    await setSetting(Settings.language, 'es');
    try {
      await waitFor(
        'the display locale',
        () => api.glossary.snapshot().displayLocale,
        (locale) => locale === 'es',
      );
      open = api.openSearch('');
      const item = open.items.find((i) => i.termId === 'attention-mask')!;
      const term = api.glossary.snapshot().term('attention-mask')!;
      assert.equal(item.label, term.entries.es!.title);
      assert.ok(item.description?.includes(term.entries.en!.title), 'the English title stays searchable');
    } finally {
      await setSetting(Settings.language, 'en');
    }
  });
});
