import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { GlossaryTestApi } from '../../src/extension';
import { Commands, ENTRY_PANEL_VIEW_TYPE, SETTINGS_SECTION, Settings } from '../../src/ids';
import type { EntryPanelSnapshot } from '../../src/panel/index';
import { testApi, waitFor } from './editorFeatures';

function state(api: GlossaryTestApi): EntryPanelSnapshot {
  const snapshot = api.entryPanel.currentState();
  assert.ok(snapshot, 'the entry panel is not open');
  return snapshot;
}

/** The entry panel tabs in every editor group: there must never be more than one. */
function entryPanelTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith(ENTRY_PANEL_VIEW_TYPE));
}

/** A term whose entry in `locale` refers to another term, so that there is a cross-reference to follow. */
function termWithReference(api: GlossaryTestApi, locale: string): { from: string; to: string } {
  for (const term of api.glossary.snapshot().termMap.terms) {
    const link = term.entries[locale]?.links.find(
      (l) => l.kind === 'term' && api.glossary.snapshot().term(l.termId) !== undefined,
    );
    if (link?.kind === 'term') return { from: term.id, to: link.termId };
  }
  assert.fail(`no ${locale} entry of the bundled glossary refers to another term`);
}

suite('entry panel', () => {
  let api: GlossaryTestApi;

  suiteSetup(async () => {
    api = await testApi();
    await vscode.workspace
      .getConfiguration(SETTINGS_SECTION)
      .update(Settings.language, 'en', vscode.ConfigurationTarget.Global);
  });

  suiteTeardown(async () => {
    await vscode.workspace
      .getConfiguration(SETTINGS_SECTION)
      .update(Settings.language, undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  // What the page looks like, and that its script runs under the CSP, is checked where the page can be seen: the
  // unit tests of panelHtml.ts and the UI tests in Chromium (test/e2e/panel.spec.ts), whose clicks only work when it runs.
  test('openEntry opens one panel on attention-mask, titled with its entry', async () => {
    const opened = await vscode.commands.executeCommand<boolean>(Commands.openEntry, { termId: 'attention-mask' });
    assert.equal(opened, true);
    const snapshot = state(api);
    const title = api.glossary.snapshot().term('attention-mask')?.titles.en;
    assert.equal(snapshot.termId, 'attention-mask');
    assert.equal(snapshot.locale, 'en');
    assert.equal(snapshot.isFallback, false);
    assert.equal(snapshot.title, title);
    // The workbench reports tabs asynchronously; the tab carries the title the reader sees.
    await waitFor(
      "one entry panel tab with the entry's title",
      () => entryPanelTabs().map((tab) => tab.label),
      (labels) => labels.length === 1 && labels[0] === title,
    );
  });

  test('a plain term id works as the argument, and the panel is reused', async () => {
    const opened = await vscode.commands.executeCommand<boolean>(Commands.openEntry, 'input-ids');
    assert.equal(opened, true);
    assert.equal(state(api).termId, 'input-ids');
    // The workbench reports tabs asynchronously; a second panel would show up as a second tab.
    await waitFor(
      'exactly one entry panel tab',
      () => entryPanelTabs().length,
      (n) => n === 1,
    );
  });

  test('unknown terms and malformed arguments open nothing', async () => {
    await vscode.commands.executeCommand(Commands.openEntry, { termId: 'attention-mask' });
    const before = state(api);
    assert.equal(await vscode.commands.executeCommand<boolean>(Commands.openEntry, { termId: 'no-such-term' }), false);
    assert.equal(await vscode.commands.executeCommand<boolean>(Commands.openEntry, { termId: '<script>' }), false);
    assert.equal(await vscode.commands.executeCommand<boolean>(Commands.openEntry, 42), false);
    assert.equal(
      await vscode.commands.executeCommand<boolean>(Commands.openEntry, {
        termId: 'attention-mask',
        locale: 'not a locale',
      }),
      false,
    );
    assert.deepEqual(state(api).history, before.history);
    await vscode.commands.executeCommand('notifications.clearAll');
  });

  test('a cross-reference navigates inside the panel, with Back and Forward', async () => {
    const { from, to } = termWithReference(api, 'en');
    await vscode.commands.executeCommand(Commands.openEntry, { termId: from });
    const depth = state(api).history.index;

    await api.entryPanel.handleMessage({ type: 'navigate', termId: to });
    let now = state(api);
    assert.equal(now.termId, to);
    assert.equal(now.history.index, depth + 1);
    assert.equal(now.history.entries.length, depth + 2, 'the navigation is one step of history');

    await api.entryPanel.handleMessage({ type: 'back' });
    now = state(api);
    assert.equal(now.termId, from);
    assert.equal(now.history.index, depth);
    assert.equal(now.history.entries.length, depth + 2, 'Back keeps the way forward');

    await api.entryPanel.handleMessage({ type: 'forward' });
    assert.equal(state(api).termId, to);
    assert.equal(state(api).history.index, depth + 1);
  });

  test('the locale switcher shows the Spanish entry, and navigation keeps the chosen locale', async () => {
    const term = api.glossary.snapshot().term('attention-mask');
    assert.ok(term?.entries.es, 'the bundled glossary has a Spanish attention-mask entry');
    await vscode.commands.executeCommand(Commands.openEntry, { termId: 'attention-mask' });

    await api.entryPanel.handleMessage({ type: 'switchLocale', locale: 'es' });
    const spanish = state(api);
    assert.equal(spanish.termId, 'attention-mask');
    assert.equal(spanish.requestedLocale, 'es');
    assert.equal(spanish.locale, 'es');
    assert.equal(spanish.isFallback, false);
    assert.equal(spanish.title, term.entries.es.title);

    const { from, to } = termWithReference(api, 'es');
    await vscode.commands.executeCommand(Commands.openEntry, { termId: from, locale: 'es' });
    await api.entryPanel.handleMessage({ type: 'navigate', termId: to });
    assert.equal(state(api).locale, api.glossary.snapshot().entryFor(api.glossary.snapshot().term(to)!, 'es').locale);
    assert.equal(state(api).requestedLocale, 'es');
  });

  test('a locale the term has no entry in is refused', async () => {
    await vscode.commands.executeCommand(Commands.openEntry, { termId: 'attention-mask', locale: 'en' });
    const before = state(api);
    await api.entryPanel.handleMessage({ type: 'switchLocale', locale: 'xx' });
    assert.deepEqual(state(api).history, before.history);
    assert.equal(state(api).locale, 'en');
  });

  test('malformed and unexpected messages are ignored', async () => {
    await vscode.commands.executeCommand(Commands.openEntry, { termId: 'attention-mask' });
    const before = state(api);
    let renders = 0;
    const listener = api.entryPanel.onDidRender(() => {
      renders += 1;
    });
    try {
      for (const message of [
        null,
        'back',
        { type: 'runCommand', command: 'workbench.action.terminal.new' },
        { type: 'navigate', termId: 'no-such-term' },
        { type: 'navigate', termId: '"><img src=x onerror=alert(1)>' },
        { type: 'openExternal', url: 'command:workbench.action.terminal.new' },
        // An http(s) URL the entry does not link to is refused too (no browser opens).
        { type: 'openExternal', url: 'https://example.com/not-in-this-entry' },
        // The page no longer reports renders; a message claiming to is as foreign as any other.
        { type: 'ready', render: 1 },
      ]) {
        await api.entryPanel.handleMessage(message);
      }
      assert.deepEqual(state(api).history, before.history);
      assert.equal(renders, 0, 'no message caused a render');
      // The count is live: a valid message renders once.
      await api.entryPanel.handleMessage({ type: 'switchLocale', locale: 'en' });
      assert.equal(renders, 1);
    } finally {
      listener.dispose();
    }
  });

  test('the panel follows the language setting when the reader picked no locale', async () => {
    await vscode.commands.executeCommand(Commands.openEntry, { termId: 'attention-mask' });
    assert.equal(state(api).locale, 'en');
    await vscode.workspace
      .getConfiguration(SETTINGS_SECTION)
      .update(Settings.language, 'es', vscode.ConfigurationTarget.Global);
    try {
      await waitFor(
        'the panel to re-render in Spanish',
        () => state(api).locale,
        (locale) => locale === 'es',
      );
    } finally {
      await vscode.workspace
        .getConfiguration(SETTINGS_SECTION)
        .update(Settings.language, 'en', vscode.ConfigurationTarget.Global);
    }
    await waitFor(
      'the panel to re-render in English',
      () => state(api).locale,
      (locale) => locale === 'en',
    );
  });

  test('closing the panel forgets it, and openEntry creates a new one', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await waitFor(
      'the panel to close',
      () => api.entryPanel.currentState(),
      (s) => s === undefined,
    );
    await vscode.commands.executeCommand(Commands.openEntry, { termId: 'attention-mask' });
    const reopened = state(api);
    assert.deepEqual(reopened.history, { entries: [{ termId: 'attention-mask' }], index: 0 });
    // The workbench reports the new tab asynchronously.
    await waitFor(
      'one entry panel tab',
      () => entryPanelTabs().length,
      (n) => n === 1,
    );
  });

  test('a panel restored after a reload replaces the open one, unless it was closed before the glossary was read', async () => {
    await vscode.commands.executeCommand(Commands.openEntry, { termId: 'attention-mask' });
    const restoredPanel = (): vscode.WebviewPanel =>
      vscode.window.createWebviewPanel(
        ENTRY_PANEL_VIEW_TYPE,
        'restored',
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        {},
      );

    // Closed while the serializer waits for the glossary: the panel the reader opened meanwhile stays, untouched.
    const closedEarly = restoredPanel();
    const restoring = api.entryPanel.deserialize(closedEarly, { termId: 'tokenizer' });
    closedEarly.dispose();
    await restoring;
    assert.equal(state(api).termId, 'attention-mask');

    // Still open when it is restored (the reader turned to its tab): it shows its saved entry, and the other closes.
    const shown = restoredPanel();
    await api.entryPanel.deserialize(shown, { termId: 'tokenizer' });
    assert.equal(state(api).termId, 'tokenizer');
    await waitFor(
      'one entry panel tab',
      () => entryPanelTabs().length,
      (n) => n === 1,
    );
  });
});
