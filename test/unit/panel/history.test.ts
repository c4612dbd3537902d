import * as assert from 'node:assert/strict';
import { HISTORY_LIMIT, NavigationHistory, parsePanelState } from '../../../src/panel/history';

describe('NavigationHistory', () => {
  it('goes back and forward like a browser', () => {
    assert.equal(new NavigationHistory().current, undefined);
    const history = new NavigationHistory();
    history.push({ termId: 'a' });
    history.push({ termId: 'b' });
    history.push({ termId: 'c' });
    assert.equal(history.canGoForward, false);
    assert.deepEqual(history.back(), { termId: 'b' });
    assert.deepEqual(history.back(), { termId: 'a' });
    assert.equal(history.back(), undefined);
    assert.equal(history.current?.termId, 'a');
    assert.deepEqual(history.forward(), { termId: 'b' });
    assert.equal(history.canGoForward, true);
  });

  it('drops forward entries when a new entry is opened', () => {
    const history = new NavigationHistory();
    history.push({ termId: 'a' });
    history.push({ termId: 'b' });
    history.back();
    history.push({ termId: 'c' });
    assert.deepEqual(history.toJSON(), { entries: [{ termId: 'a' }, { termId: 'c' }], index: 1 });
  });

  it('does not stack the entry already shown, and switches its locale in place', () => {
    const history = new NavigationHistory();
    history.push({ termId: 'a' });
    history.push({ termId: 'a', locale: 'es' });
    history.replaceCurrent({ termId: 'a', locale: 'ja' });
    assert.deepEqual(history.toJSON(), { entries: [{ termId: 'a', locale: 'ja' }], index: 0 });
  });

  it('keeps at most HISTORY_LIMIT entries', () => {
    const history = new NavigationHistory();
    for (let i = 0; i < HISTORY_LIMIT + 20; i++) history.push({ termId: `t${i}` });
    const json = history.toJSON();
    assert.equal(json.entries.length, HISTORY_LIMIT);
    assert.equal(json.index, HISTORY_LIMIT - 1);
    assert.equal(history.current?.termId, `t${HISTORY_LIMIT + 19}`);
  });

  it('round-trips through its serialized form', () => {
    const history = new NavigationHistory();
    history.push({ termId: 'a', locale: 'es' });
    history.push({ termId: 'b' });
    history.back();
    const restored = NavigationHistory.parse(JSON.parse(JSON.stringify(history.toJSON())));
    assert.deepEqual(restored?.toJSON(), history.toJSON());
    assert.equal(restored?.canGoForward, true);
  });

  it('rejects malformed serialized history', () => {
    assert.equal(NavigationHistory.parse({ entries: [], index: 0 }), undefined);
    assert.equal(NavigationHistory.parse({ entries: [{ termId: 'a' }], index: 1 }), undefined);
    assert.equal(NavigationHistory.parse({ entries: [{ termId: 'a' }], index: 0.5 }), undefined);
    assert.equal(NavigationHistory.parse({ entries: [{ termId: '<script>' }], index: 0 }), undefined);
    assert.equal(NavigationHistory.parse({ entries: [{ termId: 'a', locale: 3 }], index: 0 }), undefined);
    assert.equal(NavigationHistory.parse('nope'), undefined);
  });
});

describe('parsePanelState', () => {
  it('restores the saved history', () => {
    const restored = parsePanelState({
      termId: 'b',
      history: { entries: [{ termId: 'a' }, { termId: 'b', locale: 'es' }], index: 1 },
    });
    assert.deepEqual(restored?.current, { termId: 'b', locale: 'es' });
    assert.equal(restored?.canGoBack, true);
  });

  it('falls back to the saved term when the history is unreadable', () => {
    const restored = parsePanelState({ termId: 'attention-mask', locale: 'es', history: 'garbage' });
    assert.deepEqual(restored?.toJSON(), { entries: [{ termId: 'attention-mask', locale: 'es' }], index: 0 });
  });

  it('gives up on state without a usable term', () => {
    assert.equal(parsePanelState(undefined), undefined);
    assert.equal(parsePanelState({}), undefined);
    assert.equal(parsePanelState({ termId: 'javascript:alert(1)' }), undefined);
  });
});
