/**
 * Terminology diagnostics in the real extension host: what the Spanish page of the fixture workspace
 * (docs/source/es/traduccion.md) is told, with exact ranges, codes and severities; its quick fixes and "fix all"; the
 * ignore comment and settings; a document language set for a file outside docs/source; and edits. Tests that edit
 * work on a copy of the page written beside it, reverted and deleted afterwards.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Settings } from '../../src/ids';
import { setSetting, setWorkspaceSetting, testApi, waitFor } from './editorFeatures';
import { fixtureUri, openFixture } from './fixtures';

const PAGE = ['docs', 'source', 'es', 'traduccion.md'];
const SOURCE = 'Transformers Glossary';

interface Seen {
  readonly line: number;
  readonly character: number;
  readonly text: string;
  readonly code: string;
  readonly severity: string;
}

/** Our diagnostics of a document, in order, as the flagged text and where it stands. */
function seen(document: vscode.TextDocument): Seen[] {
  return vscode.languages
    .getDiagnostics(document.uri)
    .filter((diagnostic) => diagnostic.source === SOURCE)
    .map((diagnostic) => ({
      line: diagnostic.range.start.line,
      character: diagnostic.range.start.character,
      text: document.getText(diagnostic.range),
      code: typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code),
      severity: vscode.DiagnosticSeverity[diagnostic.severity],
    }))
    .sort((a, b) => a.line - b.line || a.character - b.character);
}

/** Where `text` stands on `line` of the document (its first occurrence there). */
function at(document: vscode.TextDocument, line: number, text: string, code: string, severity: string): Seen {
  const character = document.lineAt(line).text.indexOf(text);
  assert.ok(character >= 0, `"${text}" is not on line ${line}`);
  return { line, character, text, code, severity };
}

/** The page's findings as the bundled Spanish termbase gives them (the line after the ignore comment has none). */
function expectedOnPage(document: vscode.TextDocument): Seen[] {
  return [
    at(document, 2, 'fine-tuning', 'avoided-term', 'Warning'),
    at(document, 4, 'color channels', 'english-term', 'Information'),
    at(document, 4, 'cabeza del modelo', 'avoided-term', 'Warning'),
    at(document, 9, 'pooling', 'avoided-term', 'Warning'),
    at(document, 17, 'ajuste-inexistente', 'unknown-anchor', 'Error'),
  ];
}

function waitForSeen(document: vscode.TextDocument, what: string, accept: (found: Seen[]) => boolean): Promise<Seen[]> {
  return waitFor(what, () => seen(document), accept);
}

const same = (expected: Seen[]) => (found: Seen[]) => JSON.stringify(found) === JSON.stringify(expected);

let copies = 0;

/** A copy of the Spanish page (or of `text`) beside it, opened in an editor; reverted and deleted by `dispose`. */
async function openCopy(text?: string): Promise<{ document: vscode.TextDocument; dispose(): Promise<void> }> {
  const content = text ?? new TextDecoder().decode(await vscode.workspace.fs.readFile(fixtureUri(...PAGE)));
  const uri = fixtureUri('docs', 'source', 'es', `copia-${++copies}.md`);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));
  const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  return {
    document: editor.document,
    async dispose() {
      await vscode.window.showTextDocument(editor.document);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await vscode.workspace.fs.delete(uri);
    },
  };
}

async function codeActions(uri: vscode.Uri, range: vscode.Range, kind: string, resolve = 0): Promise<vscode.CodeAction[]> {
  return (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, kind, resolve)) ?? [];
}

