/**
 * The terminology check through the language server: diagnostics pushed for a Spanish page of a workspace whose
 * glossaries are discovered (`docs/source/<lang>/glossary.md`), quick fixes that replace exactly the flagged range,
 * "fix all", re-checks after an edit, the `documentLanguage` setting, and code action requests the check never made.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-protocol';
import { repoRoot } from '../helpers/repoRoot';
import { TestClient, type PublishedDiagnostics } from './client';

const PAGE = [
  '# Recorrido rápido',
  '',
  'El tokenizador devuelve la attention mask; la cabeza da la salida.',
  '',
  'Ver [la máscara](../glossary#no-such-anchor).',
  '',
].join('\n');

describe('language server: terminology diagnostics and quick fixes', function () {
  this.timeout(30_000);
  let dir: string;
  let client: TestClient;
  let page: string;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tg-lsp-term-'));
    for (const locale of ['en', 'es']) {
      fs.mkdirSync(path.join(dir, 'docs', 'source', locale), { recursive: true });
      fs.copyFileSync(
        path.join(repoRoot(), 'test', 'fixtures', 'terminology', `${locale}.md`),
        path.join(dir, 'docs', 'source', locale, 'glossary.md'),
      );
    }
    page = pathToFileURL(path.join(dir, 'docs', 'source', 'es', 'quicktour.md')).href;
    ({ client } = await TestClient.start({ rootPath: dir }));
    const report = await client.request<{ status: string }>('workspace/executeCommand', {
      command: 'transformersGlossary.reloadGlossaries',
    });
    assert.equal(report.status, 'loaded');
  });
  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const published = (uri: string, version: number, count: number): Promise<PublishedDiagnostics> =>
    client.waitFor(() => {
      const got = client.diagnostics.get(uri);
      return got?.version === version && got.diagnostics.length === count ? got : undefined;
    }, `${count} diagnostics for version ${version} of ${uri}`);

  it('publishes the findings of a Spanish page with exact ranges and severities', async () => {
    await client.open(page, 'markdown', PAGE);
    const got = await published(page, 1, 3);
    const summary = got.diagnostics.map((d) => [
      d.code,
      d.severity,
      d.range.start.line,
      d.range.start.character,
      d.range.end.character,
    ]);
    assert.deepEqual(summary, [
      ['english-term', 3, 2, 27, 41],
      ['avoided-term', 2, 2, 46, 52],
      ['unknown-anchor', 1, 4, 29, 43],
    ]);
    assert.ok(got.diagnostics.every((d) => (d as Diagnostic).source === 'transformers-glossary'));
  });

  it('offers quick fixes that replace exactly the flagged range, and fix all', async () => {
    const diagnostics = client.diagnostics.get(page)!.diagnostics as Diagnostic[];
    const avoided = diagnostics.find((d) => d.code === 'avoided-term')!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: page },
      range: avoided.range,
      context: { diagnostics: [avoided] },
    });
    const [fix, all] = actions;
    assert.equal(fix!.kind, 'quickfix');
    assert.equal(fix!.isPreferred, true);
    assert.deepEqual(fix!.edit!.changes![page], [{ range: avoided.range, newText: 'cabecera' }]);
    const edits: TextEdit[] = all!.edit!.changes![page]!;
    assert.deepEqual(
      edits.map((edit) => edit.newText),
      ['máscara de atención', 'cabecera'],
    );
    const fixAll = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: page },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    assert.equal(fixAll.length, 1);
    assert.equal(fixAll[0]!.kind, 'source.fixAll.transformersGlossary');
  });

  it('never fixes what the check did not find: a forged or malformed diagnostic gets no action', async () => {
    const forged = {
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 5 } },
      source: 'transformers-glossary',
      code: 'avoided-term',
      message: 'forged',
    };
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: page },
      range: forged.range,
      context: { diagnostics: [forged, { source: 'transformers-glossary', range: 'nonsense' }] },
    });
    assert.equal(actions.filter((action) => action.kind === 'quickfix' && action.diagnostics).length, 0);
  });

  it('re-checks after an edit, for the new version', async () => {
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: page, version: 2 },
      contentChanges: [
        { range: { start: { line: 2, character: 46 }, end: { line: 2, character: 52 } }, text: 'cabecera' },
      ],
    });
    const got = await published(page, 2, 2);
    assert.deepEqual(
      got.diagnostics.map((d) => d.code),
      ['english-term', 'unknown-anchor'],
    );
  });

  it('checks a page outside docs/source/<lang>/ only in the documentLanguage setting, and clears on close', async () => {
    const notes = pathToFileURL(path.join(dir, 'notes.md')).href;
    await client.open(notes, 'markdown', 'La cabeza da la salida.\n');
    // The page is not checked: its first (empty) result is published before that of a page opened after it.
    const other = pathToFileURL(path.join(dir, 'docs', 'source', 'es', 'other.md')).href;
    await client.open(other, 'markdown', 'La cabeza.\n');
    await published(other, 1, 1);
    assert.deepEqual(client.diagnostics.get(notes)?.diagnostics, []);
    await client.connection.sendNotification('workspace/didChangeConfiguration', {
      settings: { transformersGlossary: { documentLanguage: 'es-ES' } },
    });
    const got = await published(notes, 1, 1);
    assert.equal(got.diagnostics[0]!.code, 'avoided-term');
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: notes } });
    await client.waitFor(() => client.diagnostics.get(notes)?.diagnostics.length === 0, 'cleared diagnostics');
  });
});
