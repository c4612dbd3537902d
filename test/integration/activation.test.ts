/**
 * The first hover of a translator's session (issue #17): the workspace holds docs/source/es/glossary.md, whose entry
 * for a bundled term is worded differently from the bundled glossary, and the very first hover after activation,
 * which starts the first load itself, shows the repository's wording rather than the bundled one.
 *
 * It needs an extension that nothing has asked for its glossary yet, so this file's name sorts it before every other
 * suite (test/integration/index.ts runs the files in name order); it says so when it finds the glossary loaded.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { GlossaryTestApi } from '../../src/extension';
import { EXTENSION_ID, Settings } from '../../src/ids';
import { WAIT_TIMEOUT_MS, glossaryHovers, positionOf, setSetting, waitFor } from './editorFeatures';
import { fixtureUri } from './fixtures';

/** The repository's wording of a bundled term, which the bundled glossary does not use. */
const REPOSITORY_SUMMARY =
  'Resumen del glosario del repositorio: la máscara marca con ceros las posiciones de relleno.';
const REPOSITORY_ENTRY = `\n\n## M\n\n### máscara de atención[[attention-mask]]\n\n${REPOSITORY_SUMMARY}\n`;

suite('the first hover after activation', () => {
  let api: GlossaryTestApi;
  let original: Uint8Array;
  const file = (): vscode.Uri => fixtureUri('docs', 'source', 'es', 'glossary.md');

  suiteSetup(async () => {
    const extension = vscode.extensions.getExtension<GlossaryTestApi>(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is not loaded`);
    // Not testApi(): that asks for the glossary, and this suite's hover must be the first to.
    api = await extension.activate();
    original = await vscode.workspace.fs.readFile(file());
    const text = new TextDecoder().decode(original);
    await vscode.workspace.fs.writeFile(file(), new TextEncoder().encode(`${text.trimEnd()}${REPOSITORY_ENTRY}`));
    // The entries are shown in Spanish, the translator's language.
    await setSetting(Settings.language, 'es');
    await waitFor(
      'the language setting taken',
      () => api.glossary.settings.language,
      (language) => language === 'es',
    );
    // A loaded machine may take longer than the bound to compile; this suite checks that the first hover waits for
    // the first load, not how fast a busy machine compiles (the bench reports that, and the bound is unit-tested).
    api.glossary.firstLoadWaitMs = WAIT_TIMEOUT_MS;
  });

  suiteTeardown(async () => {
    await vscode.workspace.fs.writeFile(file(), original);
    await setSetting(Settings.language, undefined);
    const report = await api.glossary.reloadCustomGlossaries();
    assert.equal(report.status, 'loaded', JSON.stringify(report));
    assert.notEqual(api.glossary.snapshot().term('attention-mask')?.entries.es?.summary, REPOSITORY_SUMMARY);
  });

  test("shows the repository's wording of a bundled term, while its first load is still running", async () => {
    const document = await vscode.workspace.openTextDocument({
      language: 'python',
      content: 'mask = attention_mask\n',
    });
    const asked = [...api.glossary.loadSteps.keys()];
    assert.deepEqual(asked, [], 'something asked for the glossary before this suite: it must run first');
    // This hover is the glossary's first need: the bundled term map, the discovery and the compile all start now.
    const hovers = await glossaryHovers(document.uri, positionOf(document, 'attention_mask', 3));
    assert.equal(hovers.length, 1, 'the glossary answered the first hover');
    assert.ok(hovers[0]!.markdown.includes(REPOSITORY_SUMMARY), hovers[0]!.markdown);
    assert.ok(api.glossary.loadSteps.has('published'), 'the repository glossary was loaded for the hover');
  });
});
