/**
 * The matcher on files written like real Transformers code and docs (test/fixtures/code, test/fixtures/docs):
 * every glossary identifier is found, single common words match only where docs/matching.md says, and the
 * hover path (findTermAt on one line) agrees with the scan path (findAll) everywhere.
 */
import * as assert from 'node:assert/strict';
import { createTermMatcher, markdownContextRanges } from '../../../src/matching';
import type { MatchContext, TermMatch } from '../../../src/matching';
import { readFixtureText as readFixture } from '../../helpers/repoRoot';
import { fixtureTermMap } from './termMapFixture';

const matcher = createTermMatcher(fixtureTermMap);
const modeling = readFixture('code/modeling_toy.py');
const quicktour = readFixture('docs/quicktour_toy.md');

function occurrences(text: string, needle: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) found.push(at);
  return found;
}

function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

describe('matcher on Transformers-style fixtures', () => {
  const matches = matcher.findAll(modeling, 'code');

  const identifiers: [string, string][] = [
    ['input_ids', 'input-ids'],
    ['attention_mask', 'attention-mask'],
    ['token_type_ids', 'token-type-ids'],
    ['position_ids', 'position-ids'],
  ];
  for (const [identifier, termId] of identifiers) {
    it(`finds every ${identifier} in the modeling file, as grep would count it`, () => {
      const expected = occurrences(modeling, identifier);
      assert.ok(expected.length >= 5, `the fixture should use ${identifier} often`);
      for (const offset of expected) {
        const covering = matches.find((match) => match.start <= offset && offset < match.end);
        assert.ok(covering, `${identifier} at line ${lineOf(modeling, offset)} not matched`);
        // The only occurrences reported under another term are those inside a longer known identifier.
        if (covering.termId !== termId) {
          assert.equal(covering.text, 'decoder_input_ids', `line ${lineOf(modeling, offset)}`);
          continue;
        }
        assert.equal(covering.start, offset);
        assert.equal(covering.text, identifier);
      }
    });
  }

  it('matches single common words in the modeling file only as argument names, string keys and attributes', () => {
    const singleWords = matches.filter((match) =>
      ['labels', 'token', 'head', 'stride', 'transformer', 'pipeline'].includes(match.termId),
    );
    assert.deepEqual(
      singleWords.map((match) => `${match.termId}:${lineOf(modeling, match.start)}`),
      ['head:38', 'stride:39', 'stride:39', 'head:48', 'labels:69', 'labels:88', 'labels:93'],
    );
  });

  it('matches phrases, abbreviations and links in the comments and docstrings of the modeling file', () => {
    const prose = matches
      .filter((match) => match.via !== 'identifier')
      .map((match) => `${match.via}:${match.termId}:${lineOf(modeling, match.start)}`);
    assert.deepEqual(prose, [
      'link:attention-mask:4',
      'phrase:self-attention:43',
      'phrase:attention-mask:43',
      'link:input-ids:74',
      'phrase:masked-language-modeling-mlm:76',
      'abbreviation:masked-language-modeling-mlm:76',
    ]);
  });

  it('matches the docs page with phrases, identifiers and links, and single words only when marked', () => {
    const docs = matcher.findAll(quicktour, 'prose').map((match) => `${match.termId}:${match.via}:${match.text}`);
    assert.deepEqual(docs, [
      'pipeline:identifier:pipeline',
      'input-ids:phrase:input IDs',
      'attention-mask:identifier:attention_mask',
      'token-type-ids:phrase:token type IDs',
      'attention-mask:link:[What are attention masks?](glossary#attention-mask)',
      'position-ids:link:[position IDs](https://huggingface.co/docs/transformers/main/en/glossary#position-ids)',
      'labels:identifier:labels',
      'input-ids:identifier:input_ids',
      'self-attention:phrase:Self-attention',
      'masked-language-modeling-mlm:phrase:masked language modeling',
      'masked-language-modeling-mlm:abbreviation:MLM',
      'sequence-to-sequence-seq2seq:phrase:sequence to sequence',
      'labels:identifier:labels',
      'self-attention:phrase:self attention',
      'attention-mask:phrase:máscara de atención',
      'attention-mask:phrase:アテンションマスク',
    ]);
  });

  const cases: [string, string, MatchContext][] = [
    ['modeling_toy.py', modeling, 'code'],
    ['quicktour_toy.md', quicktour, 'prose'],
  ];
  for (const [name, text, context] of cases) {
    it(`answers findTermAt on every offset of ${name} as findAll does on the same line`, () => {
      for (const line of text.split('\n')) {
        const lineMatches = matcher.findAll(line, context);
        for (let offset = 0; offset < line.length; offset++) {
          const expected: TermMatch | undefined = lineMatches.find(
            (match) => match.start <= offset && offset < match.end,
          );
          assert.deepEqual(
            matcher.findTermAt(line, offset, context),
            expected,
            `${name}: ${JSON.stringify(line)} at ${offset}`,
          );
        }
      }
    });
  }

  it('reports matches in order, without overlaps, with text equal to the range', () => {
    for (const [text, context] of [
      [modeling, 'code'],
      [quicktour, 'prose'],
    ] as const) {
      let previousEnd = 0;
      for (const match of matcher.findAll(text, context)) {
        assert.ok(match.start >= previousEnd && match.end > match.start);
        assert.equal(text.slice(match.start, match.end), match.text);
        previousEnd = match.end;
      }
    }
  });
});

describe('matcher on whole documents and on their lines', () => {
  const matcher = createTermMatcher(fixtureTermMap);
  const documents: [string, MatchContext][] = [
    ['code/modeling_toy.py', 'code'],
    ['docs/quicktour_toy.md', 'prose'],
  ];
  for (const [name, context] of documents) {
    it(`finds the same matches in ${name} whole as line by line in each line's context`, () => {
      const text = readFixture(name);
      const contexts = context === 'code' ? [{ start: 0, end: text.length, context }] : markdownContextRanges(text);
      const byLines: TermMatch[] = [];
      let lineStart = 0;
      for (const line of text.split('\n')) {
        const lineContext =
          contexts.find((range) => range.start <= lineStart && lineStart < Math.max(range.end, range.start + 1))
            ?.context ?? context;
        for (const match of matcher.findAll(line, lineContext)) {
          byLines.push({ ...match, start: match.start + lineStart, end: match.end + lineStart });
        }
        lineStart += line.length + 1;
      }
      assert.deepEqual(matcher.findAll(text, context), byLines);
    });
  }
});
