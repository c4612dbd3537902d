/**
 * Protocol tests of the language server: the built dist/lsp.js runs as a child process and is spoken to over stdio
 * with vscode-jsonrpc, as an editor speaks to it. Nothing of the server is imported: what is tested is what an editor
 * gets.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CompletionItem, DocumentLink, InitializeResult, MarkupContent } from 'vscode-languageserver-protocol';
import { repoRoot } from '../helpers/repoRoot';
import { TestClient, docUri } from './client';

const PY = docUri('virtual', 'modeling_toy.py');
const MD = docUri('virtual', 'docs', 'source', 'es', 'quicktour.md');

describe('language server over stdio', function () {
  this.timeout(30_000);
  let client: TestClient;
  let initialize: InitializeResult;

  before(async () => {
    ({ client, initialize } = await TestClient.start({ initializationOptions: { language: 'es' } }));
    await client.open(PY, 'python', 'def forward(self, input_ids, attention_mask=None):\n    return attention_mask\n');
    await client.open(
      MD,
      'markdown',
      [
        '# Inicio rápido',
        '',
        'La máscara de atención indica qué posiciones se leen; ver [máscara](../glossary#attention-mask).',
        '',
        '```python',
        'outputs = model(input_ids, attention_mask=mask)',
        '```',
        '',
      ].join('\n'),
    );
  });

  after(async () => {
    await client.stop();
  });

  it('announces hover, links, completion and the lookup command', () => {
    const capabilities = initialize.capabilities;
    assert.equal(capabilities.hoverProvider, true);
    assert.ok(capabilities.documentLinkProvider);
    assert.ok(capabilities.completionProvider);
    assert.ok(capabilities.executeCommandProvider?.commands.includes('transformersGlossary.lookup'));
    assert.equal(initialize.serverInfo?.name, 'transformers-glossary-lsp');
  });

  it('hovers attention_mask in Python with the Spanish entry and its huggingface.co link', async () => {
    const hover = (await client.hover(PY, 0, 35))!;
    const contents = hover.contents as MarkupContent;
    assert.equal(contents.kind, 'markdown');
    assert.match(contents.value, /^\*\*máscara de atención\*\*/);
    assert.match(
      contents.value,
      /\[Abrir en huggingface\.co\]\(https:\/\/huggingface\.co\/docs\/transformers\/main\/es\/glossary#attention-mask\)/,
    );
    // Sentence punctuation stays as written: Neovim 0.7 to 0.9 show hover Markdown as source, backslashes included.
    assert.match(contents.value, /unos y ceros, con la misma forma/);
    // The entry panel exists only in VS Code: no command link that another editor would show dead.
    assert.doesNotMatch(contents.value, /command:/);
    assert.deepEqual(hover.range, { start: { line: 0, character: 29 }, end: { line: 0, character: 43 } });
  });

  it('reads Markdown as prose and a fenced Python block as code', async () => {
    assert.match((await client.hoverText(MD, 2, 5))!, /máscara de atención/);
    assert.match((await client.hoverText(MD, 5, 30))!, /máscara de atención/);
    assert.equal(await client.hover(MD, 0, 3), null);
  });

  it('links glossary#anchor links to the term page in the configured language', async () => {
    const links = await client.request<DocumentLink[]>('textDocument/documentLink', { textDocument: { uri: MD } });
    assert.equal(links.length, 1);
    assert.equal(links[0]!.target, 'https://huggingface.co/docs/transformers/main/es/glossary#attention-mask');
    assert.equal(links[0]!.range.start.line, 2);
  });

  it('looks terms up through workspace/executeCommand', async () => {
    const found = await client.request<{ termId: string; title: string; url: string }>('workspace/executeCommand', {
      command: 'transformersGlossary.lookup',
      arguments: ['Attention-Mask'],
    });
    assert.equal(found.termId, 'attention-mask');
    assert.equal(found.title, 'máscara de atención');
    assert.equal(found.url, 'https://huggingface.co/docs/transformers/main/es/glossary#attention-mask');
    assert.equal(
      await client.connection.sendRequest('workspace/executeCommand', {
        command: 'transformersGlossary.lookup',
        arguments: ['no such term at all'],
      }),
      null,
    );
  });

  it('offers no completion until the setting turns it on, then glossary terms in prose only', async () => {
    const request = (line: number, character: number): Promise<CompletionItem[] | null> =>
      client.request('textDocument/completion', {
        textDocument: { uri: MD },
        position: { line, character },
      });
    assert.equal(await request(2, 3), null);
    await client.connection.sendNotification('workspace/didChangeConfiguration', {
      settings: { transformersGlossary: { completion: { enabled: true } } },
    });
    const items = (await request(2, 3))!;
    const item = items.find((candidate) => (candidate.data as { termId: string }).termId === 'attention-mask')!;
    assert.equal(item.label, 'máscara de atención');
    const resolved = await client.request<CompletionItem>('completionItem/resolve', item);
    assert.match((resolved.documentation as MarkupContent).value, /huggingface\.co/);
    assert.equal(await request(5, 3), null, 'no glossary completion inside a fenced Python block');
    // The language setting kept its value: a client sending one key does not reset the others.
    assert.match((await client.hoverText(PY, 0, 35))!, /máscara de atención/);
  });

  it('follows workspace/didChangeConfiguration: language and ignored terms', async () => {
    await client.connection.sendNotification('workspace/didChangeConfiguration', {
      settings: { transformersGlossary: { language: 'en' } },
    });
    assert.match((await client.hoverText(PY, 0, 35))!, /^\*\*attention mask\*\*/);
    await client.connection.sendNotification('workspace/didChangeConfiguration', {
      settings: { transformersGlossary: { ignoredTerms: ['attention-mask'] } },
    });
    assert.equal(await client.hover(PY, 0, 35), null);
    await client.connection.sendNotification('workspace/didChangeConfiguration', {
      settings: { transformersGlossary: { language: 'es', ignoredTerms: [] } },
    });
    assert.match((await client.hoverText(PY, 0, 35))!, /máscara de atención/);
  });

  it('answers malformed requests with an error and keeps serving', async () => {
    await assert.rejects(
      client.connection.sendRequest('textDocument/hover', { textDocument: { uri: PY } }),
      (error: { code?: number }) => error.code === -32602,
    );
    await assert.rejects(
      client.connection.sendRequest('textDocument/hover', { position: { line: 0, character: 0 } }),
      (error: { code?: number }) => error.code === -32602,
    );
    await assert.rejects(
      client.connection.sendRequest('workspace/executeCommand', {
        command: 'transformersGlossary.lookup',
        arguments: [42],
      }),
      (error: { code?: number }) => error.code === -32602,
    );
    // A notification that cannot be read is dropped, not fatal.
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: null });
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: 7 },
      contentChanges: 'x',
    });
    // A position far past the end of the document is no term, not an error.
    assert.equal(await client.hover(PY, 10_000, 10_000), null);
    assert.match((await client.hoverText(PY, 0, 35))!, /máscara de atención/);
    assert.equal(client.exited, undefined);
  });

  it('answers a request cancelled before it ran with RequestCancelled', async () => {
    // The request and its cancellation arrive in one write, so the cancellation finds the request still queued.
    const frame = (message: object): string => {
      const body = JSON.stringify({ jsonrpc: '2.0', ...message });
      return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
    };
    const id = 'cancel-me';
    // The answer is read from the raw stream, frame by frame, beside the client's own reader.
    const answer = new Promise<{ error?: { code: number } }>((resolve) => {
      let buffered = Buffer.alloc(0);
      const onData = (chunk: Buffer): void => {
        buffered = Buffer.concat([buffered, chunk]);
        for (;;) {
          const headerEnd = buffered.indexOf('\r\n\r\n');
          const length = Number(/Content-Length: (\d+)/i.exec(buffered.subarray(0, headerEnd).toString())?.[1]);
          if (headerEnd < 0 || !(buffered.length >= headerEnd + 4 + length)) return;
          const body = buffered.subarray(headerEnd + 4, headerEnd + 4 + length).toString();
          buffered = buffered.subarray(headerEnd + 4 + length);
          const message = JSON.parse(body) as { id?: unknown; error?: { code: number } };
          if (message.id === id) {
            client.process.stdout.off('data', onData);
            resolve(message);
            return;
          }
        }
      };
      client.process.stdout.on('data', onData);
    });
    client.process.stdin.write(
      frame({
        id,
        method: 'textDocument/hover',
        params: { textDocument: { uri: PY }, position: { line: 0, character: 35 } },
      }) + frame({ method: '$/cancelRequest', params: { id } }),
    );
    const response = await answer;
    assert.equal(response.error?.code, -32800, JSON.stringify(response));
    assert.match((await client.hoverText(PY, 0, 35))!, /máscara de atención/);
  });
});

