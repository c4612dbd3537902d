import * as assert from 'node:assert/strict';
import type { Locator } from 'playwright-core';
import { useWorkbench, type HoverOptions } from './workbench';

/**
 * The bundled glossary (no custom glossary) in Japanese, Korean, Simplified Chinese and Arabic, as a reader sees it:
 * a hover on `attention_mask` in Python and on the term written in the language in a Markdown page of our own
 * (test/fixtures/workspace/docs/<lang>-notes.md), the Arabic entry panel, and the Terms view and Glossary: Search in
 * Arabic and Japanese. Every step saves a screenshot (test-results/screenshots/bundled-*.png) for a person to read.
 */
interface LocaleCase {
  readonly locale: string;
  /** The entry's title in the locale, as the hover shows it (Arabic inside its isolates). */
  readonly title: RegExp;
  /** A phrase of the entry's summary in the locale. */
  readonly summary: RegExp;
  readonly notes: string;
  /** The word hovered in the notes page and how to find it there. */
  readonly word: string;
  readonly wordOptions: HoverOptions;
}

const CASES: readonly LocaleCase[] = [
  {
    locale: 'ja',
    title: /アテンションマスク/,
    summary: /どの位置が本物のトークン/,
    notes: 'docs/ja-notes.md',
    // Japanese has no spaces: the term stands between kana, so it is found inside the line.
    word: 'アテンションマスク',
    wordOptions: { wholeWord: false },
  },
  {
    locale: 'ko',
    title: /어텐션 마스크 \(attention mask\)/,
    summary: /실제 토큰이 있는 위치는/,
    notes: 'docs/ko-notes.md',
    // `어텐션 마스크를`: the particle 를 is attached to the term; the hover is on its first word.
    word: '어텐션',
    wordOptions: {},
  },
  {
    locale: 'zh-hans',
    title: /注意力掩码/,
    summary: /真实的 token/,
    notes: 'docs/zh-notes.md',
    word: '注意力掩码',
    wordOptions: { wholeWord: false },
  },
  {
    locale: 'ar',
    title: /\u2067قناع الانتباه \(\u2066attention mask\u2069\)\u2069/,
    summary: /يبنيه مجزئ الرموز تلقائيًا/,
    notes: 'docs/ar-notes.md',
    // `بقناع الانتباه`: the preposition ب is written against the term.
    word: 'قناع الانتباه',
    wordOptions: { wholeWord: false },
  },
];

/**
 * Where a row draws the first letter of its label, against the right edge of the box that clips it: VS Code lays rows
 * out left to right and cuts them on the right, which is where a right-to-left title's first letter is drawn.
 */
async function firstLetterOf(row: Locator): Promise<{ letter: string; right: number; clipRight: number }> {
  return row.evaluate((element) => {
    const label = element.querySelector('.label-name')!;
    const clip = element.querySelector('.monaco-icon-label-container')!.getBoundingClientRect();
    const walker = document.createTreeWalker(label, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      const at = node.data.search(/\p{L}/u);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + 1);
      return { letter: node.data[at]!, right: range.getBoundingClientRect().right, clipRight: clip.right };
    }
    throw new Error('the row has no letter');
  });
}

