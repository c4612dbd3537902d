import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { useWorkbench } from './workbench';

/**
 * Custom glossaries of our own in Arabic and Japanese, each compiled alone: their headings name the English term in
 * parentheses only, so their entries join the bundled terms through the alignment reference (the bundled glossary).
 */
const ARABIC_GLOSSARY = `# مسرد المصطلحات

## A

### قناع الانتباه (attention mask)

قائمة من الأصفار والآحاد تُمرَّر مع \`input_ids\` لتخبر النموذج أي المواضع حشو (padding) وأيها رموز حقيقية.

يعيدها المُجزِّئ (tokenizer) تحت المفتاح \`attention_mask\` حين يُطلب منه الحشو:

\`\`\`python
>>> batch = tokenizer(["جملة قصيرة", "جملة أطول من الأولى بكلمات"], padding=True)
>>> batch["attention_mask"][0]
[1, 1, 1, 0, 0, 0]
\`\`\`

راجع أيضًا [معرفات الإدخال](#input-ids).

## I

### معرفات الإدخال (input IDs)

الأرقام التي يحوّل إليها المُجزِّئ النص، وهي المدخل الذي يحتاجه كل نموذج (مثل BERT أو GPT-2).
`;

const JAPANESE_GLOSSARY = `# 用語集

## A

### アテンションマスク (attention mask)

バッチの中で、どの位置が本物のトークンでどの位置がパディングかをモデルに伝える 0 と 1 の並びです。

トークナイザーに \`padding=True\` を渡すと、\`input_ids\` と一緒に \`attention_mask\` が返されます。
`;

const FILES = { ar: 'i18n/ar-glossary.md', ja: 'i18n/ja-glossary.md' };

