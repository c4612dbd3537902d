import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { GlossaryTestApi } from '../../src/extension';
import { Commands, Settings } from '../../src/ids';
import type { CustomGlossaryReport } from '../../src/service/glossaryService';
import { MAX_CUSTOM_GLOSSARY_BYTES } from '../../src/service/customGlossaries';
import { escapeMarkdown } from '../../src/glossary';
import {
  glossaryHovers,
  hoverAt,
  positionOf,
  setSetting,
  setWorkspaceSetting,
  englishTestApi,
  waitFor,
} from './editorFeatures';
import { fixtureUri, openFixture } from './fixtures';

const openEntryLink = `(command:${Commands.openEntry}?`;

/** The arguments of the hover's open-entry command link. */
function openEntryArgs(markdown: string): unknown {
  const start = markdown.indexOf(openEntryLink);
  assert.ok(start >= 0, `no open-entry command link in: ${markdown}`);
  const end = markdown.indexOf(')', start + 1);
  return JSON.parse(decodeURIComponent(markdown.slice(start + openEntryLink.length, end)));
}

suite('hover', () => {
  let api: GlossaryTestApi;

  suiteSetup(async () => {
    api = await englishTestApi();
  });

  suiteTeardown(async () => {
    await setSetting(Settings.language, undefined);
    await setWorkspaceSetting(Settings.customGlossaries, undefined);
    await vscode.commands.executeCommand(Commands.reloadGlossaries);
  });

  test('in Python, attention_mask shows its entry: title, summary, identifier and both links', async () => {
    const { document } = await openFixture('sample.py');
    const hover = await hoverAt(document, 'attention_mask =');
    const term = api.glossary.snapshot().term('attention-mask')!;
    const entry = term.entries.en!;
    assert.ok(hover.markdown.includes(`**${escapeMarkdown(entry.title)}**`), hover.markdown);
    assert.ok(hover.markdown.includes(escapeMarkdown(entry.summary)), 'the summary is shown');
    assert.ok(hover.markdown.includes('`attention_mask`'), 'the identifier is shown');
    assert.deepEqual(openEntryArgs(hover.markdown), { termId: 'attention-mask', locale: 'en' });
    assert.ok(
      hover.markdown.includes('(https://huggingface.co/docs/transformers/main/en/glossary#attention-mask)'),
      hover.markdown,
    );
  });

  test('the hover range is exactly the identifier', async () => {
    const { document } = await openFixture('sample.py');
    const hover = await hoverAt(document, 'attention_mask =');
    const start = positionOf(document, 'attention_mask =', 0);
    assert.ok(hover.range, 'the hover has a range');
    assert.equal(document.getText(hover.range), 'attention_mask');
    assert.ok(hover.range.start.isEqual(start));
  });

  test('the hover trusts only the open-entry command and renders no HTML', async () => {
    const { document } = await openFixture('sample.py');
    const { content } = await hoverAt(document, 'attention_mask =');
    assert.ok(content instanceof vscode.MarkdownString);
    assert.notEqual(content.isTrusted, true);
    if (content.isTrusted) assert.deepEqual(content.isTrusted, { enabledCommands: [Commands.openEntry] });
    assert.ok(!content.supportHtml);
  });

  test('words that are not terms get no glossary hover', async () => {
    const { document } = await openFixture('sample.py');
    assert.deepEqual(await glossaryHovers(document.uri, positionOf(document, 'def pad_batch', 1)), []);
    assert.deepEqual(await glossaryHovers(document.uri, positionOf(document, 'longest', 2)), []);
  });

  test('in Markdown, a prose phrase and an inline code identifier both hover', async () => {
    const { document } = await openFixture('notes.md');
    assert.equal(document.languageId, 'markdown');
    const prose = await hoverAt(document, 'self-attention');
    assert.deepEqual(openEntryArgs(prose.markdown), { termId: 'self-attention', locale: 'en' });
    const code = await hoverAt(document, 'input_ids`');
    assert.deepEqual(openEntryArgs(code.markdown), { termId: 'input-ids', locale: 'en' });
  });

  test('in Markdown, a fenced Python block follows the code rules and running text the prose rules', async () => {
    const { document } = await openFixture('notes.md');
    const inFence = await hoverAt(document, 'labels=labels');
    assert.deepEqual(openEntryArgs(inFence.markdown), { termId: 'labels', locale: 'en' });
    // In running text a single common word is not a term (docs/matching.md), so the same word stays quiet there.
    assert.deepEqual(await glossaryHovers(document.uri, positionOf(document, 'those labels', 'those '.length + 1)), []);
  });

  test('in a notebook, code cells and Markdown cells hover', async () => {
    const notebook = await vscode.workspace.openNotebookDocument(fixtureUri('padding.ipynb'));
    await vscode.window.showNotebookDocument(notebook);
    const codeCell = notebook.getCells().find((cell) => cell.kind === vscode.NotebookCellKind.Code)!;
    assert.equal(codeCell.document.uri.scheme, 'vscode-notebook-cell');
    assert.equal(codeCell.document.languageId, 'python');
    const inCode = await hoverAt(codeCell.document, 'attention_mask');
    assert.deepEqual(openEntryArgs(inCode.markdown), { termId: 'attention-mask', locale: 'en' });
    const markdownCell = notebook.getCells().find((cell) => cell.kind === vscode.NotebookCellKind.Markup)!;
    const inProse = await hoverAt(markdownCell.document, 'attention mask');
    assert.deepEqual(openEntryArgs(inProse.markdown), { termId: 'attention-mask', locale: 'en' });
  });

  test('in Spanish, the hover shows the Spanish entry and links to the Spanish page', async () => {
    const { document } = await openFixture('sample.py');
    const english = await hoverAt(document, 'attention_mask =');
    await setSetting(Settings.language, 'es');
    try {
      await waitFor(
        'the display locale',
        () => api.glossary.snapshot().displayLocale,
        (locale) => locale === 'es',
      );
      const spanish = await hoverAt(document, 'attention_mask =');
      const entry = api.glossary.snapshot().term('attention-mask')!.entries.es!;
      assert.notEqual(spanish.markdown, english.markdown);
      assert.ok(spanish.markdown.includes(`**${escapeMarkdown(entry.title)}**`), spanish.markdown);
      assert.ok(spanish.markdown.includes(escapeMarkdown(entry.summary)));
      assert.deepEqual(openEntryArgs(spanish.markdown), { termId: 'attention-mask', locale: 'es' });
      assert.ok(
        spanish.markdown.includes('(https://huggingface.co/docs/transformers/main/es/glossary#attention-mask)'),
      );
    } finally {
      await setSetting(Settings.language, 'en');
    }
  });

  test('a hostile custom glossary entry shows as inert text', async () => {
    await setWorkspaceSetting(Settings.customGlossaries, ['hostile-glossary.md']);
    const report = await vscode.commands.executeCommand<CustomGlossaryReport>(Commands.reloadGlossaries);
    assert.equal(report.status, 'loaded', JSON.stringify(report));
    const document = await vscode.workspace.openTextDocument({
      language: 'python',
      content: 'value = hostile_example + 1\n',
    });
    const hover = await hoverAt(document, 'hostile_example');
    const summary = api.glossary.snapshot().term('hostile-example')!.entries.en!.summary;
    // The fixture's summary really is hostile: the test would prove nothing otherwise.
    assert.ok(summary.includes('[x](command:workbench.action.terminal.sendSequence?'), summary);
    assert.ok(summary.includes('<img src=x onerror=alert(1)>'), summary);
    assert.ok(hover.markdown.includes(escapeMarkdown(summary)));
    // Parentheses stay unescaped in hover text; a link needs an unescaped `]` before them, which escapeMarkdown never leaves.
    assert.ok(!/(?<!\\)\]\(command:workbench/.test(hover.markdown), "the entry's command link survived");
    assert.ok(!hover.markdown.includes('<img'), "the entry's HTML survived");
    // The only link is the one the hover builds itself: Open Entry. A custom term that no upstream glossary or doc
    // page knows gets no huggingface.co link at all (the link policy never points at a page that does not exist).
    const links = [...hover.markdown.matchAll(/(?<!\\)\]\(([^)]*)\)/g)].map((m) => m[1]!);
    assert.equal(links.length, 1, hover.markdown);
    assert.ok(links[0]!.startsWith(`command:${Commands.openEntry}?`));
    assert.ok(!hover.markdown.includes('huggingface.co'), hover.markdown);
  });

  test('a custom glossary with errors is reported and the glossary loaded before stays', async () => {
    await setWorkspaceSetting(Settings.customGlossaries, ['hostile-glossary.md']);
    const loaded = await vscode.commands.executeCommand<CustomGlossaryReport>(Commands.reloadGlossaries);
    assert.equal(loaded.status, 'loaded');
    await setWorkspaceSetting(Settings.customGlossaries, ['hostile-glossary.md', 'broken-glossary.md']);
    const failed = await vscode.commands.executeCommand<CustomGlossaryReport>(Commands.reloadGlossaries);
    assert.equal(failed.status, 'failed');
    assert.ok(failed.errors > 0);
    assert.ok(api.glossary.snapshot().term('hostile-example'), 'the custom terms loaded before are still there');
    assert.equal(
      api.glossary.snapshot().term('broken-example'),
      undefined,
      'nothing of the broken glossary was merged',
    );
    const problems = vscode.languages.getDiagnostics(fixtureUri('broken-glossary.md'));
    assert.ok(
      problems.some((p) => p.severity === vscode.DiagnosticSeverity.Error),
      'the error is in the Problems view',
    );
    const document = await vscode.workspace.openTextDocument({
      language: 'python',
      content: 'value = hostile_example + 1\n',
    });
    await hoverAt(document, 'hostile_example');
  });

  test('a custom glossary over the old 1 MB limit compiles (in the worker) and loads', async () => {
    const large = fixtureUri('large-glossary.md');
    const entries: string[] = [];
    for (let i = 0, bytes = 0; bytes <= 1_100_000; i++) {
      entries.push(
        `### large term ${i}\n\nAn entry of a glossary larger than the limit custom glossaries had before they compiled in a worker.\n\n`,
      );
      bytes += entries[i]!.length;
    }
    await vscode.workspace.fs.writeFile(large, new TextEncoder().encode(`# Glossary\n\n## L\n\n${entries.join('')}`));
    try {
      await setWorkspaceSetting(Settings.customGlossaries, ['large-glossary.md']);
      const report = await vscode.commands.executeCommand<CustomGlossaryReport>(Commands.reloadGlossaries);
      assert.equal(report.status, 'loaded', JSON.stringify(report));
      assert.equal(
        api.glossary.snapshot().term(`large-term-${entries.length - 1}`)?.id,
        `large-term-${entries.length - 1}`,
      );
    } finally {
      await setWorkspaceSetting(Settings.customGlossaries, undefined);
      await vscode.workspace.fs.delete(large);
    }
  });

  test('an oversized custom glossary is refused with a clear error and the glossary loaded before stays', async () => {
    await setWorkspaceSetting(Settings.customGlossaries, ['hostile-glossary.md']);
    assert.equal(
      (await vscode.commands.executeCommand<CustomGlossaryReport>(Commands.reloadGlossaries)).status,
      'loaded',
    );
    const huge = fixtureUri('huge-glossary.md');
    // Valid entries with distinct names, just over the limit: without the size limit this file would compile and load.
    const entries: string[] = [];
    for (let i = 0, bytes = 0; bytes <= MAX_CUSTOM_GLOSSARY_BYTES; i++) {
      entries.push(
        `### filler term ${i}\n\nA line of filler that makes the file far larger than any real glossary.\n\n`,
      );
      bytes += entries[i]!.length;
    }
    await vscode.workspace.fs.writeFile(huge, new TextEncoder().encode(`# Glossary\n\n## F\n\n${entries.join('')}`));
    try {
      await setWorkspaceSetting(Settings.customGlossaries, ['hostile-glossary.md', 'huge-glossary.md']);
      const refused = await vscode.commands.executeCommand<CustomGlossaryReport>(Commands.reloadGlossaries);
      assert.equal(refused.status, 'failed');
      assert.ok(api.glossary.snapshot().term('hostile-example'), 'the custom terms loaded before are still there');
      assert.equal(api.glossary.snapshot().term('filler-term-0'), undefined);
    } finally {
      await vscode.workspace.fs.delete(huge);
    }
  });

  test('saving a custom glossary file reloads it', async () => {
    await setWorkspaceSetting(Settings.customGlossaries, ['hostile-glossary.md']);
    await vscode.commands.executeCommand<CustomGlossaryReport>(Commands.reloadGlossaries);
    const file = fixtureUri('hostile-glossary.md');
    const original = await vscode.workspace.fs.readFile(file);
    const extra = '\n## W\n\n### watched example\n\nAn entry added while the extension watches the file.\n';
    try {
      // TextEncoder rather than Buffer: the same suite runs in the web extension host (test/web), which has no Buffer.
      await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(new TextDecoder().decode(original) + extra));
      await waitFor(
        'the added term',
        () => api.glossary.snapshot().term('watched-example')?.id,
        (id) => id === 'watched-example',
      );
    } finally {
      await vscode.workspace.fs.writeFile(file, original);
    }
    await waitFor(
      'the removed term',
      () => api.glossary.snapshot().term('watched-example'),
      (term) => term === undefined,
    );
  });
});
