import * as assert from 'node:assert/strict';
import { localizerFor } from '../../../src/lsp/strings';
import {
  compileFailureMessage,
  fallbackMessage,
  hasErrorsMessage,
  loadedMessages,
  tooLargeMessage,
  unreadableMessage,
  type GlossaryFileLabel,
} from '../../../src/service/glossaryMessages';

/** English, as `vscode.l10n.t` gives it with no bundle: the message with its placeholders filled. */
const english = localizerFor('en');
const spanish = localizerFor('es');
const japanese = localizerFor('ja');

const discovered: GlossaryFileLabel = { name: 'docs/source/es/glossary.md', discovered: true };
const listed: GlossaryFileLabel = { name: 'team/terms.md', discovered: false };

describe('messages about custom and discovered glossaries', () => {
  it("call a discovered file the repository's glossary, by its path in the workspace, and never a custom one", () => {
    const messages = [
      tooLargeMessage(discovered, '5.2', '4', english),
      unreadableMessage(discovered, 'EACCES', english),
      hasErrorsMessage([discovered], english),
      ...loadedMessages([discovered], 12, english),
    ];
    for (const message of messages) assert.doesNotMatch(message, /custom|setting/i, message);
    assert.equal(
      messages[0],
      "The repository's glossary docs/source/es/glossary.md is 5.2 MB, over the limit of 4 MB for a glossary file, and was not loaded.",
    );
    assert.equal(messages[1], "Cannot read the repository's glossary docs/source/es/glossary.md: EACCES");
    assert.match(
      messages[2]!,
      /^The repository's glossary docs\/source\/es\/glossary\.md has errors and was not loaded\./,
    );
    assert.deepEqual(messages.slice(3), [
      "Loaded the repository's glossary docs/source/es/glossary.md.",
      'Terms loaded from these files: 12.',
    ]);
  });

  it('call a listed file a custom glossary, and point at the setting when it is too large', () => {
    assert.match(tooLargeMessage(listed, '5.2', '4', english), /^The custom glossary team\/terms\.md .*the setting/);
    assert.equal(unreadableMessage(listed, 'ENOENT', english), 'Cannot read the custom glossary team/terms.md: ENOENT');
    assert.match(hasErrorsMessage([listed], english), /^The custom glossary team\/terms\.md has errors/);
    assert.deepEqual(loadedMessages([discovered, listed], 3, english), [
      "Loaded the repository's glossary docs/source/es/glossary.md.",
      'Loaded the custom glossary team/terms.md.',
      'Terms loaded from these files: 3.',
    ]);
  });

  it('list the files of a failure that concerns several of them, naming no kind', () => {
    const both = [discovered, listed];
    assert.equal(
      hasErrorsMessage(both, english),
      'These glossaries have problems and were not loaded: docs/source/es/glossary.md, team/terms.md. The glossary loaded before stays in use.',
    );
    for (const reason of ['timeout', 'memory', 'crashed']) {
      const message = compileFailureMessage(reason, '120 s', both, english);
      assert.match(message, /\(docs\/source\/es\/glossary\.md, team\/terms\.md\)/, message);
      assert.doesNotMatch(message, /custom/i, message);
    }
    assert.doesNotMatch(fallbackMessage('no worker', english), /custom/i);
  });

  it('are translated, with the path in place', () => {
    assert.match(
      hasErrorsMessage([discovered], spanish),
      /^El glosario del repositorio docs\/source\/es\/glossary\.md tiene errores/,
    );
    assert.equal(loadedMessages([listed], 1, japanese)[0], 'カスタム用語集 team/terms.md を読み込みました。');
  });
});
