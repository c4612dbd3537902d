/**
 * The web tier proves something only if the extension really ran in the browser's web worker extension host. If the
 * workbench fell back to the Node extension host (a payload it ignored, a `browser` field it did not find), every
 * other suite would still pass there, so this one fails the tier instead.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CustomGlossaryReport } from '../../src/service/glossaryService';
import { Commands, EXTENSION_ID, SETTINGS_SECTION, Settings } from '../../src/ids';

suite('web extension host', () => {
  test('the tests and the extension run in the web worker extension host, with no Node', async () => {
    assert.equal(vscode.env.uiKind, vscode.UIKind.Web, 'the workbench is not the web one');
    // Node is there if `process.versions.node` is: a worker may carry a `process` stand-in of some library, never that.
    const host = globalThis as { process?: { versions?: { node?: unknown } }; require?: unknown };
    assert.equal(
      host.process?.versions?.node,
      undefined,
      `this host runs Node ${String(host.process?.versions?.node)}`,
    );
    assert.equal(typeof host.require, 'undefined', 'a Node `require` exists here');
    if (host.process !== undefined) {
      console.log(`      (a \`process\` object exists here, without Node: ${Object.keys(host.process).join(', ')})`);
    }
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is not loaded`);
    // An extension's exports reach only callers in its own extension host: the test API's live service here means
    // that the extension activated in this (web worker) host, from its `browser` bundle.
    const api = (await extension.activate()) as { glossary?: unknown } | undefined;
    assert.ok(api?.glossary, 'the extension did not activate in this extension host');
  });

  test('glossaries compile in a nested Web Worker, not on the extension host thread', async () => {
    const config = vscode.workspace.getConfiguration(SETTINGS_SECTION);
    await config.update(Settings.customGlossaries, ['hostile-glossary.md'], vscode.ConfigurationTarget.Workspace);
    try {
      const report = await vscode.commands.executeCommand<CustomGlossaryReport>(Commands.reloadGlossaries);
      assert.equal(report.status, 'loaded', JSON.stringify(report));
      assert.equal(report.fallback, undefined, `compiled on the calling thread: ${String(report.fallback)}`);
    } finally {
      await config.update(Settings.customGlossaries, undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});
