import * as assert from 'node:assert/strict';
import { useWorkbench } from './workbench';

describe('Glossary: Search', () => {
  const ui = useWorkbench({ settings: { 'transformersGlossary.language': 'en' } });

  /** The focused row of the quick pick: the one Enter opens. */
  const focusedRow = () => ui().page.locator('.quick-input-widget .quick-input-list .monaco-list-row.focused').first();

  it('lists the terms and finds attention mask by its Spanish name', async () => {
    await ui().runCommand('Glossary: Search');
    const input = ui().quickInput.locator('input');
    await input.waitFor();
    // The palette's own row may still be on screen for a moment after Enter, so wait for the glossary's rows.
    await ui().quickPickRows.nth(5).waitFor();
    assert.ok((await ui().quickPickRows.count()) > 5, 'the quick pick lists the glossary');
    await input.fill('máscara');
    await ui().quickPickRows.filter({ hasText: 'attention mask' }).first().waitFor();
    await ui().screenshot('search-quick-pick');
  });

  it('makes the term an abbreviation names the active row', async () => {
    const input = ui().quickInput.locator('input');
    await input.fill('MLM');
    await focusedRow()
      .filter({ hasText: /masked language model/i })
      .waitFor();
  });

  it('opens the entry panel on Enter', async () => {
    await ui().page.keyboard.press('Enter');
    await ui()
      .webview()
      .locator('h1', { hasText: /masked language model/i })
      .waitFor();
  });
});