describe('language server: custom glossaries', function () {
  this.timeout(60_000);
  let dir: string;
  let client: TestClient | undefined;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tg-lsp-'));
  });
  afterEach(async () => {
    await client?.stop();
    client = undefined;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const reload = (c: TestClient): Promise<{ status: string }> =>
    c.request('workspace/executeCommand', { command: 'transformersGlossary.reloadGlossaries' });

  it('discovers docs/source/<lang>/glossary.md in the workspace and hovers its terms', async () => {
    fs.mkdirSync(path.join(dir, 'docs', 'source', 'en'), { recursive: true });
    fs.writeFileSync(
      path.join(dir, 'docs', 'source', 'en', 'glossary.md'),
      '# Glossary\n\n## W\n\n### widget stack\n\nA pile of widgets our own team talks about.\n',
    );
    ({ client } = await TestClient.start({ rootPath: dir }));
    const report = await reload(client);
    assert.equal(report.status, 'loaded');
    const uri = pathToFileURL(path.join(dir, 'notes.md')).href;
    await client.open(uri, 'markdown', 'The widget stack grows.\n');
    assert.match((await client.hoverText(uri, 0, 6))!, /widget stack/);
    // Turning discovery off drops the team's glossary and keeps the bundled one.
    await client.connection.sendNotification('workspace/didChangeConfiguration', {
      settings: { transformersGlossary: { discoverGlossaries: false } },
    });
    assert.equal((await reload(client)).status, 'skipped');
    assert.equal(await client.hover(uri, 0, 6), null);
  });

  it('keeps serving after a hostile or broken glossary, and reports it on the file', async () => {
    const broken = path.join(repoRoot(), 'test', 'fixtures', 'workspace', 'broken-glossary.md');
    const hostile = path.join(repoRoot(), 'test', 'fixtures', 'hostile', 'g-deep-nesting.md');
    ({ client } = await TestClient.start({
      rootPath: dir,
      initializationOptions: { transformersGlossary: { customGlossaries: [broken, hostile] } },
    }));
    const report = await reload(client);
    assert.equal(report.status, 'failed');
    const brokenUri = pathToFileURL(broken).href;
    const published = await client.waitFor(() => client!.diagnostics.get(brokenUri), 'diagnostics on the broken file');
    assert.ok(published.diagnostics.some((d) => d.severity === 1));
    await client.waitFor(() => client!.messages.some((m) => /not loaded/.test(m.message)), 'a warning message');
    // The bundled glossary is still there.
    const py = pathToFileURL(path.join(dir, 'a.py')).href;
    await client.open(py, 'python', 'mask = attention_mask\n');
    assert.match((await client.hoverText(py, 0, 10))!, /attention mask/);
  });

  it('refuses a glossary over the size limit without reading it', async () => {
    const huge = path.join(dir, 'huge.md');
    fs.writeFileSync(huge, `# Glossary\n\n## A\n\n### a\n\n${'x'.repeat(5 * 1_048_576)}\n`);
    ({ client } = await TestClient.start({ rootPath: dir, initializationOptions: { customGlossaries: [huge] } }));
    assert.equal((await reload(client)).status, 'failed');
    await client.waitFor(() => client!.messages.some((m) => /over the limit/.test(m.message)), 'the size warning');
  });

  it('reads a notebook as jupyter-lsp sends it: one virtual Python document of the code cells', async () => {
    ({ client } = await TestClient.start({ rootPath: dir, initializationOptions: { language: 'es' } }));
    const uri = pathToFileURL(path.join(dir, '.virtual_documents', 'Untitled.ipynb')).href;
    await client.open(uri, 'python', 'batch = tokenizer(texts)\n\n\nbatch["attention_mask"]\n');
    assert.match((await client.hoverText(uri, 3, 10))!, /máscara de atención/);
  });
});

