/**
 * findAll on large documents written like real ones (the bench's seeded generators, the fixtures, the hostile corpus)
 * gives exactly the matches it gave before the speed work of issue #17: the matches of each input were recorded with the matcher of commit 0154285 (before that work) as a count per
 * term and a SHA-256 of the full list (start, end, term, kind, text of every match), in recordedMatches.json. Any
 * change to any match changes the digest; the counts say which terms moved. A deliberate change of the rules records
 * again: `TG_RECORD_MATCHES=1 npx mocha out/test/unit/matching/recorded.test.js`, and says why in the commit.
 */
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createTermMatcher, type MatchContext, type TermMatch, type TermMatcher } from '../../../src/matching';
import { markdownDoc, pythonModule } from '../../../scripts/bench/inputs';
import { scriptDoc, withScriptTitles } from '../../../scripts/bench/scriptInputs';
import { readFixtureText, repoRoot } from '../../helpers/repoRoot';
import { fixtureTermMap } from './termMapFixture';

interface Recorded {
  readonly count: number;
  readonly sha256: string;
  readonly perTerm: Record<string, number>;
}

const recordFile = path.join(repoRoot(), 'test', 'unit', 'matching', 'recordedMatches.json');

function summary(matches: readonly TermMatch[]): Recorded {
  const hash = createHash('sha256');
  const perTerm: Record<string, number> = {};
  for (const m of matches) {
    hash.update(`${m.start}\t${m.end}\t${m.termId}\t${m.via}\t${m.text}\n`);
    perTerm[m.termId] = (perTerm[m.termId] ?? 0) + 1;
  }
  return { count: matches.length, sha256: hash.digest('hex'), perTerm };
}

// The matcher tests' own term map rather than the bundled glossary, whose content changes for reasons of its own.
const termMap = fixtureTermMap;

/** Docs whose terms are written in spellings only folding matches: full-width letters, decomposed accents. */
function foldedSpellings(): string {
  const page = readFixtureText('docs/quicktour_toy.md').repeat(100);
  let n = 0;
  const wide = page.replace(/attention mask/g, (phrase) =>
    n++ % 3 === 0
      ? [...phrase].map((c) => (c === ' ' ? '\u3000' : String.fromCharCode(c.charCodeAt(0) + 0xfee0))).join('')
      : phrase,
  );
  const decomposed = 'La máscara de atención y la MÁSCARA DE ATENCIÓN.\n'.normalize('NFD').repeat(200);
  return `${wide}\n${decomposed}`;
}

function inputs(): [name: string, text: string, context: MatchContext, matcher: TermMatcher][] {
  const matcher = createTermMatcher(termMap);
  const scriptMatcher = createTermMatcher(withScriptTitles(termMap));
  const hostileDir = path.join(repoRoot(), 'test', 'fixtures', 'hostile');
  const hostile = fs
    .readdirSync(hostileDir)
    .filter((name) => name.startsWith('d-'))
    .sort()
    .map((name): [string, string, MatchContext, TermMatcher] => [
      `hostile/${name}`,
      fs.readFileSync(path.join(hostileDir, name), 'utf8'),
      name.endsWith('.py') ? 'code' : 'prose',
      matcher,
    ]);
  return [
    ['python, 30,000 lines', pythonModule(30_000, 7), 'code', matcher],
    ['markdown, 1 MB', markdownDoc(1_000_000, 8), 'prose', matcher],
    ['modeling_toy.py × 50', readFixtureText('code/modeling_toy.py').repeat(50), 'code', matcher],
    ['quicktour_toy.md × 200', readFixtureText('docs/quicktour_toy.md').repeat(200), 'prose', matcher],
    ['folded spellings', foldedSpellings(), 'prose', matcher],
    ['japanese', scriptDoc('ja', 100_000), 'prose', scriptMatcher],
    ['chinese', scriptDoc('zh-hans', 100_000), 'prose', scriptMatcher],
    ['korean', scriptDoc('ko', 100_000), 'prose', scriptMatcher],
    ['arabic', scriptDoc('ar', 100_000), 'prose', scriptMatcher],
    ...hostile,
  ];
}

describe('findAll on large real-style documents, against the matches recorded before issue #17', () => {
  const all = inputs();
  if (process.env.TG_RECORD_MATCHES === '1') {
    it('records the matches', () => {
      const recorded: Record<string, Recorded> = {};
      for (const [name, text, context, matcher] of all) recorded[name] = summary(matcher.findAll(text, context));
      fs.writeFileSync(recordFile, `${JSON.stringify(recorded, null, 1)}\n`);
    });
    return;
  }
  const recorded = JSON.parse(fs.readFileSync(recordFile, 'utf8')) as Record<string, Recorded>;
  it('covers the same inputs as the recording', () => {
    assert.deepEqual(
      all.map(([name]) => name),
      Object.keys(recorded),
    );
  });
  for (const [name, text, context, matcher] of all) {
    it(`gives the recorded matches on ${name}`, () => {
      const expected = recorded[name];
      assert.ok(expected, `nothing recorded for ${name}`);
      const actual = summary(matcher.findAll(text, context));
      assert.ok(expected.count > 0 || name.startsWith('hostile/'), `${name} should have matches`);
      assert.deepEqual(actual.perTerm, expected.perTerm, `${name}: matches per term`);
      assert.equal(
        actual.sha256,
        expected.sha256,
        `${name}: the same number of matches per term, but not the same matches`,
      );
    });
  }
});