suite('terminology diagnostics', () => {
  suiteSetup(async () => {
    await testApi();
  });

  teardown(async () => {
    for (const name of [Settings.checkIgnore, Settings.checkEnabled, Settings.checkEnglishTermSeverity]) await setSetting(name, undefined);
    await setWorkspaceSetting(Settings.documentLanguage, undefined);
  });

  test('a Spanish page shows its avoided forms, English terms and broken anchor with exact ranges, codes and severities', async () => {
    const { document } = await openFixture(...PAGE);
    const expected = expectedOnPage(document);
    await waitForSeen(document, 'the diagnostics of the Spanish page', same(expected));
    const cabeza = vscode.languages.getDiagnostics(document.uri).find((d) => d.code === 'avoided-term' && d.range.start.line === 4);
    assert.match(cabeza?.message ?? '', /cabeza del modelo/);
    assert.match(cabeza?.message ?? '', /queda para las cabezas de atención/, 'the message gives the reason');
    assert.match(cabeza?.message ?? '', /cabecera/, 'the message names the preferred form');
  });

  test('the quick fix replaces exactly the flagged range with the preferred form', async () => {
    const copy = await openCopy();
    try {
      const { document } = copy;
      const original = document.getText();
      await waitForSeen(document, 'the diagnostics of the copy', same(expectedOnPage(document)));
      const diagnostic = vscode.languages.getDiagnostics(document.uri).find((d) => d.code === 'english-term')!;
      const actions = await codeActions(document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
      const preferred = actions.filter((action) => action.isPreferred);
      assert.equal(preferred.length, 1, `one preferred quick fix, got ${JSON.stringify(actions.map((a) => a.title))}`);
      const fix = preferred[0]!;
      assert.equal(fix.kind?.value, vscode.CodeActionKind.QuickFix.value);
      assert.deepEqual(fix.diagnostics?.map((d) => d.code), ['english-term']);
      assert.ok(actions.some((action) => !action.isPreferred && action.title === 'Fix all glossary findings in this file'));
      assert.ok(await vscode.workspace.applyEdit(fix.edit!));
      assert.equal(document.getText(), original.replace('revisa los color channels de', 'revisa los canales de color de'));
      await waitForSeen(document, 'the fixed diagnostic to go', same(expectedOnPage(document).filter((s) => s.code !== 'english-term')));
    } finally {
      await copy.dispose();
    }
  });

  test('fix all in file changes only the flagged ranges, leaving the unfixable anchor', async () => {
    const copy = await openCopy();
    try {
      const { document } = copy;
      const original = document.getText();
      await waitForSeen(document, 'the diagnostics of the copy', same(expectedOnPage(document)));
      const whole = new vscode.Range(0, 0, document.lineCount, 0);
      const [fixAll] = await codeActions(document.uri, whole, 'source.fixAll.transformersGlossary', 1);
      assert.ok(fixAll?.edit, 'a resolved source.fixAll action');
      assert.equal(fixAll.kind?.value, 'source.fixAll.transformersGlossary');
      assert.ok(await vscode.workspace.applyEdit(fixAll.edit));
      const expected = original
        .replace('El fine-tuning adapta', 'El ajuste fino adapta')
        .replace('los color channels de', 'los canales de color de')
        .replace('la cabeza del modelo que', 'la cabecera que')
        .replace('con pooling se resume', 'con agrupación se resume');
      assert.notEqual(expected, original);
      assert.equal(document.getText(), expected);
      await waitForSeen(document, 'only the broken anchor to stay', same([at(document, 17, 'ajuste-inexistente', 'unknown-anchor', 'Error')]));
    } finally {
      await copy.dispose();
    }
  });

  test('check.ignore silences a term, and only that term; the severity and enabled settings apply live', async () => {
    const { document } = await openFixture(...PAGE);
    const all = await waitForSeen(document, 'the diagnostics of the Spanish page', same(expectedOnPage(document)));
    await setSetting(Settings.checkIgnore, ['pooling']);
    await waitForSeen(document, 'pooling to be ignored', same(all.filter((s) => s.text !== 'pooling')));
    await setSetting(Settings.checkIgnore, undefined);
    await setSetting(Settings.checkEnglishTermSeverity, 'warning');
    await waitForSeen(document, 'the English term as a warning', same(all.map((s) => (s.code === 'english-term' ? { ...s, severity: 'Warning' } : s))));
    await setSetting(Settings.checkEnglishTermSeverity, 'off');
    await waitForSeen(document, 'the English term to go', same(all.filter((s) => s.code !== 'english-term')));
    await setSetting(Settings.checkEnabled, false);
    await waitForSeen(document, 'the check to be off', (found) => found.length === 0);
    await setSetting(Settings.checkEnabled, undefined);
    await setSetting(Settings.checkEnglishTermSeverity, undefined);
    await waitForSeen(document, 'the diagnostics to come back', same(all));
  });

  test('documentLanguage turns the check on for a file outside docs/source, and off again', async () => {
    const { document } = await openFixture('borrador.md');
    await setWorkspaceSetting(Settings.documentLanguage, 'es');
    await waitForSeen(document, 'the draft checked as Spanish', same([at(document, 2, 'fine-tuning', 'avoided-term', 'Warning')]));
    await setWorkspaceSetting(Settings.documentLanguage, undefined);
    await waitForSeen(document, 'the draft unchecked', (found) => found.length === 0);
  });

  test('edits update the diagnostics: a new finding appears, and a fence opened above hides the lines it covers', async () => {
    const copy = await openCopy();
    try {
      const { document } = copy;
      const expected = await waitForSeen(document, 'the diagnostics of the copy', same(expectedOnPage(document)));
      const last = document.lineCount;
      const edit = new vscode.WorkspaceEdit();
      edit.insert(document.uri, new vscode.Position(last, 0), 'Y otra vez el fine-tuning.\n');
      assert.ok(await vscode.workspace.applyEdit(edit));
      const added = at(document, last, 'fine-tuning', 'avoided-term', 'Warning');
      await waitForSeen(document, 'the new finding', same([...expected, added]));
      // A fence opened on line 2 runs to the closing fence of the code block: lines 2 to 15 are code now.
      const fence = new vscode.WorkspaceEdit();
      fence.insert(document.uri, new vscode.Position(2, 0), '```\n');
      assert.ok(await vscode.workspace.applyEdit(fence));
      const moved = (s: Seen): Seen => ({ ...s, line: s.line + 1 });
      await waitForSeen(document, 'the fenced lines to go quiet', same([moved(expected[4]!), moved(added)]));
      const unfence = new vscode.WorkspaceEdit();
      unfence.delete(document.uri, new vscode.Range(2, 0, 3, 0));
      assert.ok(await vscode.workspace.applyEdit(unfence));
      await waitForSeen(document, 'the findings to come back', same([...expected, added]));
    } finally {
      await copy.dispose();
    }
  });

  test('a 1 MB page is checked, an edit at its top re-checked, and a fence opened there quiets it to its end (times go to the log)', async () => {
    // The page without its code block: then a fence opened on the first line makes every later line code.
    const page = new TextDecoder().decode(await vscode.workspace.fs.readFile(fixtureUri(...PAGE))).replace(/```py[\s\S]*?```\n/, '');
    const repeats = Math.ceil(1_048_576 / page.length);
    const copy = await openCopy(page.repeat(repeats));
    try {
      const { document } = copy;
      const perPage = 5;
      let started = Date.now();
      await waitForSeen(document, 'every finding of the 1 MB page', (found) => found.length === perPage * repeats);
      const opened = Date.now() - started;
      const edit = new vscode.WorkspaceEdit();
      edit.insert(document.uri, new vscode.Position(0, 0), 'El fine-tuning.\n');
      started = Date.now();
      assert.ok(await vscode.workspace.applyEdit(edit));
      await waitForSeen(document, 'the edited line', (found) => found[0]?.line === 0 && found.length === perPage * repeats + 1);
      const edited = Date.now() - started;
      const fence = new vscode.WorkspaceEdit();
      fence.insert(document.uri, new vscode.Position(0, 0), '```\n');
      started = Date.now();
      assert.ok(await vscode.workspace.applyEdit(fence));
      await waitForSeen(document, 'every line after the fence to go quiet', (found) => found.length === 0);
      const fenced = Date.now() - started;
      console.log(
        `    1 MB page (${document.getText().length} UTF-16 units, ${perPage * repeats} findings): shown after opening in ${opened} ms; ` +
          `an edited line re-checked and shown in ${edited} ms; a fence opened at the top re-checked to the end in ${fenced} ms ` +
          `(each includes the ${200} ms debounce and the round trips of the test's polling)`,
      );
    } finally {
      await copy.dispose();
    }
  });
});
