import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { useWorkbench, type Workbench } from './workbench';

/**
 * Which rendered occurrence of `word` stands right before `context` in a fixture file (the word helpers count the
 * occurrences on Monaco's rendered lines, which for these short files are all of them).
 */
function occurrenceBefore(ui: Workbench, file: string, word: string, context: string): number {
  const text = fs.readFileSync(path.join(ui.env.workspace, file), 'utf8');
  const target = text.indexOf(`${word}${context}`);
  assert.ok(target >= 0, `"${word}${context}" is not in ${file}`);
  const wholeWord = new RegExp(`(?<![\\p{L}\\p{N}_])${word}(?![\\p{L}\\p{N}_])`, 'gu');
  return [...text.slice(0, target).matchAll(wholeWord)].length;
}

describe('hover in Python', () => {
  const ui = useWorkbench({ settings: { 'transformersGlossary.language': 'en' } });

  it('explains attention_mask with its entry, identifier and both links, and renders no HTML', async () => {
    await ui().openFile('sample.py');
    await ui().hoverWord('attention_mask', { nth: occurrenceBefore(ui(), 'sample.py', 'attention_mask', ' =') });
    const hover = await ui().waitForHover(/Open on huggingface\.co/);
    const text = await hover.innerText();
    assert.match(text, /attention mask/i);
    assert.match(text, /attention_mask/);
    assert.match(text, /Open entry/);
    await hover
      .locator('a[data-href^="https://huggingface.co/docs/transformers/main/en/glossary#attention-mask"]')
      .waitFor();
    await hover.locator('a[data-href^="command:transformersGlossary.openEntry"]').waitFor();
    assert.equal(await hover.locator('img, script, iframe').count(), 0);
    await ui().screenshot('hover-python');
  });

  it('opens the entry panel from the hover link', async () => {
    await ui().hoverWord('attention_mask', { nth: occurrenceBefore(ui(), 'sample.py', 'attention_mask', ' =') });
    const hover = await ui().waitForHover(/Open entry/);
    await hover.locator('a[data-href^="command:transformersGlossary.openEntry"]').click();
    await ui()
      .webview()
      .locator('h1', { hasText: /attention mask/i })
      .waitFor();
  });
});

/**
 * Picks the glossary language the way a person does, through Glossary: Change Language. The command writes the
 * setting through VS Code's API, which applies at once, so the shared window needs no reload (see Workbench.reset).
 */
async function changeLanguage(ui: Workbench, label: string): Promise<void> {
  await ui.runCommand('Glossary: Change Language');
  const exactLabel = ui.page.locator('.label-name', { hasText: new RegExp(`^${label}$`) });
  await ui.quickPickRows.filter({ has: exactLabel }).first().click();
  await ui.quickInput.waitFor({ state: 'hidden' });
}

describe('hover in Python, in Spanish', () => {
  const ui = useWorkbench({ settings: { 'transformersGlossary.language': 'en' } });

  it('shows the Spanish entry and links to the Spanish page once Spanish is picked', async () => {
    await ui().openFile('sample.py');
    await changeLanguage(ui(), 'Español');
    try {
      await ui().hoverWord('attention_mask', { nth: occurrenceBefore(ui(), 'sample.py', 'attention_mask', ' =') });
      // The setting reaches the extension a moment after the quick pick closes; waitForHover hovers again until then.
      const hover = await ui().waitForHover(/máscara de atención/i);
      assert.match(await hover.innerText(), /huggingface\.co/);
      await hover
        .locator('a[data-href^="https://huggingface.co/docs/transformers/main/es/glossary#attention-mask"]')
        .waitFor();
      await ui().screenshot('hover-python-es');
    } finally {
      // Back to English the same way, so that the next block finds the settings it expects.
      await changeLanguage(ui(), 'English');
    }
  });
});

describe('hover in Markdown', () => {
  const ui = useWorkbench({ settings: { 'transformersGlossary.language': 'en' } });

  it('explains a phrase in prose', async () => {
    await ui().openFile('notes.md');
    await ui().hoverWord('self-attention');
    const hover = await ui().waitForHover(/self-attention/i);
    assert.match(await hover.innerText(), /Open on huggingface\.co/);
    await hover.locator('a[data-href*="/en/glossary#self-attention"]').waitFor();
    await ui().screenshot('hover-markdown');
  });
});
