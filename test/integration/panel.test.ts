import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { GlossaryTestApi } from '../../src/extension';
import { Commands, ENTRY_PANEL_VIEW_TYPE, EXTENSION_ID, SETTINGS_SECTION, Settings } from '../../src/ids';
import type { EntryPanelSnapshot } from '../../src/panel/index';

async function testApi(): Promise<GlossaryTestApi> {
  const extension = vscode.extensions.getExtension<GlossaryTestApi>(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not loaded`);
  return extension.activate();
}

/** Polls `read` until `accept` holds; fails with the last value seen when it never does. */
async function waitFor<T>(what: string, read: () => T, accept: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = read();
  while (!accept(value)) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}; last value: ${JSON.stringify(value, null, 2)?.slice(0, 2000)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    value = read();
  }
  return value;
}

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

/** The `data-term` targets of the entry shown, in document order. */
function termLinks(html: string): string[] {
  return [...html.matchAll(/data-term="([^"]+)"/g)].map((m) => m[1]!);
}

/** A term whose entry in `locale` refers to another term, so that there is a cross-reference to follow. */
function termWithReference(api: GlossaryTestApi, locale: string): { from: string; to: string } {
  for (const term of api.glossary.snapshot().termMap.terms) {
    const link = term.entries[locale]?.links.find((l) => l.kind === 'term' && api.glossary.snapshot().term(l.termId) !== undefined);
    if (link?.kind === 'term') return { from: term.id, to: link.termId };
  }
  assert.fail(`no ${locale} entry of the bundled glossary refers to another term`);
}

suite('entry panel', () => {
  let api: GlossaryTestApi;

  suiteSetup(async () => {
    api = await testApi();
    await vscode.workspace.getConfiguration(SETTINGS_SECTION).update(Settings.language, 'en', vscode.ConfigurationTarget.Global);
  });

  suiteTeardown(async () => {
    await vscode.workspace.getConfiguration(SETTINGS_SECTION).update(Settings.language, undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('openEntry opens the panel on attention-mask and its script runs', async () => {
    const opened = await vscode.commands.executeCommand<boolean>(Commands.openEntry, { termId: 'attention-mask' });
    assert.equal(opened, true);
    const snapshot = state(api);
    assert.equal(snapshot.termId, 'attention-mask');
    assert.equal(snapshot.locale, 'en');
    assert.equal(snapshot.title, api.glossary.snapshot().term('attention-mask')?.titles.en);
    assert.match(snapshot.html, /<h1 lang="en" dir="ltr">[^<]*attention mask/i);
    assert.match(snapshot.html, /<code>attention_mask<\/code>/);
    assert.match(snapshot.html, /Content-Security-Policy" content="default-src &#39;none&#39;/);
    assert.match(snapshot.html, /glossary#attention-mask" data-external="true"/);
    assert.doesNotMatch(snapshot.html, /<iframe/);
    // The page's script reports back only if the CSP let the nonce script run.
    await waitFor('the webview script to report ready', () => state(api).ready, (ready) => ready);
    assert.equal(entryPanelTabs().length, 1);
  });

  test('a plain term id works as the argument, and the panel is reused', async () => {
    const opened = await vscode.commands.executeCommand<boolean>(Commands.openEntry, 'input-ids');
    assert.equal(opened, true);
    assert.equal(state(api).termId, 'input-ids');
    // The workbench reports tabs asynchronously; a second panel would show up as a second tab.
    await waitFor('exactly one entry panel tab', () => entryPanelTabs().length, (n) => n === 1);
  });

  test('unknown terms and malformed arguments open nothing', async () => {
    await vscode.commands.executeCommand(Commands.openEntry, { termId: 'attention-mask' });
    const before = state(api);
    assert.equal(await vscode.commands.executeCommand<boolean>(Commands.openEntry, { termId: 'no-such-term' }), false);
    assert.equal(await vscode.commands.executeCommand<boolean>(Commands.openEntry, { termId: '<script>' }), false);
    assert.equal(await vscode.commands.executeCommand<boolean>(Commands.openEntry, 42), false);
    assert.equal(await vscode.commands.executeCommand<boolean>(Commands.openEntry, { termId: 'attention-mask', locale: 'not a locale' }), false);
    assert.deepEqual(state(api).history, before.history);
    await vscode.commands.executeCommand('notifications.clearAll');
  });

  test('a cross-reference navigates inside the panel, with Back and Forward', async () => {
    const { from, to } = termWithReference(api, 'en');
    await vscode.commands.executeCommand(Commands.openEntry, { termId: from });
    const shown = state(api);
    assert.ok(termLinks(shown.html).includes(to), `the ${from} entry links to ${to}`);
    const depth = shown.history.index;

    await api.entryPanel.handleMessage({ type: 'navigate', termId: to });
    let now = state(api);
    assert.equal(now.termId, to);
    assert.equal(now.history.index, depth + 1);
    assert.match(now.html, /data-action="back"[^>]*aria-label="[^"]*">/);
    assert.doesNotMatch(now.html, /data-action="back"[^>]* disabled>/, 'Back is enabled after a navigation');

    await api.entryPanel.handleMessage({ type: 'back' });
    now = state(api);
    assert.equal(now.termId, from);
    assert.doesNotMatch(now.html, /data-action="forward"[^>]* disabled>/, 'Forward is enabled after Back');

    await api.entryPanel.handleMessage({ type: 'forward' });
    assert.equal(state(api).termId, to);
    await waitFor('the page after navigation to report ready', () => state(api).ready, (ready) => ready);
  });

  test('the locale switcher shows the Spanish entry, and navigation keeps the chosen locale', async () => {
    const term = api.glossary.snapshot().term('attention-mask');
    assert.ok(term?.entries.es, 'the bundled glossary has a Spanish attention-mask entry');
    await vscode.commands.executeCommand(Commands.openEntry, { termId: 'attention-mask' });
    assert.match(state(api).html, /data-locale="es"/, 'the switcher offers Spanish');

    await api.entryPanel.handleMessage({ type: 'switchLocale', locale: 'es' });
    const spanish = state(api);
    assert.equal(spanish.termId, 'attention-mask');
    assert.equal(spanish.requestedLocale, 'es');
    assert.equal(spanish.locale, 'es');
    assert.equal(spanish.isFallback, false);
    assert.equal(spanish.title, term.entries.es.title);
    assert.match(spanish.html, /<article class="entry" lang="es"/);
    assert.match(spanish.html, /<span class="locale current" aria-current="true" lang="es">/);
    assert.match(spanish.html, /\/es\/glossary#attention-mask" data-external="true"/);

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
    for (const message of [
      null,
      'back',
      { type: 'runCommand', command: 'workbench.action.terminal.new' },
      { type: 'navigate', termId: 'no-such-term' },
      { type: 'navigate', termId: '"><img src=x onerror=alert(1)>' },
      { type: 'openExternal', url: 'command:workbench.action.terminal.new' },
      // An http(s) URL the entry does not link to is refused too (no browser opens).
      { type: 'openExternal', url: 'https://example.com/not-in-this-entry' },
    ]) {
      await api.entryPanel.handleMessage(message);
    }
    const after = state(api);
    assert.deepEqual(after.history, before.history);
    assert.equal(after.renders, before.renders, 'no message caused a render');
  });

  test('the panel follows the language setting when the reader picked no locale', async () => {
    await vscode.commands.executeCommand(Commands.openEntry, { termId: 'attention-mask' });
    assert.equal(state(api).locale, 'en');
    await vscode.workspace.getConfiguration(SETTINGS_SECTION).update(Settings.language, 'es', vscode.ConfigurationTarget.Global);
    try {
      await waitFor('the panel to re-render in Spanish', () => state(api).locale, (locale) => locale === 'es');
      assert.match(state(api).html, /<article class="entry" lang="es"/);
    } finally {
      await vscode.workspace.getConfiguration(SETTINGS_SECTION).update(Settings.language, 'en', vscode.ConfigurationTarget.Global);
    }
    await waitFor('the panel to re-render in English', () => state(api).locale, (locale) => locale === 'en');
  });

  test('closing the panel forgets it, and openEntry creates a new one', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await waitFor('the panel to close', () => api.entryPanel.currentState(), (s) => s === undefined);
    await vscode.commands.executeCommand(Commands.openEntry, { termId: 'attention-mask' });
    const reopened = state(api);
    assert.deepEqual(reopened.history, { entries: [{ termId: 'attention-mask' }], index: 0 });
    // The workbench reports the new tab asynchronously.
    await waitFor('one entry panel tab', () => entryPanelTabs().length, (n) => n === 1);
  });
});
