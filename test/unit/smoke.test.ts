import * as assert from 'node:assert/strict';
import { TERM_MAP_SCHEMA_VERSION } from '../../src/glossary/types';

describe('term map contract', () => {
  it('has a schema version', () => {
    assert.equal(TERM_MAP_SCHEMA_VERSION, 1);
  });
});
