/**
 * The compiler parses a glossary piece by piece, several entries at a time, with each piece's positions moved to where
 * it stands in the file (src/glossary/parse.ts, parseInPieces). That is only a way to parse faster and in less memory:
 * on every real glossary we have, the tree must be the one remark gives for the whole file, node for node and position
 * for position.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { decodeGlossaryText } from '../../../src/glossary/decode';
import { scanNesting } from '../../../src/glossary/limits';
import { parseInPieces } from '../../../src/glossary/parse';
import { BUNDLED_FILES } from './bundledFiles';
import { repoRoot, sharedDir } from './paths';

/** Our glossaries, and the real upstream and seed glossaries when ../shared is next to this checkout. */
function realGlossaries(): string[] {
  const shared = sharedDir();
  const others = shared
    ? [path.join(shared, 'upstream', 'en-glossary.md'), path.join(shared, 'seeds', '000_b68843c2475025f3.txt')]
    : [];
  return [...BUNDLED_FILES.map((file) => path.join(repoRoot(), file)), ...others.filter((file) => fs.existsSync(file))];
}

describe('glossary parsing in pieces', function () {
  this.timeout(60_000);
  const whole = unified().use(remarkParse).freeze();

  for (const file of realGlossaries()) {
    it(`gives the tree of one parse of the whole file: ${path.basename(file)}`, () => {
      const text = decodeGlossaryText(fs.readFileSync(file), file).text;
      const { splits } = scanNesting(text);
      // More than one piece, or the test would compare one parse with itself.
      assert.ok(splits.length > 20, `${file} has ${splits.length} places to cut`);
      assert.deepEqual(parseInPieces(text, splits).children, whole.parse(text).children);
    });
  }

  it('groups small pieces and keeps a piece larger than a group whole, at the same positions', () => {
    const entry = (n: number, size: number): string => `### term ${n}\n\n${'word '.repeat(size)}\n\n`;
    const text = `# Glossary\n\n## T\n\n${[entry(1, 10), entry(2, 3_000), entry(3, 10), entry(4, 10)].join('')}`;
    const { splits } = scanNesting(text);
    assert.deepEqual(parseInPieces(text, splits).children, whole.parse(text).children);
  });
});
