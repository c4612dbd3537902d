import * as assert from 'node:assert/strict';
import { useWorkbench } from './workbench';

describe('sidebar', () => {
  const ui = useWorkbench({ settings: { 'transformersGlossary.language': 'en' } });

  it('lists the terms by letter in the Terms view', async () => {
    await ui().openFile('sample.py');
    await ui().openViewContainer('Glossary');
    const rows = await ui().treeRows('Terms');
    await rows.filter({ hasText: /^A/ }).first().waitFor();
    await rows.filter({ hasText: 'attention mask' }).first().waitFor();
    const view = await ui().view('Terms');
    // The title actions: Search, Change Language and Collapse All.
    for (const label of ['Search', 'Change Language', 'Collapse All']) {
      assert.ok(
        (await view.locator(`.actions a[aria-label*="${label}"]`).count()) +
          (await ui().page.locator(`.pane-header .actions a[aria-label*="${label}"]`).count()) >
          0,
        `no ${label} action`,
      );
    }
  });

  it('lists the terms of the open file with their counts in In This File, and a click selects an occurrence', async () => {
    const rows = await ui().treeRows('In This File');
    const mask = rows.filter({ hasText: 'attention mask' }).first();
    await mask.waitFor();
    assert.match(await mask.innerText(), /\d+ occurrences?/);
    await ui().screenshot('sidebar');
    await mask.click();
    await ui().page.locator('.editor-group-container.active .monaco-editor .selected-text').first().waitFor();
  });
});