describe('language server: hostile documents', function () {
  this.timeout(60_000);
  let client: TestClient;

  before(async () => {
    ({ client } = await TestClient.start({ initializationOptions: { language: 'es', documentLanguage: 'es' } }));
  });
  after(async () => {
    await client.stop();
  });

  it('hovers, links and checks every document of the hostile corpus and keeps answering', async () => {
    const dir = path.join(repoRoot(), 'test', 'fixtures', 'hostile');
    const files = fs.readdirSync(dir).filter((name) => name.startsWith('d-'));
    assert.ok(files.length >= 10);
    for (const name of files) {
      // The bytes as an editor would decode them (invalid UTF-8 becomes U+FFFD), NUL, bare CR and all.
      const text = fs.readFileSync(path.join(dir, name)).toString('utf8');
      const uri = pathToFileURL(path.join(dir, name.replace(/\.\w+$/, '.md'))).href;
      const languageId = name.endsWith('.py') ? 'python' : 'markdown';
      await client.open(uri, languageId, text);
      const lines = text.split(/\r\n|\r|\n/);
      for (const line of [0, Math.floor(lines.length / 2), lines.length - 1]) {
        const length = lines[line]?.length ?? 0;
        for (const character of [0, Math.floor(length / 2), Math.max(0, length - 1)]) {
          await client.hover(uri, line, character);
        }
      }
      await client.request('textDocument/documentLink', { textDocument: { uri } });
      // The check of the document has run: its first result is always published, possibly empty.
      await client.waitFor(() => client.diagnostics.get(uri)?.version === 1, `the check of ${name}`);
      await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    }
    assert.equal(client.exited, undefined, client.stderr);
    assert.deepEqual(
      client.logs.filter((line) => /uncaught|unhandled|failed with message/i.test(line)),
      [],
    );
    assert.match(
      (
        await client.request<{ title: string }>('workspace/executeCommand', {
          command: 'transformersGlossary.lookup',
          arguments: ['attention_mask'],
        })
      ).title,
      /máscara de atención/,
    );
  });
});
