import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { useWorkbench } from './workbench';

/**
 * What the user reads when a glossary file beside the bundled one has errors: a custom glossary (listed in the
 * settings) and the repository's own `docs/source/<lang>/glossary.md` (found by discovery) are each called what they
 * are, by their path in the workspace.
 */
describe('messages about a custom glossary with errors', () => {
  const ui = useWorkbench({ settings: { 'transformersGlossary.customGlossaries': ['broken-glossary.md'] } });

  it('call it the custom glossary, by its path', async () => {
    // The extension reads the glossaries on first use: the command is a first use.
    await ui().runCommand('Glossary: Reload Custom and Repository Glossaries');
    const toast = await ui().waitForNotification(
      /The custom glossary broken-glossary\.md has errors and was not loaded/,
    );
    // The discovered glossary compiled with it has no error: the warning does not name it.
    assert.doesNotMatch(await toast.innerText(), /repository|docs\/source/);
    await ui().animationsSettled();
    await ui().screenshot('message-custom-glossary-errors');
  });
});

describe("messages about the repository's glossary with errors", () => {
  const ui = useWorkbench();
  const file = (): string => {
    const workspace = process.env.TG_UI_WORKSPACE;
    if (!workspace) throw new Error('TG_UI_WORKSPACE is not set: run the UI tests with `npm run test:ui`');
    return path.join(workspace, 'docs', 'source', 'es', 'glossary.md');
  };
  let original: string | undefined;
  after(() => {
    // The extension keeps the last good glossary while the file is broken, and reloads it when it changes back.
    if (original !== undefined) fs.writeFileSync(file(), original);
  });

  it("call docs/source/es/glossary.md the repository's glossary, never a custom one", async () => {
    original = fs.readFileSync(file(), 'utf8');
    // An entry before any letter section is an error of the compiler (as in broken-glossary.md).
    fs.writeFileSync(file(), `# Glosario\n\n### entrada rota\n\nSin sección de letra.\n\n${original}`);
    await ui().runCommand('Glossary: Reload Custom and Repository Glossaries');
    const toast = await ui().waitForNotification(
      /The repository's glossary docs\/source\/es\/glossary\.md has errors and was not loaded/,
    );
    assert.doesNotMatch(await toast.innerText(), /custom/i);
    await ui().animationsSettled();
    await ui().screenshot('message-repository-glossary-errors');
  });
});
