import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ConsoleMessage, Dialog, Frame } from 'playwright-core';
import type { Workbench } from './workbench';
import { useWorkbench } from './workbench';

/** Everything the hostile entry below would do if any of its code ran. */
const PWNED = 'TG-PWNED';

/**
 * A custom glossary whose only entry tries every way of running code in the panel: raw script and style elements,
 * an event-handler attribute, a raw anchor with onclick, and links with javascript:, command: and data: URLs. Each
 * payload would log PWNED, change the document title or open a dialog, which the test watches for.
 */
const HOSTILE_GLOSSARY = `# Glossary

## H

### hostile term

A hostile entry <script>console.log('${PWNED}-inline-script'); document.title = '${PWNED}'</script> with an
image <img src="x" onerror="console.log('${PWNED}-onerror'); document.title = '${PWNED}'"> in its text.

<script>console.log('${PWNED}-block-script'); alert('${PWNED}')</script>

<a href="https://huggingface.co" onclick="console.log('${PWNED}-onclick')">raw anchor</a>

<style>body { background: red !important }</style>

<iframe src="https://example.com"></iframe>

[javascript link](javascript:console.log('${PWNED}-javascript-link'))

[command link](command:workbench.action.terminal.new)

[data link](data:text/html,<script>console.log('${PWNED}-data-link')</script>)
`;

/** The frame that holds the panel's own document (VS Code nests it inside the webview host frame). */
async function panelFrame(ui: Workbench): Promise<Frame> {
  await ui.webview().locator('body[data-term-id]').waitFor();
  for (const frame of ui.page.frames()) {
    if ((await frame.locator('body[data-term-id]').count().catch(() => 0)) > 0) return frame;
  }
  throw new Error('the entry panel frame was not found');
}

/**
 * Opens a term's entry through Glossary: Search. Custom glossaries are read on first use, after the first quick
 * pick has already been filled, so the search is repeated (a bounded number of times) until the term is listed.
 */
async function openFromSearch(ui: Workbench, title: string, attempts = 5): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await ui.runCommand('Glossary: Search');
    await ui.quickInput.locator('input').fill(title);
    const row = ui.quickPickRows.filter({ hasText: title }).first();
    try {
      await row.waitFor({ timeout: 5_000 });
      await ui.page.keyboard.press('Enter');
      return;
    } catch (error) {
      if (attempt >= attempts) throw error;
      await ui.page.keyboard.press('Escape');
    }
  }
}

describe('entry panel', () => {
  const ui = useWorkbench({ settings: { 'transformersGlossary.language': 'en' } });

  it('opens from the hover on attention_mask and renders the full entry', async () => {
    await ui().openFile('sample.py');
    await ui().hoverWord('attention_mask');
    const hover = await ui().waitForHover('Open entry');
    // Monaco renders command links as anchors without href, so they are found by their text.
    await hover.locator('a', { hasText: 'Open entry' }).first().click();

    const view = ui().webview();
    await view.locator('main h1', { hasText: /attention mask/i }).waitFor();
    assert.equal(await view.locator('.identifiers code', { hasText: 'attention_mask' }).count(), 1);
    assert.ok((await view.locator('article.entry pre code.language-python').count()) >= 1, 'the entry shows its Python example');
    assert.equal(await view.locator('footer a[data-external]', { hasText: 'huggingface.co' }).count(), 1);
    assert.equal(await view.locator('iframe').count(), 0, 'videos are links, never embedded frames');
    assert.ok((await view.locator('.locales [data-locale="es"]').count()) === 1, 'the switcher offers Spanish');
    await ui().closeWidgets();
    await ui().screenshot('panel-attention-mask');
  });

  it('follows a cross-reference and comes back with Back and Forward', async () => {
    await ui().runCommand('Glossary: Search');
    await ui().quickInput.locator('input').fill('encoder models');
    await ui().quickPickRows.filter({ hasText: /encoder models/i }).first().waitFor();
    await ui().page.keyboard.press('Enter');
    const view = ui().webview();
    await view.locator('main h1', { hasText: /encoder models/i }).waitFor();

    const reference = view.locator('article.entry a[data-term]').first();
    const target = await reference.getAttribute('data-term');
    assert.ok(target, 'the encoder models entry refers to another term');
    await reference.click();
    await view.locator(`body[data-term-id="${target}"]`).waitFor();
    await ui().screenshot('panel-after-cross-reference');

    await view.locator('button[data-action="back"]').click();
    await view.locator('main h1', { hasText: /encoder models/i }).waitFor();
    await view.locator('button[data-action="forward"]').click();
    await view.locator(`body[data-term-id="${target}"]`).waitFor();
  });

  it('switches the entry to Spanish from the locale switcher', async () => {
    await ui().runCommand('Glossary: Search');
    await ui().quickInput.locator('input').fill('attention mask');
    await ui().quickPickRows.filter({ hasText: /attention mask/i }).first().waitFor();
    await ui().page.keyboard.press('Enter');
    const view = ui().webview();
    await view.locator('body[data-term-id="attention-mask"]').waitFor();
    await view.locator('.locales button[data-locale="es"]').click();
    await view.locator('article.entry[lang="es"]').waitFor();
    await view.locator('.locales .current[lang="es"]').waitFor();
    await ui().screenshot('panel-attention-mask-es');
  });

  it('comes back on the same entry after the window reloads', async () => {
    const view = ui().webview();
    await view.locator('article.entry[lang="es"]').waitFor();
    await ui().runCommand('Developer: Reload Window');
    await ui().page.locator('.monaco-workbench').waitFor();
    await ui().webview().locator('body[data-term-id="attention-mask"] article.entry[lang="es"]').waitFor({ timeout: 60_000 });
    await ui().screenshot('panel-restored-after-reload');
  });
});

