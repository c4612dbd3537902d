/**
 * Hostile documents for the terminology check: lines of hundreds of kilobytes built from the characters its inline
 * scan reacts to, an HTML comment that never closes, and control characters. Each must be checked in linear time
 * (a quadratic scan of these inputs would not finish within the suite's timeout) and still find the one real
 * finding placed after the noise.
 */
import * as assert from 'node:assert/strict';
import { checkDocument } from '../../../src/terminology';
import { terminologyTermMap } from './fixture';

const SIZE = 200_000;
const tail = ' la cabeza.';

const hostileLines: readonly [string, string][] = [
  ['backtick runs of growing length', Array.from({ length: 600 }, (_, n) => `${'`'.repeat(1 + (n % 40))} x `).join('')],
  ['many `](`', '](x '.repeat(SIZE / 4)],
  ['unclosed `[[`', '[[a '.repeat(SIZE / 4)],
  ['unclosed `<` tags', '<a b '.repeat(SIZE / 5)],
  ['bare URLs', 'http://a '.repeat(SIZE / 9)],
  ['control characters', '\u0000\u001b\u202e\ud800'.repeat(SIZE / 4)],
];

describe('terminology check: hostile documents', () => {
  for (const [name, noise] of hostileLines) {
    it(`checks a line of ${name} and finds what follows it`, () => {
      const text = `${noise}${tail}`;
      const findings = checkDocument(text, { termMap: terminologyTermMap(), locale: 'es' });
      assert.deepEqual(
        findings.map((f) => [f.text, f.start]),
        [['cabeza', text.lastIndexOf('cabeza')]],
      );
    });
  }

  it('reads every line of a comment that never closes as a comment, in linear time', () => {
    const text = `<!-- abierto\n${'la cabeza\n'.repeat(SIZE / 10)}`;
    assert.deepEqual(checkDocument(text, { termMap: terminologyTermMap(), locale: 'es' }), []);
  });

  it('treats thirty thousand short lines of unclosed backticks line by line', () => {
    const text = `${'a ` b\n'.repeat(SIZE / 6)}la cabeza`;
    assert.equal(checkDocument(text, { termMap: terminologyTermMap(), locale: 'es' }).length, 1);
  });
});
