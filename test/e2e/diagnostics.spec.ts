import * as assert from 'node:assert/strict';
import { useWorkbench } from './workbench';

describe('terminology diagnostics', () => {
  const ui = useWorkbench();

  it('underlines an English term in a Spanish page and offers its quick fix and "fix all" (Ctrl+.)', async () => {
    const editor = await ui().openFile('docs/source/es/traduccion.md');
    // The squiggles of the three severities the page has: avoided forms, the English term and the broken anchor.
    for (const squiggle of ['.squiggly-warning', '.squiggly-info', '.squiggly-error']) {
      await editor.locator(squiggle).first().waitFor();
    }
    // The first "fine-tuning" of the page (line 3), an avoided form whose fix keeps the article ("El ajuste fino").
    const box = await ui().wordBox('fine-tuning');
    await ui().page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    // Ctrl+. opens the quick-fix menu; if the key press reaches the workbench before the editor has the code actions
    // of the cursor's position, the light bulb in the gutter opens the same menu.
    const menu = ui().page.locator('.action-widget:visible').first();
    await ui().page.keyboard.press('Control+.');
    try {
      await menu.waitFor({ timeout: 20_000 });
    } catch {
      await ui().page.locator('.lightBulbWidget').first().click();
      await menu.waitFor();
    }
    await ui().page.locator('.action-widget', { hasText: 'Replace with "ajuste fino"' }).first().waitFor();
    const text = await menu.innerText();
    assert.match(text, /Fix all glossary findings in this file/);
    // Only the fix of the diagnostic under the cursor is offered, not those of the other findings of the page.
    assert.doesNotMatch(text, /cabecera|agrupación/);
    await ui().screenshot('diagnostics-quick-fix');
    await ui().page.keyboard.press('Escape');
  });
});
