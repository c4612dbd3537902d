import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { GlossaryTestApi } from '../../src/extension';
import { Commands, Settings } from '../../src/ids';
import type { OccurrenceNode } from '../../src/tree/inThisFileTree';
import { sectionLetter } from '../../src/tree/sections';
import type { SectionNode, TermNode } from '../../src/tree/termsTree';
import { setSetting, englishTestApi, waitFor } from './editorFeatures';
import { openFixture } from './fixtures';

function sections(api: GlossaryTestApi): SectionNode[] {
  return api.termsTree.getChildren() as SectionNode[];
}

function termNodes(api: GlossaryTestApi): TermNode[] {
  return sections(api).flatMap((section) => api.termsTree.getChildren(section) as TermNode[]);
}

suite('sidebar', () => {
  let api: GlossaryTestApi;

  suiteSetup(async () => {
    api = await englishTestApi();
  });

  suiteTeardown(async () => {
    await setSetting(Settings.language, undefined);
  });

  test('Terms lists every term once, under sorted letter sections', () => {
    const letters = sections(api).map((s) => s.letter);
    assert.deepEqual(letters, [...new Set(letters)], 'each letter once');
    assert.deepEqual(letters, [...letters].sort(new Intl.Collator('en').compare));
    const ids = termNodes(api).map((node) => node.term.termId);
    assert.deepEqual(
      [...ids].sort(),
      api.glossary
        .snapshot()
        .termMap.terms.map((t) => t.id)
        .sort(),
    );
    for (const section of sections(api)) {
      for (const node of section.terms) {
        assert.equal(sectionLetter(node.term.title, 'en', ''), section.letter, node.term.title);
      }
    }
  });

  test('a term item shows its title, its summary as tooltip, and opens the panel', () => {
    const node = termNodes(api).find((n) => n.term.termId === 'attention-mask')!;
    const item = api.termsTree.getTreeItem(node);
    assert.equal(item.label, api.glossary.snapshot().term('attention-mask')!.entries.en!.title);
    assert.ok(item.tooltip instanceof vscode.MarkdownString);
    assert.ok(!item.tooltip.isTrusted && !item.tooltip.supportHtml);
    assert.deepEqual(item.command?.command, Commands.openEntry);
    assert.deepEqual(item.command?.arguments, [{ termId: 'attention-mask' }]);
    assert.equal(api.termsTree.getParent(node), node.section);
  });

  test('reveal finds a term through getParent', async () => {
    const node = api.termsTree.nodeFor('self-attention')!;
    await api.termsView.reveal(node, { select: true, focus: false });
    await waitFor(
      'the selection',
      () => api.termsView.selection.map((n) => (n as TermNode).term?.termId),
      (ids) => ids.includes('self-attention'),
    );
  });

  test('Terms follows the display language', async () => {
    await setSetting(Settings.language, 'es');
    try {
      await waitFor(
        'the Spanish title',
        () => api.termsTree.nodeFor('attention-mask')?.term.title,
        (title) => title === api.glossary.snapshot().term('attention-mask')!.entries.es!.title,
      );
      const letters = sections(api).map((s) => s.letter);
      assert.deepEqual(letters, [...letters].sort(new Intl.Collator('es').compare));
    } finally {
      await setSetting(Settings.language, 'en');
    }
  });

  test('In This File lists the terms of the active editor with their counts', async () => {
    await openFixture('sample.py');
    const nodes = api.inThisFileTree.getChildren();
    const mask = nodes.find((n) => n.termId === 'attention-mask');
    assert.ok(mask, JSON.stringify(nodes.map((n) => n.termId)));
    assert.ok(mask.count >= 4, `attention_mask occurs at least four times in code, counted ${mask.count}`);
    assert.ok(nodes.some((n) => n.termId === 'input-ids'));
    const item = api.inThisFileTree.getTreeItem(mask);
    assert.equal(item.command?.command, Commands.revealNextOccurrence);
    assert.ok(String(item.description).includes(String(mask.count)));
  });

  test('clicking an In This File item cycles through the occurrences', async () => {
    const editor = await openFixture('sample.py');
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    const mask = api.inThisFileTree.getChildren().find((n) => n.termId === 'attention-mask')!;
    const args = api.inThisFileTree.getTreeItem(mask).command!.arguments![0] as unknown;
    const offsets: number[] = [];
    for (let i = 0; i <= mask.count; i++) {
      const range = await vscode.commands.executeCommand<vscode.Range>(Commands.revealNextOccurrence, args);
      assert.ok(range);
      assert.match(editor.document.getText(editor.selection), /attention[_ ]mask/i);
      assert.ok(editor.selection.isEqual(new vscode.Selection(range.start, range.end)));
      offsets.push(editor.document.offsetAt(range.start));
    }
    const firstRound = offsets.slice(0, mask.count);
    assert.deepEqual(
      firstRound,
      [...firstRound].sort((a, b) => a - b),
      'occurrences in document order',
    );
    assert.equal(new Set(firstRound).size, mask.count, 'every occurrence once');
    assert.equal(offsets[mask.count], offsets[0], 'then back to the first');
  });

  test('In This File keeps listing the file beside the entry panel while the panel has the focus', async () => {
    await openFixture('sample.py');
    const before = api.inThisFileTree.getChildren().map((n) => n.termId);
    assert.ok(before.includes('attention-mask'));
    await vscode.commands.executeCommand(Commands.openEntry, { termId: 'attention-mask' });
    await waitFor(
      'the panel to take the focus',
      () => vscode.window.activeTextEditor,
      (editor) => editor === undefined,
    );
    assert.deepEqual(
      api.inThisFileTree.getChildren().map((n) => n.termId),
      before,
    );
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  test('In This File follows edits to the active document', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'python', content: 'value = 1\n' });
    const editor = await vscode.window.showTextDocument(document);
    assert.deepEqual(api.inThisFileTree.getChildren(), []);
    const changed = new Promise<void>((resolve) => {
      const listener = api.inThisFileTree.onDidChangeTreeData(() => {
        listener.dispose();
        resolve();
      });
    });
    await editor.edit((edit) => edit.insert(new vscode.Position(1, 0), 'mask = attention_mask\n'));
    await changed;
    const nodes: OccurrenceNode[] = api.inThisFileTree.getChildren();
    assert.deepEqual(
      nodes.map((n) => [n.termId, n.count]),
      [['attention-mask', 1]],
    );
  });
});
