import * as assert from 'node:assert/strict';
import { parseTermMapJson as parseTermMap } from '../../../src/glossary';
import { testTermMap } from '../../helpers/termMapFixture';

describe('parseTermMap', () => {
  it('reads a term map', () => {
    assert.deepEqual(parseTermMap(JSON.stringify(testTermMap), 'test'), testTermMap);
  });

  it('rejects another schema version with a message naming both versions', () => {
    assert.throws(() => parseTermMap(JSON.stringify({ ...testTermMap, schemaVersion: 2 }), 'old.json'), /old\.json has term map schema version 2.*version 1/);
  });

  it('rejects a term without entries', () => {
    const broken = { ...testTermMap, terms: [{ ...testTermMap.terms[0]!, entries: {} }] };
    assert.throws(() => parseTermMap(JSON.stringify(broken), 'broken.json'), /has no entries/);
  });

  it('rejects JSON that is not a term map', () => {
    assert.throws(() => parseTermMap('null', 'null.json'), /does not hold a term map/);
    assert.throws(() => parseTermMap('{"schemaVersion":1}', 'bare.json'), /lacks its locales or terms/);
  });
});
