/**
 * The one rule of what a `customGlossaries` path means, which the VS Code service and the language server both follow.
 */
import * as assert from 'node:assert/strict';
import { parseCustomGlossaryPath } from '../../../src/service/customGlossaryPath';

describe('parseCustomGlossaryPath', () => {
  it('reads `~` and `~/...` as the home directory, with the rest as segments', () => {
    assert.deepEqual(parseCustomGlossaryPath('~'), { from: 'home', segments: [] });
    assert.deepEqual(parseCustomGlossaryPath('~/notes//team\\glossary.md'), {
      from: 'home',
      segments: ['notes', 'team', 'glossary.md'],
    });
  });

  it('keeps an absolute path as it is, on any platform', () => {
    for (const listed of ['/srv/glossary.md', '\\\\server\\share\\g.md', 'C:\\docs\\g.md', 'c:/docs/g.md']) {
      assert.deepEqual(parseCustomGlossaryPath(listed), { from: 'root', path: listed });
    }
  });

  it('reads anything else as relative to a workspace folder, `/` and `\\` alike', () => {
    assert.deepEqual(parseCustomGlossaryPath('docs\\team/glossary.md'), {
      from: 'folder',
      segments: ['docs', 'team', 'glossary.md'],
    });
    // `~user` is not the home directory, and a drive letter without a separator is relative to that drive's folder.
    assert.deepEqual(parseCustomGlossaryPath('~user/g.md'), { from: 'folder', segments: ['~user', 'g.md'] });
    assert.deepEqual(parseCustomGlossaryPath('C:g.md'), { from: 'folder', segments: ['C:g.md'] });
  });
});
