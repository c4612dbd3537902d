import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Commands, Settings } from '../../src/ids';
import type { CustomGlossaryReport } from '../../src/service/glossaryService';
import { glossaryHovers, hoverAt, positionOf, setWorkspaceSetting, englishTestApi } from './editorFeatures';

/**
 * Hovers on Japanese, Chinese, Korean and Arabic terms (docs/matching.md), in Markdown and in Python comments, in the
 * real editor. The titles come from a custom glossary of our own (test/fixtures/workspace/scripts-glossary/), one
 * file per language, giving those titles to entries the bundled English glossary already has.
 */
const SCRIPT_GLOSSARIES = ['ja.md', 'zh-hans.md', 'ko.md', 'ar.md'].map((file) => `scripts-glossary/${file}`);

/** The term id of a hover's Open Entry command link. */
function termIdOf(markdown: string): unknown {
  const link = `(command:${Commands.openEntry}?`;
  const start = markdown.indexOf(link);
  assert.ok(start >= 0, `no open-entry command link in: ${markdown}`);
  const end = markdown.indexOf(')', start + 1);
  return (JSON.parse(decodeURIComponent(markdown.slice(start + link.length, end))) as { termId?: unknown }).termId;
}

/** The same lines as Markdown prose and as Python comments: each names one term, with text around it. */
const LINES = [
  '我们用注意力掩码忽略填充的位置。',
  'ノンアテンションマスクではなく、アテンションマスクを渡します。',
  '어텐션 마스크를 만들고 입력 ID는 그대로 둡니다.',
  'نمرر قِنَاعَ الانتباه ثم نطبق وبالانتباه الذاتي.',
];

/** Where to hover (the first occurrence of `needle`, one unit in), the term expected, and its exact range text. */
const EXPECTED: readonly (readonly [needle: string, termId: string, rangeText: string])[] = [
  ['注意力掩码', 'attention-mask', '注意力掩码'],
  ['、アテンションマスク', 'attention-mask', 'アテンションマスク'],
  ['마스크를', 'attention-mask', '어텐션 마스크'],
  ['ID는', 'input-ids', '입력 ID'],
  ['قِنَاعَ', 'attention-mask', 'قِنَاعَ الانتباه'],
  ['بالانتباه', 'self-attention', 'الانتباه الذاتي'],
];

suite('hover in Japanese, Chinese, Korean and Arabic', () => {
  suiteSetup(async () => {
    const api = await englishTestApi();
    await setWorkspaceSetting(Settings.customGlossaries, SCRIPT_GLOSSARIES);
    const report = await vscode.commands.executeCommand<CustomGlossaryReport>(Commands.reloadGlossaries);
    assert.equal(report.status, 'loaded', JSON.stringify(report));
    assert.ok(api.glossary.snapshot().term('attention-mask')?.titles['ko'], 'the Korean titles are loaded');
  });

  suiteTeardown(async () => {
    await setWorkspaceSetting(Settings.customGlossaries, undefined);
    await vscode.commands.executeCommand(Commands.reloadGlossaries);
  });

  const documents: readonly (readonly [language: string, content: string])[] = [
    ['markdown', `# 用語\n\n${LINES.join('\n\n')}\n`],
    ['python', `def pad(batch):\n${LINES.map((line) => `    # ${line}`).join('\n')}\n    return batch\n`],
  ];
  for (const [language, content] of documents) {
    test(`in ${language}, each term's hover names it and covers exactly the term as written`, async () => {
      const document = await vscode.workspace.openTextDocument({ language, content });
      for (const [needle, termId, rangeText] of EXPECTED) {
        // The needle may start before the term (a prefix, a comma): hover on the term's own first character.
        const hover = await hoverAt(document, needle);
        assert.equal(termIdOf(hover.markdown), termId, needle);
        assert.ok(hover.range, `the hover on ${needle} has a range`);
        assert.equal(document.getText(hover.range), rangeText, needle);
      }
    });

    test(`in ${language}, a particle, a prefix and a longer katakana word get no hover`, async () => {
      const document = await vscode.workspace.openTextDocument({ language, content });
      const misses: readonly (readonly [needle: string, offset: number])[] = [
        ['마스크를', 3], // the particle 를
        ['وبالانتباه', 0], // the conjunction و
        ['ノンアテンションマスク', 4], // inside the longer katakana word
      ];
      for (const [needle, offset] of misses) {
        assert.deepEqual(await glossaryHovers(document.uri, positionOf(document, needle, offset)), [], needle);
      }
    });
  }
});