describe('entry panel with a hostile custom glossary', () => {
  const file = 'hostile/en-glossary.md';
  // Written before the workbench opens, so that the extension finds the file when it first reads the setting.
  before(() => {
    const workspace = process.env.TG_UI_WORKSPACE;
    if (!workspace) throw new Error('TG_UI_WORKSPACE is not set: run the UI tests with `npm run test:ui`');
    fs.mkdirSync(path.join(workspace, 'hostile'), { recursive: true });
    fs.writeFileSync(path.join(workspace, file), HOSTILE_GLOSSARY);
  });
  const ui = useWorkbench({ settings: { 'transformersGlossary.language': 'en', 'transformersGlossary.customGlossaries': [file] } });

  it('shows the hostile entry as inert text and runs none of it', async () => {
    const signs: string[] = [];
    const onConsole = (message: ConsoleMessage): void => {
      if (message.text().includes(PWNED)) signs.push(`console: ${message.text()}`);
    };
    const onDialog = (dialog: Dialog): void => {
      signs.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    };
    ui().page.on('console', onConsole);
    ui().page.on('dialog', onDialog);
    try {
      // Opening a Python file activates the extension, so that its commands are in the palette.
      await ui().openFile('sample.py');
      await openFromSearch(ui(), 'hostile term');

      const view = ui().webview();
      await view.locator('body[data-term-id="hostile-term"] main h1', { hasText: 'hostile term' }).waitFor();
      const entry = view.locator('article.entry');
      // The visible text of every link survives; their destinations do not.
      for (const text of ['javascript link', 'command link', 'data link']) {
        await entry.getByText(text).first().waitFor();
      }
      // VS Code adds its own bootstrap script to the frame; the only script with a source is ours.
      const sources = await view.locator('script[src]').evaluateAll((scripts) => scripts.map((script) => script.getAttribute('src') ?? ''));
      assert.equal(sources.length, 1, `scripts with a source: ${sources.join(', ')}`);
      assert.match(sources[0]!, /\/media\/panel\.js$/);
      assert.equal(await view.locator('script', { hasText: PWNED }).count(), 0, 'no script from the entry is in the page');
      // VS Code also adds its default stylesheet (style#_defaultStyles) to the frame; no other style may exist.
      const embedded = await view
        .locator('img, iframe, style:not(#_defaultStyles), object, embed')
        .evaluateAll((elements) => elements.map((element) => element.outerHTML.slice(0, 120)));
      assert.deepEqual(embedded, []);
      // VS Code puts the theme's variables in the root element's style attribute; nothing else may carry one.
      const handlers = await view
        .locator('body [onclick], body [onerror], body [onload], body [onmouseover], body [style]')
        .evaluateAll((elements) => elements.map((element) => element.outerHTML.slice(0, 120)));
      assert.deepEqual(handlers, []);
      const hrefs = await view.locator('a[href]').evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href') ?? ''));
      for (const href of hrefs) assert.match(href, /^(https?:\/\/|#)/, `unexpected link destination ${href}`);
      // The markup shows as text, so that a reader sees what the glossary contains.
      await entry.getByText('onerror=', { exact: false }).first().waitFor();

      // Clicking where the hostile links were does nothing either.
      for (const text of ['javascript link', 'command link', 'data link', 'raw anchor']) {
        const candidate = entry.getByText(text).first();
        if ((await candidate.count()) > 0) await candidate.click();
      }
      await view.locator('body[data-term-id="hostile-term"]').waitFor();
      assert.deepEqual(signs, [], 'nothing in the hostile entry ran');
      const frame = await panelFrame(ui());
      assert.doesNotMatch(await frame.title(), new RegExp(PWNED));
      await ui().screenshot('panel-hostile-entry');
    } finally {
      ui().page.off('console', onConsole);
      ui().page.off('dialog', onDialog);
    }
  });
});
