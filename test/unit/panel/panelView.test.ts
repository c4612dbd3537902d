import * as assert from 'node:assert/strict';
import { renderEntry } from '../../../src/glossary';
import { buildPanelView } from '../../../src/panel/panelView';
import type { EntryView, ViewContext } from '../../../src/panel/panelView';
import { NavigationHistory } from '../../../src/panel/history';
import type { GlossarySnapshot } from '../../../src/service/snapshot';
import { entry, glossaryOf, term } from './fakeGlossary';

const context: ViewContext = {
  uiLanguage: 'en',
  renderEntry,
  notFound: (termId) => `missing ${termId}`,
  fallbackNote: (requested, shown) => `no ${requested}, showing ${shown}`,
};

const attentionMask = term(
  'attention-mask',
  {
    en: entry(
      'attention mask',
      'Tells the model which tokens to attend to. See [input IDs](#input-ids), [gone](#no-such-term), ' +
        '[the docs](https://huggingface.co/docs/transformers/en/model_doc/bert) and [bad](javascript:alert(1)).\n\n' +
        '[a video](https://youtube.com/watch?v=abc)',
      [
        { kind: 'term', text: 'input IDs', termId: 'input-ids' },
        { kind: 'video', text: 'a video', url: 'https://youtube.com/watch?v=abc' },
        { kind: 'video', text: 'same video again', url: 'https://youtube.com/watch?v=abc' },
        { kind: 'video', text: 'not a web video', url: 'javascript:alert(1)' },
      ],
    ),
    es: entry('máscara de atención', 'Indica al modelo qué tokens mirar. Ver [IDs de entrada](#input-ids).'),
  },
  { identifiers: ['attention_mask'] },
);
const inputIds = term('input-ids', { en: entry('input IDs', 'Token indices.') }, { identifiers: ['input_ids'] });
const ctc = term(
  'connectionist-temporal-classification-ctc',
  { ja: entry('CTC (ja)', 'Only in Japanese.') },
  { abbreviations: ['CTC'] },
);

function historyOf(...entries: { termId: string; locale?: string }[]): NavigationHistory {
  const history = new NavigationHistory();
  for (const e of entries) history.push(e);
  return history;
}

function entryView(glossary: GlossarySnapshot, history: NavigationHistory): EntryView {
  const { view } = buildPanelView(glossary, history, context);
  if (view.kind !== 'entry') assert.fail(`expected an entry view, got a ${view.kind} view`);
  return view;
}

describe('buildPanelView', () => {
  const glossary = glossaryOf([attentionMask, inputIds, ctc]);

  it('shows the display locale entry with its identifiers and locale switcher', () => {
    const view = entryView(glossary, historyOf({ termId: 'attention-mask' }));
    assert.equal(view.title, 'attention mask');
    assert.equal(view.locale, 'en');
    assert.deepEqual(view.identifiers, ['attention_mask']);
    assert.equal(view.fallbackNote, undefined);
    assert.deepEqual(
      view.locales.map((l) => [l.locale, l.label]),
      [
        ['en', 'English'],
        ['es', 'Español'],
      ],
    );
    assert.equal(view.hubUrl, 'https://huggingface.co/docs/transformers/main/en/glossary#attention-mask');
  });

  it('follows the display locale when the reader picked none', () => {
    const spanish = glossaryOf([attentionMask, inputIds], { displayLocale: 'es' });
    const view = entryView(spanish, historyOf({ termId: 'attention-mask' }));
    assert.equal(view.title, 'máscara de atención');
    assert.equal(view.locale, 'es');
    assert.match(view.body.value, /data-term="input-ids"/);
  });

  it('shows the fallback entry with a note when the requested locale has none', () => {
    const built = buildPanelView(glossary, historyOf({ termId: 'input-ids', locale: 'es' }), context);
    const view = built.view as EntryView;
    assert.equal(view.locale, 'en');
    assert.equal(view.fallbackNote, 'no Spanish, showing English');
    assert.deepEqual(built.shown, { locale: 'en', isFallback: true, title: 'input IDs' });
  });

  it('offers no huggingface.co link for a term that has no page upstream', () => {
    const kvCache = term(
      'kv-cache',
      { en: entry('KV cache', 'Keys and values kept between steps.') },
      { identifiers: ['past_key_values'] },
    );
    const built = buildPanelView(glossaryOf([kvCache]), historyOf({ termId: 'kv-cache' }), context);
    assert.equal((built.view as EntryView).hubUrl, undefined);
    assert.deepEqual([...built.openableUrls], []);
  });

  it('falls back to any locale the term has', () => {
    const view = entryView(glossary, historyOf({ termId: 'connectionist-temporal-classification-ctc' }));
    assert.equal(view.locale, 'ja');
    assert.equal(view.fallbackNote, 'no English, showing Japanese');
    assert.deepEqual(view.abbreviations, ['CTC']);
    assert.deepEqual(view.locales, [{ locale: 'ja', label: '日本語' }]);
  });

  it('links existing terms, turns missing terms and unsafe links into text, and applies the docs version', () => {
    const view = entryView(glossary, historyOf({ termId: 'attention-mask' }));
    const body = view.body.value;
    assert.match(body, /<a href="#input-ids" data-term="input-ids">input IDs<\/a>/);
    assert.match(body, /, gone, /);
    assert.doesNotMatch(body, /no-such-term/);
    assert.match(
      body,
      /href="https:\/\/huggingface.co\/docs\/transformers\/main\/en\/model_doc\/bert" data-external="true"/,
    );
    assert.match(body, / and bad\.<\/p>/);
  });

  it('lists each web video once and never a non-web one', () => {
    const view = entryView(glossary, historyOf({ termId: 'attention-mask' }));
    assert.deepEqual(view.videos, [{ text: 'a video', url: 'https://youtube.com/watch?v=abc' }]);
  });

  it('allows opening exactly the URLs the view links to', () => {
    const { openableUrls } = buildPanelView(glossary, historyOf({ termId: 'attention-mask' }), context);
    assert.deepEqual([...openableUrls].sort(), [
      'https://huggingface.co/docs/transformers/main/en/glossary#attention-mask',
      'https://huggingface.co/docs/transformers/main/en/model_doc/bert',
      'https://youtube.com/watch?v=abc',
    ]);
  });

  it('reports history navigation and the state to save', () => {
    const history = historyOf({ termId: 'attention-mask' }, { termId: 'input-ids', locale: 'es' });
    const view = entryView(glossary, history);
    assert.equal(view.canGoBack, true);
    assert.equal(view.canGoForward, false);
    assert.deepEqual(view.state, { termId: 'input-ids', locale: 'es', history: history.toJSON() });
  });

  it('shows a message for a term the glossary does not have', () => {
    const built = buildPanelView(glossary, historyOf({ termId: 'vanished' }), context);
    assert.equal(built.view.kind, 'message');
    assert.equal(built.view.kind === 'message' ? built.view.message : '', 'missing vanished');
    assert.equal(built.shown, undefined);
    assert.equal(built.openableUrls.size, 0);
  });

  it('refuses to build a view from an empty history', () => {
    assert.throws(() => buildPanelView(glossary, new NavigationHistory(), context), /history is empty/);
  });
});
