import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID } from '../../src/ids';
import { fixtureUri } from './fixtures';

/** The lowest version `engines.vscode` accepts, e.g. "1.85.0" for "^1.85.0". */
function minimumClaimed(): string {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(
    extension,
    `extension ${EXTENSION_ID} is not loaded (does engines.vscode accept VS Code ${vscode.version}?)`,
  );
  const range = (extension.packageJSON as { engines?: { vscode?: string } }).engines?.vscode ?? '';
  const match = /(\d+)\.(\d+)\.(\d+)/.exec(range);
  assert.ok(match, `engines.vscode "${range}" names no version`);
  return match[0];
}

/** True when version `a` (major.minor.patch, anything after ignored) is at least `b`. */
function semverAtLeast(a: string, b: string): boolean {
  const parse = (v: string): number[] => v.split(/[.-]/).slice(0, 3).map(Number);
  const [x, y] = [parse(a), parse(b)];
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i]! > y[i]!;
  return true;
}

suite('harness: the extension in a real extension host', () => {
  test('the extension is installed under its package.json id and activates', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is not loaded`);
    const manifest = extension.packageJSON as { publisher: string; name: string };
    assert.equal(`${manifest.publisher}.${manifest.name}`, EXTENSION_ID);
    const api: unknown = await extension.activate();
    assert.equal(extension.isActive, true);
    // The extension host runs these tests in ExtensionMode.Test, the only mode in which activate() returns its test API.
    assert.ok(
      api !== undefined && typeof (api as { activationTime?: unknown }).activationTime === 'number',
      'activate() returns the test API in test mode',
    );
  });

  test('the extension host is the VS Code version the runner started', () => {
    // The runner names the version of the code-server release it started (the current one, or the 1.85 release that
    // engines.vscode claims), so that a tier can never pass on another VS Code than the one it reports.
    const expected = process.env.TG_EXPECT_VSCODE_VERSION;
    console.log(`VS Code ${vscode.version}`);
    if (expected) assert.equal(vscode.version, expected);
    assert.ok(
      semverAtLeast(vscode.version, minimumClaimed()),
      `VS Code ${vscode.version} is older than engines.vscode ${minimumClaimed()}`,
    );
  });

  test('the fixture workspace is open and its Python file is recognised as Python', async () => {
    const document = await vscode.workspace.openTextDocument(fixtureUri('sample.py'));
    assert.equal(document.languageId, 'python');
    assert.match(document.getText(), /attention_mask/);
  });
});
