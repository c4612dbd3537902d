/**
 * Where integration tests find the fixture workspace. The runners open a fresh copy of test/fixtures/workspace,
 * so a test may change files or workspace settings without touching the repository; always reach the files
 * through the open workspace folder, never through paths relative to the compiled test.
 */
import * as vscode from 'vscode';

/** The root of the fixture workspace the tests run in. */
function fixtureRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    throw new Error('the integration tests must run with test/fixtures/workspace open as the workspace folder');
  }
  return folder.uri;
}

/** A file of the fixture workspace, e.g. `fixtureUri('sample.py')`. */
export function fixtureUri(...segments: string[]): vscode.Uri {
  return vscode.Uri.joinPath(fixtureRoot(), ...segments);
}

/** Opens a fixture file in an editor and returns the editor. */
export async function openFixture(...segments: string[]): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(fixtureUri(...segments));
  return vscode.window.showTextDocument(document);
}
