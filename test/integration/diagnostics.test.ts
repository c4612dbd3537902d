/**
 * Terminology diagnostics in the real extension host: what the Spanish page of the fixture workspace
 * (docs/source/es/traduccion.md) is told, with exact ranges, codes and severities; its quick fixes and "fix all"; the
 * ignore comment and settings; a document language set for a file outside docs/source; and edits. Tests that edit
 * work on a copy of the page written beside it, reverted and deleted afterwards.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CHECK_DELAY_MS, CHUNK_SIZE } from '../../src/diagnostics/index';
import { Settings } from '../../src/ids';
import { checkDocument } from '../../src/terminology';
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

async function codeActions(
  uri: vscode.Uri,
  range: vscode.Range,
  kind: string,
  resolve = 0,
): Promise<vscode.CodeAction[]> {
  return (
    (await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      uri,
      range,
      kind,
      resolve,
    )) ?? []
  );
}

suite('terminology diagnostics', () => {
  suiteSetup(async () => {
    await testApi();
  });

  teardown(async () => {
    for (const name of [Settings.checkIgnore, Settings.checkEnabled, Settings.checkEnglishTermSeverity]) {
      await setSetting(name, undefined);
    }
    await setWorkspaceSetting(Settings.documentLanguage, undefined);
  });

  test('a Spanish page shows its avoided forms, English terms and broken anchor with exact ranges, codes and severities', async () => {
    const { document } = await openFixture(...PAGE);
    const expected = expectedOnPage(document);
    await waitForSeen(document, 'the diagnostics of the Spanish page', same(expected));
    const cabeza = vscode.languages
      .getDiagnostics(document.uri)
      .find((d) => d.code === 'avoided-term' && d.range.start.line === 4);
    assert.match(cabeza?.message ?? '', /cabeza del modelo/);
    assert.match(cabeza?.message ?? '', /queda para las cabezas de atención/, 'the message gives the reason');
    assert.match(cabeza?.message ?? '', /cabecera/, 'the message names the preferred form');
    // The words every face takes from src/terminology/messages.ts (the test instance runs in English): an English
    // alias names the glossary's form and says why no fix writes it; a glossary link says what it lacks.
    const diagnostics = vscode.languages.getDiagnostics(document.uri);
    assert.equal(
      diagnostics.find((d) => d.code === 'english-term')?.message,
      '"color channels" is the English term; in Spanish, the glossary translates it as "canales" (no automatic fix: ' +
        '"color channels" is another English name of the term, which may not mean the same as "canales").',
    );
    assert.equal(
      diagnostics.find((d) => d.code === 'unknown-anchor')?.message,
      'The glossary has no term with the anchor "#ajuste-inexistente".',
    );
  });

  test('the quick fix replaces exactly the flagged range with the preferred form', async () => {
    const copy = await openCopy();
    try {
      const { document } = copy;
      const original = document.getText();
      const expected = await waitForSeen(document, 'the diagnostics of the copy', same(expectedOnPage(document)));
      // "El fine-tuning": the article already agrees with "ajuste fino" (es.md's own prose says "El ajuste fino").
      const diagnostic = vscode.languages
        .getDiagnostics(document.uri)
        .find((d) => d.code === 'avoided-term' && d.range.start.line === 2)!;
      const actions = await codeActions(document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
      const preferred = actions.filter((action) => action.isPreferred);
      assert.equal(preferred.length, 1, `one preferred quick fix, got ${JSON.stringify(actions.map((a) => a.title))}`);
      const fix = preferred[0]!;
      assert.equal(fix.kind?.value, vscode.CodeActionKind.QuickFix.value);
      // (vscode.executeCodeActionProvider does not return an action's diagnostics; the UI spec shows the fix on its
      // diagnostic.) Where no diagnostic stands, there is no quick fix.
      assert.deepEqual(
        await codeActions(document.uri, new vscode.Range(0, 0, 0, 5), vscode.CodeActionKind.QuickFix.value),
        [],
      );
      assert.ok(
        actions.some((action) => !action.isPreferred && action.title === 'Fix all glossary findings in this file'),
      );
      assert.ok(await vscode.workspace.applyEdit(fix.edit!));
      assert.equal(document.getText(), original.replace('El fine-tuning adapta', 'El ajuste fino adapta'));
      await waitForSeen(document, 'the fixed diagnostic to go', same(expected.filter((s) => s.line !== 2)));
    } finally {
      await copy.dispose();
    }
  });

  test('fix all in file changes only the flagged ranges, leaving the findings it cannot fix', async () => {
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
        .replace('la cabeza del modelo que', 'la cabecera que')
        .replace('con pooling se resume', 'con agrupación se resume');
      assert.notEqual(expected, original);
      assert.equal(document.getText(), expected);
      await waitForSeen(
        document,
        'only the findings without a fix to stay',
        // "color channels" is an English alias, not the term's English title: it may name something else, so it gets
        // no automatic fix (src/terminology), and neither does a broken anchor.
        same([
          at(document, 4, 'color channels', 'english-term', 'Information'),
          at(document, 17, 'ajuste-inexistente', 'unknown-anchor', 'Error'),
        ]),
      );
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
    await waitForSeen(
      document,
      'the English term as a warning',
      same(all.map((s) => (s.code === 'english-term' ? { ...s, severity: 'Warning' } : s))),
    );
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
    await waitForSeen(
      document,
      'the draft checked as Spanish',
      same([at(document, 2, 'fine-tuning', 'avoided-term', 'Warning')]),
    );
    await setWorkspaceSetting(Settings.documentLanguage, undefined);
    await waitForSeen(document, 'the draft unchecked', (found) => found.length === 0);
  });

  test('edits update the diagnostics: a new finding appears, and a fence opened above hides the lines it covers', async () => {
    const copy = await openCopy();
    try {
      const { document } = copy;
      const expected = await waitForSeen(document, 'the diagnostics of the copy', same(expectedOnPage(document)));
      // The text ends with a line break: its last line is empty, and the new line goes there.
      const last = document.lineCount - 1;
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
    // The page without its code block, then plain prose up to about 10 kB, repeated to 1 MB: the findings of a page a
    // translator writes, not one on every line. A fence opened on the first line then makes every later line code.
    const page = new TextDecoder()
      .decode(await vscode.workspace.fs.readFile(fixtureUri(...PAGE)))
      .replace(/```py[\s\S]*?```\n/, '');
    const prose = 'Un párrafo de prosa corriente, sin términos del glosario, que solo ocupa sitio en la página.\n\n';
    const block = page + prose.repeat(Math.ceil((10_240 - page.length) / prose.length));
    const repeats = Math.ceil(1_048_576 / block.length);
    let started = Date.now();
    const copy = await openCopy(block.repeat(repeats));
    try {
      const { document } = copy;
      const perBlock = 5;
      // The polling reads only the count and the first diagnostic, so that the test costs the extension host little.
      const light = (): { count: number; first: vscode.Diagnostic | undefined } => {
        const diagnostics = vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === SOURCE);
        return { count: diagnostics.length, first: diagnostics.find((d) => d.range.start.line === 0) };
      };
      await waitFor('every finding of the 1 MB page', light, ({ count }) => count === perBlock * repeats);
      const opened = Date.now() - started;
      const edit = new vscode.WorkspaceEdit();
      edit.insert(document.uri, new vscode.Position(0, 0), 'El fine-tuning.\n');
      started = Date.now();
      assert.ok(await vscode.workspace.applyEdit(edit));
      await waitFor(
        'the edited line',
        light,
        ({ count, first }) => first !== undefined && count === perBlock * repeats + 1,
      );
      const edited = Date.now() - started;
      // The same calls the adapter makes, timed here in the same extension host: the edited line alone, and the
      // whole text in the adapter's chunks.
      const text = document.getText();
      const options = { termMap: (await testApi()).glossary.snapshot().termMap, locale: 'es' };
      const time = (run: () => unknown): number => {
        const before = performance.now();
        run();
        return performance.now() - before;
      };
      const lineTimes = [0, 1, 2, 3, 4].map(() =>
        time(() => checkDocument(text, { ...options, range: { start: 0, end: 3 } })),
      );
      // A line at the end costs most: the core reads every line before it for its state.
      const last = text.length - 3;
      const lastLineTimes = [0, 1, 2, 3, 4].map(() =>
        time(() => checkDocument(text, { ...options, range: { start: last, end: last + 1 } })),
      );
      const chunkTimes: number[] = [];
      for (let start = 0; start < text.length; start += CHUNK_SIZE) {
        chunkTimes.push(
          time(() =>
            checkDocument(text, { ...options, range: { start, end: Math.min(text.length, start + CHUNK_SIZE) } }),
          ),
        );
      }
      const ms = (value: number): string => value.toFixed(1);
      const median = (values: number[]): string => ms([...values].sort((a, b) => a - b)[2]!);
      console.log(
        `    1 MB page, the core's calls in this extension host: an edited line ${median(lineTimes)} ms at the top, ${median(lastLineTimes)} ms at the end (medians of 5); ` +
          `the whole text in ${chunkTimes.length} chunks ${ms(chunkTimes.reduce((a, b) => a + b, 0))} ms, the longest chunk ${ms(Math.max(...chunkTimes))} ms`,
      );
      const fence = new vscode.WorkspaceEdit();
      fence.insert(document.uri, new vscode.Position(0, 0), '```\n');
      started = Date.now();
      assert.ok(await vscode.workspace.applyEdit(fence));
      await waitFor('every line after the fence to go quiet', light, ({ count }) => count === 0);
      const fenced = Date.now() - started;
      console.log(
        `    1 MB page (${document.getText().length} UTF-16 units, ${perBlock * repeats} findings): shown ${opened} ms after opening; ` +
          `an edited line shown ${edited} ms after the edit; a fence opened at the top re-checked to the end ${fenced} ms after the edit ` +
          `(each includes the ${CHECK_DELAY_MS} ms debounce and the test's polling)`,
      );
    } finally {
      await copy.dispose();
    }
  });
});