describe('right-to-left panel and a Japanese hover', () => {
  // Written before the workbench opens, so that the extension finds the files when it first reads the setting.
  before(() => {
    const workspace = process.env.TG_UI_WORKSPACE;
    if (!workspace) throw new Error('TG_UI_WORKSPACE is not set: run the UI tests with `npm run test:ui`');
    fs.mkdirSync(path.join(workspace, 'i18n'), { recursive: true });
    fs.writeFileSync(path.join(workspace, FILES.ar), ARABIC_GLOSSARY);
    fs.writeFileSync(path.join(workspace, FILES.ja), JAPANESE_GLOSSARY);
  });
  const settings = {
    'transformersGlossary.language': 'ar',
    'transformersGlossary.customGlossaries': [FILES.ar, FILES.ja],
  };
  const ui = useWorkbench({ settings });

  it('shows an Arabic hover whose text keeps its reading order', async () => {
    // The reload that applies this block's settings may restore the previous block's editors and entry panel (with
    // sample.py scrolled to its end): start from a closed workbench, as the Japanese test below does.
    await ui().runCommand('View: Close All Editors');
    await ui().page.locator('.editor-group-container .tab').first().waitFor({ state: 'detached' });
    await ui().openFile('sample.py');
    await ui().hoverWord('attention_mask');
    // The bundled glossary has an Arabic entry too: wait for the custom glossary's own wording, which shows once the
    // custom glossary has compiled and replaced the bundled entry.
    const hover = await ui().waitForHover(/قائمة من الأصفار والآحاد/);
    const text = await hover.innerText();
    // The isolates that keep the Arabic order are in the text the hover shows, around the title and the summary.
    assert.match(text, /\u2067قناع الانتباه \(\u2066attention mask\u2069\)\u2069/);
    assert.match(text, /\u2066input_ids\u2069/);
    await ui().screenshot('hover-python-ar');
  });

  it('opens the Arabic entry right to left, with code left to right and Back and Forward mirrored', async () => {
    const hover = await ui().waitForHover(/Open entry/);
    await hover.locator('a[data-href^="command:transformersGlossary.openEntry"]').click();
    const view = ui().webview();
    await view.locator('html[dir="rtl"] body[data-term-id="attention-mask"]').waitFor();
    await view.locator('main h1[lang="ar"][dir="rtl"]', { hasText: 'قناع الانتباه' }).waitFor();
    assert.equal(await view.locator('article.entry[lang="ar"][dir="rtl"]').count(), 1);
    assert.equal(await view.locator('.identifiers code[dir="ltr"]', { hasText: /^attention_mask$/ }).count(), 1);
    assert.equal(await view.locator('.locales [lang="ar"][aria-current="true"]').count(), 1);
    // The code block and the inline identifiers are laid out left to right inside the right-to-left entry.
    const directions = await view
      .locator('article.entry pre, article.entry p > code')
      .evaluateAll((elements) => elements.map((element) => getComputedStyle(element).direction));
    assert.ok(directions.length >= 3, `code elements found: ${directions.length}`);
    assert.deepEqual([...new Set(directions)], ['ltr']);
    await ui().closeWidgets();
    await ui().screenshot('panel-ar-attention-mask');

    // Follow the cross-reference, so that Back is enabled, and check that the toolbar is mirrored.
    await view.locator('article.entry a[data-term="input-ids"]').click();
    await view.locator('html[dir="rtl"] body[data-term-id="input-ids"]').waitFor();
    const back = view.locator('button[data-action="back"]:not([disabled])');
    const forward = view.locator('button[data-action="forward"]');
    await back.waitFor();
    assert.equal(await back.innerText(), '→');
    assert.equal(await forward.innerText(), '←');
    const [backBox, forwardBox] = [await back.boundingBox(), await forward.boundingBox()];
    assert.ok(backBox && forwardBox && backBox.x > forwardBox.x, 'Back stands to the right of Forward');
    await ui().screenshot('panel-ar-input-ids');

    await back.click();
    await view.locator('body[data-term-id="attention-mask"] main h1', { hasText: 'قناع الانتباه' }).waitFor();
  });

  it('lists the Arabic title in the sidebar in its reading order', async () => {
    // In This File lists the few terms of sample.py, so the Arabic title is on screen without scrolling through the
    // Terms view's hundred-odd Arabic titles; both views label a term with the same core rule (directionalText).
    await ui().openFile('sample.py');
    await ui().openViewContainer('Glossary');
    const rows = await ui().treeRows('In This File');
    const mask = rows.filter({ hasText: 'قناع الانتباه' }).first();
    await mask.waitFor();
    // Tree labels are laid out left to right: the title carries the isolates that keep the Arabic order, and its
    // English gloss follows it, where a narrow row cuts the gloss rather than the title's first words.
    assert.match(await mask.innerText(), /\u2067قناع الانتباه\u2069 \(attention mask\)/);
    await ui().screenshot('sidebar-ar');
    await ui().runCommand('View: Show Explorer');
  });

  it('shows the Japanese entry in a hover once Japanese is the glossary language', async () => {
    // The entry panel opened beside the file; closing every editor leaves one tab of sample.py once it is reopened.
    await ui().runCommand('View: Close All Editors');
    await ui().page.locator('.editor-group-container .tab').first().waitFor({ state: 'detached' });
    await ui().openFile('sample.py');
    // Japanese is picked the way a person does, by its own name in Glossary: Change Language.
    await ui().runCommand('Glossary: Change Language');
    const japanese = ui().page.locator('.label-name', { hasText: /^日本語$/ });
    await ui().quickPickRows.filter({ has: japanese }).first().click();
    await ui().quickInput.waitFor({ state: 'hidden' });
    await ui().hoverWord('attention_mask');
    // The setting reaches the extension a moment after the quick pick closes; waitForHover hovers again until then.
    const hover = await ui().waitForHover(/どの位置が本物のトークン/);
    const text = await hover.innerText();
    assert.match(text, /アテンションマスク \(attention mask\)/);
    assert.match(text, /どの位置が本物のトークンでどの位置がパディングか/);
    assert.doesNotMatch(text, /[\u2066-\u2069]/, 'left-to-right text gets no isolates');
    // A hover hovered again fades in: the screenshot waits until it has.
    await ui().animationsSettled();
    await ui().screenshot('hover-python-ja');
  });
});
