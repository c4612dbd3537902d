/**
 * The repository's own glossaries (issue #14): the fixture workspace holds docs/source/es/glossary.md, laid out like a
 * Transformers checkout, and no setting names it. The extension finds it, compiles it with the bundled glossary,
 * follows edits to it without a reload, and keeps the last good glossary when an edit breaks it.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { GlossaryTestApi } from '../../src/extension';
import { Settings } from '../../src/ids';
import { englishTestApi, glossaryHovers, positionOf, setSetting, setWorkspaceSetting, waitFor } from './editorFeatures';
import { fixtureUri } from './fixtures';

const GLOSSARY = ['docs', 'source', 'es', 'glossary.md'] as const;
const TERM_ID = 'discovered-example';

/** The fixture glossary with the entry's summary replaced. */
function withSummary(original: string, summary: string): string {
  const start = original.indexOf('Una entrada de prueba');
  assert.ok(start >= 0, 'the fixture glossary changed: the test looks for its summary');
  return `${original.slice(0, start)}${summary}\n`;
}

/** The Markdown of the glossary hovers on "ejemplo descubierto" in `document`, joined (empty when there is none). */
async function hoverText(document: vscode.TextDocument): Promise<string> {
  const hovers = await glossaryHovers(document.uri, positionOf(document, 'ejemplo descubierto', 3));
  return hovers.map((hover) => hover.markdown).join('\n');
}

suite('discovered glossaries', () => {
  let api: GlossaryTestApi;
  let original: Uint8Array;
  let document: vscode.TextDocument;
  const file = (): vscode.Uri => fixtureUri(...GLOSSARY);
  const write = (text: string): Thenable<void> => vscode.workspace.fs.writeFile(file(), new TextEncoder().encode(text));

  suiteSetup(async () => {
    api = await englishTestApi();
    original = await vscode.workspace.fs.readFile(file());
    document = await vscode.workspace.openTextDocument({
      language: 'markdown',
      content: 'Un párrafo de una página traducida que nombra el ejemplo descubierto.\n',
    });
  });

  suiteTeardown(async () => {
    await vscode.workspace.fs.writeFile(file(), original);
    await setWorkspaceSetting(Settings.discoverGlossaries, undefined);
    await setSetting(Settings.language, undefined);
  });

  test('docs/source/es/glossary.md is found without a setting, with its locale from the path', async () => {
    const term = await waitFor(
      'the discovered term',
      () => api.glossary.snapshot().term(TERM_ID),
      (found) => found !== undefined,
    );
    assert.deepEqual(Object.keys(term!.entries), ['es'], 'the locale comes from docs/source/es/');
    const report = await api.glossary.whenCustomGlossariesLoaded();
    assert.equal(report.status, 'loaded', JSON.stringify(report));
    assert.deepEqual(report.discovered, [file().toString()]);
    const hover = await waitFor(
      'the hover of the discovered term',
      () => hoverText(document),
      (text) => text !== '',
    );
    assert.ok(hover.includes('Una entrada de prueba que solo existe'), hover);
  });

  test('an edit to the file shows in the hover without a reload', async () => {
    const text = new TextDecoder().decode(original);
    await write(withSummary(text, 'Un resumen nuevo escrito mientras la extensión vigila el archivo.'));
    await waitFor(
      'the edited summary in the hover',
      () => hoverText(document),
      (hover) => hover.includes('Un resumen nuevo escrito mientras'),
    );
  });

  test('a broken edit keeps the last good glossary and shows its error in Problems', async () => {
    const text = new TextDecoder().decode(original);
    await write(withSummary(text, 'El resumen bueno que debe quedarse.'));
    await waitFor(
      'the good summary',
      () => api.glossary.snapshot().term(TERM_ID)?.entries.es?.summary ?? '',
      (summary) => summary.includes('El resumen bueno'),
    );
    // An entry before any letter section is an error of the compiler (the same break as broken-glossary.md).
    await write(`# Glosario\n\n### entrada rota\n\nSin sección de letra.\n\n${text.slice(text.indexOf('## E'))}`);
    const problems = await waitFor(
      'the error of the broken file in the Problems view',
      () => vscode.languages.getDiagnostics(file()),
      (items) => items.some((item) => item.severity === vscode.DiagnosticSeverity.Error),
    );
    assert.ok(problems.length > 0);
    const summary = api.glossary.snapshot().term(TERM_ID)?.entries.es?.summary ?? '';
    assert.ok(summary.includes('El resumen bueno'), `the last good glossary stays: ${summary}`);
    assert.ok((await hoverText(document)).includes('El resumen bueno'));
    // Repairing the file clears its problems and loads it again.
    await vscode.workspace.fs.writeFile(file(), original);
    await waitFor(
      'the repaired file without problems',
      () => vscode.languages.getDiagnostics(file()).length,
      (count) => count === 0,
    );
    await waitFor(
      'the original summary',
      () => api.glossary.snapshot().term(TERM_ID)?.entries.es?.summary ?? '',
      (text) => text.includes('Una entrada de prueba'),
    );
  });

  test('the discoverGlossaries setting turns discovery off and on', async () => {
    await setWorkspaceSetting(Settings.discoverGlossaries, false);
    await waitFor(
      'the discovered term to go',
      () => api.glossary.snapshot().term(TERM_ID),
      (term) => term === undefined,
    );
    await setWorkspaceSetting(Settings.discoverGlossaries, undefined);
    await waitFor(
      'the discovered term to come back',
      () => api.glossary.snapshot().term(TERM_ID),
      (term) => term !== undefined,
    );
  });
});
