/**
 * The entry panel's error boundary (issue #10): an entry the renderer cannot render (nested thousands of levels deep,
 * from a custom glossary or term map) becomes a message in the panel, the history stays usable, and nothing throws.
 */
import * as assert from 'node:assert/strict';
import { renderEntry } from '../../../src/glossary';
import type { GlossarySnapshot } from '../../../src/service/snapshot';
import { buildPanelView, buildPanelViewSafely } from '../../../src/panel/panelView';
import type { ViewContext } from '../../../src/panel/panelView';
import { NavigationHistory, parsePanelState } from '../../../src/panel/history';
import { entryPanelHtml } from '../../../src/panel/panelHtml';
import type { PanelStrings } from '../../../src/panel/panelHtml';
import { entry, glossaryOf, term } from './fakeGlossary';

const context: ViewContext = {
  uiLanguage: 'en',
  renderEntry,
  notFound: (termId) => `missing ${termId}`,
  fallbackNote: (requested, shown) => `no ${requested}, showing ${shown}`,
  renderFailed: (title, reason) => `cannot show ${title}: ${reason}`,
};
const strings: PanelStrings = {
  back: 'Back',
  forward: 'Forward',
  identifiers: 'In code',
  abbreviations: 'Abbr',
  languages: 'Languages',
  openOnHub: 'Hub',
  videos: 'Videos',
  links: 'Links',
};
const assets = {
  cspSource: 'vscode-resource:',
  nonce: 'n0nce',
  scriptUri: 'panel.js',
  styleUri: 'panel.css',
  uiLanguage: 'en',
  render: 1,
};

const deep = term('deep', { en: entry('deep', `${'>'.repeat(5000)} x`) });
const lists = term('lists', {
  en: entry('lists', Array.from({ length: 3000 }, (_, i) => `${' '.repeat(2 * i)}- x`).join('\n')),
});
const fine = term('fine', { en: entry('fine', 'An ordinary entry.') });
const glossary = glossaryOf([deep, lists, fine]);

function historyOf(...ids: string[]): NavigationHistory {
  const history = new NavigationHistory();
  for (const termId of ids) history.push({ termId });
  return history;
}

describe('the entry panel error boundary', function () {
  this.timeout(20_000);

  it('shows a message, with the history intact, for an entry nested too deeply to render', () => {
    for (const id of ['deep', 'lists']) {
      const history = historyOf('fine', id);
      const built = buildPanelView(glossary, history, context);
      assert.equal(built.view.kind, 'message');
      assert.match(
        built.view.kind === 'message' ? built.view.message : '',
        new RegExp(`^cannot show ${id}: the entry nests \\d+ levels deep`),
      );
      assert.equal(built.view.canGoBack, true);
      assert.deepEqual(built.view.state?.history, history.toJSON());
      // The page itself renders, and the state it saves restores to the same history.
      const html = entryPanelHtml(built.view, assets, strings);
      assert.match(html, /cannot show/);
      assert.deepEqual(parsePanelState(built.view.state)?.toJSON(), history.toJSON());
      assert.equal(history.back()?.termId, 'fine');
      assert.equal(buildPanelView(glossary, history, context).view.kind, 'entry');
    }
  });

  it('turns any failure of building the view into a message instead of an exception', () => {
    const broken: GlossarySnapshot = {
      ...glossaryOf([fine]),
      entryFor: () => {
        throw new Error('corrupt term map');
      },
    };
    const history = historyOf('fine');
    assert.throws(() => buildPanelView(broken, history, context), /corrupt term map/);
    const built = buildPanelViewSafely(broken, history, context);
    assert.equal(built.view.kind, 'message');
    assert.match(built.view.kind === 'message' ? built.view.message : '', /corrupt term map/);
    assert.deepEqual(built.view.state?.history, history.toJSON());
    assert.equal(buildPanelViewSafely(broken, new NavigationHistory(), context).view.kind, 'message');
  });
});
