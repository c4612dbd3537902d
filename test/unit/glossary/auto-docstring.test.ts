/**
 * Upstream Transformers documents its standard arguments once, in src/transformers/utils/auto_docstring.py, and
 * some of those descriptions end with a link into the glossary ("What are input IDs?"). A developer hovering one of
 * those names in their own code expects the term upstream points to, so each of them must hover to that term in the
 * bundled glossary. The list of names and anchors is upstream's fact, kept as data in
 * test/fixtures/auto-docstring-glossary-args.json together with the version it was read at.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { compileGlossaries } from '../../../src/glossary';
import type { Term } from '../../../src/glossary/types';
import { createTermMatcher } from '../../../src/matching';
import { repoRoot } from './paths';

interface AutoDocstringArgument {
  name: string;
  anchor: string;
  class: string;
}

interface AutoDocstringFixture {
  source: { repository: string; path: string; version: string };
  arguments: AutoDocstringArgument[];
}

/**
 * Where our glossary deliberately answers with a more specific entry than the anchor upstream links to. Upstream
 * sends `pixel_mask` to the attention mask entry because it has no entry of its own; ours does, and that entry links
 * to the attention mask, so the reader still reaches the term upstream meant. Each exception is checked below.
 */
const MORE_SPECIFIC_TERM: Readonly<Record<string, string>> = { pixel_mask: 'pixel-mask' };

const fixture = JSON.parse(
  fs.readFileSync(path.join(repoRoot(), 'test', 'fixtures', 'auto-docstring-glossary-args.json'), 'utf8'),
) as AutoDocstringFixture;
const files = ['glossary/en.md', 'glossary/es.md'];
const { termMap } = compileGlossaries(files.map((file) => ({ file, content: fs.readFileSync(path.join(repoRoot(), file)) })));
const terms = new Map<string, Term>(termMap.terms.map((t) => [t.id, t]));
const matcher = createTermMatcher(termMap);

describe(`the arguments upstream auto_docstring links to the glossary (Transformers ${fixture.source.version})`, () => {
  it('are a non-empty list of distinct Python names with well-formed anchors', () => {
    assert.ok(fixture.arguments.length >= 5, `only ${fixture.arguments.length} arguments in the fixture`);
    const names = fixture.arguments.map((a) => a.name);
    assert.equal(new Set(names).size, names.length, 'an argument is listed twice');
    for (const { name, anchor } of fixture.arguments) {
      assert.match(name, /^[a-z_][a-z0-9_]*$/, `${name} is not a Python argument name`);
      assert.match(anchor, /^[a-z0-9-]+$/, `${anchor} is not a glossary anchor`);
    }
  });

  it('link to anchors that are terms of the bundled glossary', () => {
    assert.deepEqual(fixture.arguments.filter((a) => !terms.has(a.anchor)).map((a) => `${a.name} -> #${a.anchor}`), []);
  });

  for (const { name, anchor } of fixture.arguments) {
    const expected = MORE_SPECIFIC_TERM[name] ?? anchor;
    it(`${name} hovers to ${expected} in Python, as a keyword argument, an attribute and a batch key`, () => {
      for (const line of [`outputs = model(${name}=x)`, `value = batch.${name}`, `batch["${name}"]`]) {
        const start = line.indexOf(name);
        for (const offset of [start, start + name.length - 1]) {
          const match = matcher.findTermAt(line, offset, 'code');
          assert.ok(match, `no term under ${name} at ${offset} in: ${line}`);
          assert.equal(match.termId, expected, `${name} in: ${line}`);
          assert.equal(line.slice(match.start, match.end), name, `the match covers the whole name in: ${line}`);
        }
        const found = matcher.findAll(line, 'code').filter((m) => m.start === start);
        assert.deepEqual(found.map((m) => `${m.termId}:${m.text}`), [`${expected}:${name}`], `findAll on: ${line}`);
      }
    });
  }

  for (const [name, ours] of Object.entries(MORE_SPECIFIC_TERM)) {
    const upstream = fixture.arguments.find((a) => a.name === name);
    it(`${name}: our more specific entry ${ours} exists and leads to upstream's #${upstream?.anchor ?? '?'}`, () => {
      assert.ok(upstream, `${name} is no longer in the fixture; drop the exception`);
      assert.notEqual(ours, upstream.anchor, 'an exception that names the upstream anchor itself is no exception');
      const entry = terms.get(ours)?.entries.en;
      assert.ok(entry, `no English entry ${ours}`);
      assert.ok(entry.markdown.includes(`(#${upstream.anchor})`), `${ours} does not link to #${upstream.anchor}`);
    });
  }
});
