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

/** A workspace whose `docs/source/{en,es}/glossary.md` are the terminology fixtures, and its Spanish page's URI. */
function makeWorkspace(): { dir: string; page: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tg-lsp-term-'));
  for (const locale of ['en', 'es']) {
    fs.mkdirSync(path.join(dir, 'docs', 'source', locale), { recursive: true });
    fs.copyFileSync(
      path.join(repoRoot(), 'test', 'fixtures', 'terminology', `${locale}.md`),
      path.join(dir, 'docs', 'source', locale, 'glossary.md'),
    );
  }
  return { dir, page: pathToFileURL(path.join(dir, 'docs', 'source', 'es', 'quicktour.md')).href };
}

describe('language server: terminology diagnostics and quick fixes', function () {
  this.timeout(30_000);
  let dir: string;
  let client: TestClient;
  let page: string;

  before(async () => {
    ({ dir, page } = makeWorkspace());
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

describe('language server: terminology diagnostics in the language of the hover', function () {
  this.timeout(30_000);
  let dir: string;
  let client: TestClient;
  let page: string;

  before(async () => {
    ({ dir, page } = makeWorkspace());
    // A Japanese client: its locale, told in `initialize`, is the language of the entries, so of the hover's words.
    ({ client } = await TestClient.start({ rootPath: dir, locale: 'ja' }));
    await client.request('workspace/executeCommand', { command: 'transformersGlossary.reloadGlossaries' });
  });
  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const messagesMatching = (pattern: RegExp): Promise<string[]> =>
    client.waitFor(
      () => {
        const messages = client.diagnostics.get(page)?.diagnostics.map((d) => d.message);
        return messages?.length === 3 && pattern.test(messages[1]!) ? messages : undefined;
      },
      `three diagnostics of ${page}, the second matching ${String(pattern)}`,
    );
  const avoidedActions = async (): Promise<string[]> => {
    const avoided = (client.diagnostics.get(page)!.diagnostics as Diagnostic[]).find((d) => d.code === 'avoided-term')!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: page },
      range: avoided.range,
      context: { diagnostics: [avoided] },
    });
    return actions.map((action) => action.title);
  };

  it('words the diagnostics and code actions as the extension does, in Japanese for a Japanese client', async () => {
    await client.open(page, 'markdown', PAGE);
    const [english, avoided, anchor] = await messagesMatching(/^スペイン語の用語集では「cabeza」を避けます/);
    // The extension's own Japanese strings (l10n/bundle.l10n.ja.json), with the page's language named in Japanese.
    assert.equal(
      english,
      '「attention mask」は英語の用語です。スペイン語の用語集ではこの用語を翻訳します。「máscara de atención」を使ってください。',
    );
    assert.match(
      avoided!,
      /: se confunde con las cabezas de atención, que son otra cosa。「cabecera」を使ってください。$/,
    );
    assert.equal(anchor, '用語集に、アンカー「#no-such-anchor」を持つ用語はありません。');
    assert.deepEqual(await avoidedActions(), ['「cabecera」に置き換える', 'このファイルの用語集の指摘をすべて修正']);
    // The hover speaks the same language: its fixed words come from the same bundle.
    assert.match((await client.hoverText(page, 2, 30)) ?? '', /huggingface\.co で開く/);
  });

  it('follows the language setting as the hover does', async () => {
    await client.connection.sendNotification('workspace/didChangeConfiguration', {
      settings: { transformersGlossary: { language: 'es' } },
    });
    const [english, avoided] = await messagesMatching(/^En español, el glosario evita «cabeza»/);
    assert.equal(
      english,
      '«attention mask» es el término inglés; en español, el glosario lo traduce. Use «máscara de atención».',
    );
    assert.match(avoided!, / Use «cabecera»\.$/);
    assert.deepEqual(await avoidedActions(), [
      'Reemplazar por «cabecera»',
      'Corregir todos los hallazgos del glosario en este archivo',
    ]);
    assert.match((await client.hoverText(page, 2, 30)) ?? '', /Abrir en huggingface\.co/);
  });
});
