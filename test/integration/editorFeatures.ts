/**
 * Shared by the integration tests (hover, search, tree, settings, panel): the extension's test API, hover
 * text, setting changes that are always undone, and the one `waitFor` for state the workbench updates asynchronously.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { GlossaryTestApi } from '../../src/extension';
import { Commands, EXTENSION_ID, SETTINGS_SECTION, Settings } from '../../src/ids';

export async function testApi(): Promise<GlossaryTestApi> {
  const extension = vscode.extensions.getExtension<GlossaryTestApi>(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not loaded`);
  const api = await extension.activate();
  // The bundled term map is read on first use (through vscode.workspace.fs); tests assert on its terms.
  await api.glossary.whenReady();
  return api;
}

/**
 * The test API with the glossary shown in English, whatever VS Code's display language: what most suites start
 * from, so that their assertions can name English titles. Suites reset the setting in their teardown.
 */
export async function englishTestApi(): Promise<GlossaryTestApi> {
  const api = await testApi();
  await setSetting(Settings.language, 'en');
  await waitFor(
    'the display locale',
    () => api.glossary.snapshot().displayLocale,
    (locale) => locale === 'en',
  );
  return api;
}

/**
 * How long a condition may take to come true before the test fails. The workbench and the extension host answer
 * within a second on an idle machine; the margin is for a 2-core machine running other builds and tests beside
 * this one, where a slow answer is not a bug. It stays well below mocha's per-test timeout (index.ts), so that a
 * failure names the condition rather than the test.
 */
export const WAIT_TIMEOUT_MS = 60_000;

/**
 * Polls `read` until `accept` holds and returns the accepted value; fails with what was awaited and the last value
 * seen when it never does. The one way the integration tests wait: on a condition, never for a fixed time.
 */
export async function waitFor<T>(
  what: string,
  read: () => T | Promise<T>,
  accept: (value: T) => boolean,
  timeoutMs = WAIT_TIMEOUT_MS,
): Promise<T> {
  const started = Date.now();
  let value = await read();
  while (!accept(value)) {
    if (Date.now() - started > timeoutMs) {
      assert.fail(
        `timed out after ${timeoutMs / 1000} s waiting for ${what}; last value: ${JSON.stringify(value, null, 2)?.slice(0, 2000)}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    value = await read();
  }
  return value;
}

type SettingName = (typeof Settings)[keyof typeof Settings];

/** Writes a user setting; `undefined` removes it. */
export async function setSetting(name: SettingName, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration(SETTINGS_SECTION).update(name, value, vscode.ConfigurationTarget.Global);
}

/** Writes a workspace setting (custom glossaries are resource-scoped and listed per workspace). */
export async function setWorkspaceSetting(name: SettingName, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration(SETTINGS_SECTION).update(name, value, vscode.ConfigurationTarget.Workspace);
}

export interface GlossaryHover {
  /** The Markdown source of the hover, exactly as the provider built it. */
  readonly markdown: string;
  readonly range: vscode.Range | undefined;
  readonly content: vscode.MarkdownString | vscode.MarkedString;
}

function markdownOf(content: vscode.MarkdownString | vscode.MarkedString): string {
  if (typeof content === 'string') return content;
  return content.value;
}

/**
 * The hovers at a position that come from this extension: the ones with our Open Entry command link. (Not every one
 * links to huggingface.co: a custom term with no upstream page has no such link.)
 */
export async function glossaryHovers(uri: vscode.Uri, position: vscode.Position): Promise<GlossaryHover[]> {
  const hovers =
    (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ?? [];
  return hovers.flatMap((hover) =>
    hover.contents
      .filter((content) => markdownOf(content).includes(`command:${Commands.openEntry}?`))
      .map((content) => ({ markdown: markdownOf(content), range: hover.range, content })),
  );
}

/** The position `offset` UTF-16 units into the first occurrence of `needle` in the document. */
export function positionOf(document: vscode.TextDocument, needle: string, offset = 1, occurrence = 0): vscode.Position {
  let index = -1;
  for (let i = 0; i <= occurrence; i++) {
    index = document.getText().indexOf(needle, index + 1);
    assert.ok(index >= 0, `"${needle}" occurs fewer than ${occurrence + 1} times in ${document.uri.toString()}`);
  }
  return document.positionAt(index + offset);
}

/** The one glossary hover at the first occurrence of `needle`; fails when there is none or several. */
export async function hoverAt(document: vscode.TextDocument, needle: string, occurrence = 0): Promise<GlossaryHover> {
  const hovers = await glossaryHovers(document.uri, positionOf(document, needle, 1, occurrence));
  assert.equal(hovers.length, 1, `expected one glossary hover on "${needle}", got ${hovers.length}`);
  return hovers[0]!;
}