/** Shows the term in the Terms view, and Glossary: Search with `query` typed, and saves a screenshot of each. */
async function termsAndSearch(
  ui: ReturnType<typeof useWorkbench>,
  { locale, section, label, query }: { locale: string; section: string; label: string; query: string },
): Promise<void> {
  await ui().runCommand('View: Close All Editors');
  await ui().page.locator('.editor-group-container .tab').first().waitFor({ state: 'detached' });
  await ui().openViewContainer('Glossary');
  // In This File is empty with no editor open; collapsing it gives the Terms view the sidebar's height.
  const inThisFile = ui().page.locator('.pane-header', { hasText: 'In This File' }).first();
  if ((await inThisFile.getAttribute('aria-expanded')) === 'true') await inThisFile.click();
  const view = await ui().view('Terms');
  const rows = view.locator('.monaco-list-row');
  await rows.first().waitFor();
  // The term stands below the rendered rows of the expanded tree: collapse every section (the view's title action,
  // shown while the pointer is on the view), then expand the term's own section.
  await view.hover();
  await view.locator('.actions a[aria-label^="Collapse All"]').click();
  // An Arabic section letter is isolated like the titles, so that its count stays after it.
  const letter = new RegExp(`^[\u2066-\u2069]*${section}[\u2066-\u2069]*$`);
  const sectionRow = rows.filter({ has: ui().page.locator('.label-name', { hasText: letter }) });
  await sectionRow.first().click();
  const row = rows.filter({ hasText: label }).first();
  await row.waitFor();
  // Tree rows are laid out left to right: the Arabic label keeps its order only inside isolates.
  if (locale === 'ar') {
    assert.match(await row.innerText(), /\u2067قناع الانتباه/);
    assert.match(await sectionRow.first().innerText(), /^\u2067\u2066?ق/);
    // The section's longest title, wider than the sidebar's row: its first letter is on screen (the English gloss
    // after the title is what the row cuts).
    const long = rows.filter({ hasText: 'decoder attention mask' }).first();
    const first = await firstLetterOf(long);
    assert.equal(first.letter, 'ق');
    assert.ok(first.right <= first.clipRight, `the first letter ends at ${first.right}, the row at ${first.clipRight}`);
  }
  await ui().screenshot(`bundled-terms-${locale}`);

  await ui().runCommand('Glossary: Search');
  const input = ui().quickInput.locator('input');
  await input.waitFor();
  await input.fill(query);
  const item = ui().quickPickRows.filter({ hasText: label }).first();
  await item.waitFor();
  // Quick pick rows too: the Arabic label and its summary (the detail) are isolated like the tree's.
  if (locale === 'ar') assert.match(await item.innerText(), /\u2067قناع الانتباه/);
  await ui().screenshot(`bundled-search-${locale}`);
  await ui().closeWidgets();
  await ui().runCommand('View: Show Explorer');
}

// One block per language: the workbench reloads with the block's settings (a live settings change reaches VS Code
// only when it notices the file changed, which under load may not happen within a wait).
for (const { locale, title, summary, notes, word, wordOptions } of CASES) {
  describe(`the bundled glossary in ${locale}`, () => {
    const ui = useWorkbench({ settings: { 'transformersGlossary.language': locale } });

    it(`hovers attention_mask in Python and the term in a ${locale} page`, async () => {
      await ui().openFile('sample.py');
      await ui().hoverWord('attention_mask');
      const pythonHover = await ui().waitForHover(title);
      const pythonText = await pythonHover.innerText();
      assert.match(pythonText, summary);
      assert.match(pythonText, /Open entry · Open on huggingface\.co/);
      await ui().animationsSettled();
      await ui().screenshot(`bundled-hover-python-${locale}`);

      await ui().openFile(notes);
      await ui().hoverWord(word, wordOptions);
      const notesHover = await ui().waitForHover(title);
      assert.match(await notesHover.innerText(), summary);
      await ui().animationsSettled();
      await ui().screenshot(`bundled-hover-markdown-${locale}`);
    });

    if (locale === 'ar') {
      it('opens the Arabic entry panel from the hover', async () => {
        // The hover of the Arabic notes page is still on screen.
        const hover = await ui().waitForHover(/Open entry/);
        await hover.locator('a[data-href^="command:transformersGlossary.openEntry"]').click();
        const view = ui().webview();
        await view.locator('html[dir="rtl"] body[data-term-id="attention-mask"]').waitFor();
        await view.locator('main h1[lang="ar"][dir="rtl"]', { hasText: 'قناع الانتباه' }).waitFor();
        await view.locator('article.entry pre').first().waitFor();
        await ui().closeWidgets();
        await ui().screenshot('bundled-panel-ar');
      });
      it('lists the terms in the Terms view and in Glossary: Search in Arabic', async () => {
        await termsAndSearch(ui, { locale: 'ar', section: 'ق', label: 'قناع الانتباه', query: 'قناع' });
      });
    }
    if (locale === 'ja') {
      it('lists the terms in the Terms view and in Glossary: Search in Japanese', async () => {
        await termsAndSearch(ui, { locale: 'ja', section: 'ア', label: 'アテンションマスク', query: 'アテンション' });
      });
    }
  });
}
