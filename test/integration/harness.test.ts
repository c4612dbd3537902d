import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID } from '../../src/ids';
import { fixtureUri } from './fixtures';

suite('harness: the extension in a real extension host', () => {
  test('the extension is installed under its package.json id and activates', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is not loaded`);
    const manifest = extension.packageJSON as { publisher: string; name: string };
    assert.equal(`${manifest.publisher}.${manifest.name}`, EXTENSION_ID);
    const api: unknown = await extension.activate();
    assert.equal(extension.isActive, true);
    // The extension host runs these tests in ExtensionMode.Test, the only mode in which activate() returns its test API.
    assert.ok(api !== undefined && typeof (api as { activationTime?: unknown }).activationTime === 'number', 'activate() returns the test API in test mode');
  });

  test('the fixture workspace is open and its Python file is recognised as Python', async () => {
    const document = await vscode.workspace.openTextDocument(fixtureUri('sample.py'));
    assert.equal(document.languageId, 'python');
    assert.match(document.getText(), /attention_mask/);
  });
});
