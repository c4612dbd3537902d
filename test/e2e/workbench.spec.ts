import * as assert from 'node:assert/strict';
import { useWorkbench } from './workbench';

describe('workbench with the packaged extension', () => {
  // The same settings as the blocks before it, so that the shared window needs no reload (see Workbench.reset).
  const ui = useWorkbench({ settings: { 'transformersGlossary.language': 'en' } });

  it('lists Transformers Glossary among the installed extensions', async () => {
    await ui().runCommand('Extensions: Show Installed Extensions');
    const row = ui().page.locator('.extensions-viewlet .monaco-list-row', { hasText: 'Transformers Glossary' }).first();
    await row.waitFor();
    assert.match(await row.innerText(), /Transformers Glossary/);
  });

  it('opens sample.py from Quick Open as a Python file', async () => {
    const editor = await ui().openFile('sample.py');
    await editor.locator('.view-line', { hasText: 'def pad_batch' }).waitFor();
    const language = ui()
      .page.locator('.statusbar-item', { hasText: /^Python$/ })
      .first();
    await language.waitFor();
    const box = await ui().wordBox('attention_mask');
    assert.ok(box.width > 0 && box.height > 0, 'attention_mask has an on-screen rectangle');
    await ui().screenshot('workbench-sample-py');
  });
});
