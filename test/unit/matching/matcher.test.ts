import * as assert from 'node:assert/strict';
import {
  contextAt,
  contextForFileName,
  contextForLanguage,
  createTermMatcher,
  markdownContextRanges,
} from '../../../src/matching';
import type { MatchContext, TermMatch } from '../../../src/matching';
import { fixtureTermMap } from './termMapFixture';

const matcher = createTermMatcher(fixtureTermMap);

/** Matches as `termId@start:text`, which reads well in assertion diffs. */
function summarize(matches: readonly TermMatch[]): string[] {
  return matches.map((match) => `${match.termId}@${match.start}:${match.text}`);
}

function all(text: string, context: MatchContext): string[] {
  return summarize(matcher.findAll(text, context));
}

function at(text: string, needle: string, context: MatchContext, delta = 0): TermMatch | undefined {
  const offset = text.indexOf(needle);
  assert.ok(offset >= 0, `${needle} not in ${text}`);
  return matcher.findTermAt(text, offset + delta, context);
}

describe('term matcher', () => {
  describe('identifiers in Python', () => {
    it('matches identifiers as keyword arguments, attributes and string contents, with exact ranges', () => {
      const line = 'outputs = model(input_ids=inputs.input_ids, attention_mask=batch["attention_mask"])';
      assert.deepEqual(all(line, 'code'), [
        'input-ids@16:input_ids',
        'input-ids@33:input_ids',
        'attention-mask@44:attention_mask',
        'attention-mask@66:attention_mask',
      ]);
      assert.ok(
        matcher
          .findAll(line, 'code')
          .every((match) => match.via === 'identifier' && line.slice(match.start, match.end) === match.text),
      );
    });

    it('matches identifiers case-sensitively only', () => {
      assert.deepEqual(all('INPUT_IDS = Input_Ids', 'code'), []);
    });

    it('matches the longest known identifier made of whole segments inside a longer identifier', () => {
      const line = 'decoder_attention_mask = get_extended_attention_mask(position_ids_left, _attention_mask)';
      assert.deepEqual(all(line, 'code'), [
        'attention-mask@8:attention_mask',
        'attention-mask@38:attention_mask',
        'position-ids@53:position_ids',
        'attention-mask@73:attention_mask',
      ]);
    });

    it('prefers a whole known identifier to a known identifier inside it', () => {
      assert.deepEqual(all('x = decoder_input_ids', 'code'), ['decoder-input-ids@4:decoder_input_ids']);
    });

    it('does not match a segment of a segment or a single-word term inside an identifier', () => {
      assert.deepEqual(all('num_labels = attention_masked + input_idsx + token_count + lm_head', 'code'), []);
    });

    it('answers findTermAt only on the segments of a compound identifier', () => {
      const line = 'x = decoder_attention_mask';
      assert.equal(at(line, 'attention', 'code')?.termId, 'attention-mask');
      assert.equal(at(line, 'decoder', 'code'), undefined);
    });
  });

  describe('abbreviations', () => {
    it('match case-sensitively as whole words in code and prose', () => {
      assert.deepEqual(all('MLM and mlm, MLMs, BertForMLM, seq2seq but not Seq2Seq', 'prose'), [
        'masked-language-modeling-mlm@0:MLM',
        'sequence-to-sequence-seq2seq@31:seq2seq',
      ]);
      assert.deepEqual(all('if use_MLM or MLM:', 'code'), ['masked-language-modeling-mlm@14:MLM']);
    });

    it('match a CamelCase title anywhere, case-sensitively', () => {
      assert.deepEqual(all('model = nn.DataParallel(model)  # dataparallel', 'code'), [
        'dataparallel-dp@11:DataParallel',
      ]);
    });
  });

  describe('single common words', () => {
    it('match in code only as parameter names, keyword arguments, string contents, attributes and bare calls', () => {
      const code = [
        'def forward(self, input_ids, labels=None):',
        '    labels: Optional[torch.Tensor] = None,',
        'loss = model(x, labels=labels)',
        'batch["labels"] = 1',
        "names = ['labels', 'token']",
        'conv = nn.Conv2d(3, 8, stride=2)',
        'logits = self.head(outputs.labels)',
        'pipe = pipeline("text-classification")',
      ].join('\n');
      assert.deepEqual(
        matcher
          .findAll(code, 'code')
          .filter((match) => match.termId !== 'input-ids')
          .map((match) => `${match.termId}:${code.slice(0, match.start).split('\n').length}`),
        [
          'labels:1',
          'labels:2',
          'labels:3',
          'labels:4',
          'labels:5',
          'token:5',
          'stride:6',
          'head:7',
          'labels:7',
          'pipeline:8',
        ],
      );
    });

    it('never match plain variables, assignments, comparisons, definitions or segments of identifiers in code', () => {
      const code = [
        'labels = labels.to(device)',
        'if labels is not None and labels == 3:',
        'for token in tokens:',
        'x = pipeline',
        'def pipeline(task):',
        'num_labels = lm_head + head_mask',
        '# the token goes through the head of the transformer',
      ].join('\n');
      assert.deepEqual(all(code, 'code'), []);
    });

    it('match in prose only in inline code, emphasis and glossary links', () => {
      const text =
        'Use `labels`, a [`pipeline`], `pipeline()` and **token**; *head* too. A token, the head, "labels", `tokens`.';
      assert.deepEqual(all(text, 'prose'), [
        'labels@5:labels',
        'pipeline@18:pipeline',
        'pipeline@31:pipeline',
        'token@49:token',
        'head@59:head',
      ]);
    });
  });

  describe('phrases in prose', () => {
    it('match case-insensitively, with plurals and hyphen or space variants', () => {
      const text = 'Attention masks, an ATTENTION MASK, Self-Attention and self attention, self-supervised learning.';
      assert.deepEqual(all(text, 'prose'), [
        'attention-mask@0:Attention masks',
        'attention-mask@20:ATTENTION MASK',
        'self-attention@36:Self-Attention',
        'self-attention@55:self attention',
        'self-supervised-learning@71:self-supervised learning',
      ]);
    });

    it('respect word boundaries and never start inside a path or a hyphenated compound', () => {
      assert.deepEqual(
        all('xattention mask, attention maskx, attention_masks, cross-attention mask, docs/input-ids', 'prose'),
        [],
      );
    });

    it('let the longest phrase win', () => {
      assert.deepEqual(all('decoder input IDs and input IDs', 'prose'), [
        'decoder-input-ids@0:decoder input IDs',
        'input-ids@22:input IDs',
      ]);
    });

    it('strip a parenthetical abbreviation from a title and match both parts', () => {
      assert.deepEqual(all('masked language modeling (MLM)', 'prose'), [
        'masked-language-modeling-mlm@0:masked language modeling',
        'masked-language-modeling-mlm@26:MLM',
      ]);
    });

    it('take the English name out of a Korean heading', () => {
      assert.deepEqual(all('connectionist temporal classification', 'prose'), [
        'connectionist-temporal-classification-ctc@0:connectionist temporal classification',
      ]);
    });

    it('match identifiers in prose and in comments of code', () => {
      assert.deepEqual(all('Pass `input_ids` or input_ids.', 'prose'), [
        'input-ids@6:input_ids',
        'input-ids@20:input_ids',
      ]);
      assert.deepEqual(all('x = 1  # the attention mask and MLM', 'code'), [
        'attention-mask@13:attention mask',
        'masked-language-modeling-mlm@32:MLM',
      ]);
    });

    it('do not span a line break', () => {
      assert.deepEqual(all('attention\nmask', 'prose'), []);
    });
  });

  describe('glossary links', () => {
    const forms = [
      '[What are input IDs?](../glossary#input-ids)',
      '[input IDs](glossary#input-ids)',
      '[input IDs](glossary.md#input-ids)',
      '[input IDs](./glossary.md#input-ids)',
      '[input IDs](../../glossary#input-ids)',
      '[IDs](https://huggingface.co/docs/transformers/main/en/glossary#input-ids)',
      '[IDs](https://huggingface.co/docs/transformers/glossary#input-ids)',
    ];
    for (const form of forms) {
      it(`match ${form} as a whole`, () => {
        const text = `See ${form}.`;
        const [match, ...rest] = matcher.findAll(text, 'prose');
        assert.deepEqual(rest, []);
        assert.equal(match?.termId, 'input-ids');
        assert.equal(match?.via, 'link');
        assert.equal(match?.text, form);
        assert.equal(matcher.findTermAt(text, text.indexOf('IDs'), 'prose')?.via, 'link');
      });
    }

    it('match the reStructuredText links of older docstrings as a whole', () => {
      const line =
        '            `What are input IDs? <../glossary.html#input-ids>`__ and `IDs <../glossary.html#input-ids>`_';
      assert.deepEqual(all(line, 'code'), [
        'input-ids@12:`What are input IDs? <../glossary.html#input-ids>`__',
        'input-ids@69:`IDs <../glossary.html#input-ids>`_',
      ]);
    });

    it('match a bare or autolinked URL on the URL', () => {
      const url = 'https://huggingface.co/docs/transformers/v4.40.0/es/glossary#attention-mask';
      assert.deepEqual(all(`see ${url} and <${url}>`, 'prose'), [
        `attention-mask@4:${url}`,
        `attention-mask@${url.length + 10}:${url}`,
      ]);
    });

    it('ignore unknown anchors and glossaries of other sites', () => {
      assert.deepEqual(
        all(
          '[x](../glossary#no-such-term) [y](https://example.com/glossary#input-ids) [z](docs/glossary#input-ids) glossary#input-ids',
          'prose',
        ),
        [],
      );
    });

    it('match in docstrings of code', () => {
      const line = '    Indices. [What are attention masks?](../glossary#attention-mask)';
      assert.deepEqual(all(line, 'code'), [
        'attention-mask@13:[What are attention masks?](../glossary#attention-mask)',
      ]);
    });
  });

  describe('Unicode', () => {
    it('keeps UTF-16 ranges exact after characters outside the BMP', () => {
      const text = '🤗🤗 attention mask 🤗 `labels`';
      assert.deepEqual(all(text, 'prose'), ['attention-mask@5:attention mask', 'labels@24:labels']);
      assert.equal(matcher.findTermAt(text, 5, 'prose')?.text, 'attention mask');
      assert.equal(matcher.findTermAt(text, 1, 'prose'), undefined);
    });

    it('matches accented aliases with or without their accents', () => {
      assert.deepEqual(all('La máscara de atención, la MÁSCARA DE ATENCIÓN y la mascara de atencion.', 'prose'), [
        'attention-mask@3:máscara de atención',
        'attention-mask@27:MÁSCARA DE ATENCIÓN',
        'attention-mask@52:mascara de atencion',
      ]);
    });

    it('matches Korean and Arabic phrases separated by spaces', () => {
      assert.deepEqual(all('대규모 언어 모델 입니다', 'prose'), ['large-language-models-llm@0:대규모 언어 모델']);
      assert.deepEqual(all('يعتمد على الانتباه الذاتي في النموذج', 'prose'), ['self-attention@10:الانتباه الذاتي']);
    });

    it('matches Japanese forms in running text but never inside a longer katakana word', () => {
      const japanese =
        'アテンションマスクは重要です。ノンアテンションマスク。`アテンションマスク`と`ノンアテンションマスク`。注意力掩码和attention mask';
      assert.deepEqual(all(japanese, 'prose'), [
        'attention-mask@0:アテンションマスク',
        'attention-mask@28:アテンションマスク',
        'attention-mask@59:attention mask',
      ]);
      for (let offset = 0; offset < japanese.length; offset++) matcher.findTermAt(japanese, offset, 'prose');
    });
  });

  describe('findTermAt', () => {
    it('returns undefined outside the line and between terms', () => {
      const line = 'x = input_ids';
      assert.equal(matcher.findTermAt(line, -1, 'code'), undefined);
      assert.equal(matcher.findTermAt(line, line.length, 'code'), undefined);
      assert.equal(matcher.findTermAt(line, 2, 'code'), undefined);
      assert.equal(matcher.findTermAt(line, line.length - 1, 'code')?.termId, 'input-ids');
    });

    it('finds a term at the end of a 1 MB line without spaces, and nothing inside it', () => {
      const line = `${'a'.repeat(1_000_000)} attention_mask`;
      assert.equal(matcher.findTermAt(line, 500_000, 'code'), undefined);
      assert.equal(matcher.findTermAt(line, line.length - 3, 'code')?.start, 1_000_001);
      const glued = `${'b'.repeat(1_000_000)}_attention_mask`;
      assert.equal(matcher.findTermAt(glued, glued.length - 3, 'code'), undefined);
      assert.deepEqual(matcher.findAll(glued, 'code'), []);
    });

    it('finds a term in the middle of a very long line of words', () => {
      const line = `${'word '.repeat(200_000)}input_ids ${'word '.repeat(200_000)}`;
      assert.equal(matcher.findTermAt(line, 1_000_004, 'code')?.termId, 'input-ids');
    });
  });

  describe('options', () => {
    it('never matches ignored term ids or surface forms', () => {
      const ignoring = createTermMatcher(fixtureTermMap, { ignoredTerms: ['labels', 'Attention Mask', 'MLM'] });
      const text =
        'model(labels=y, attention_mask=m)  # the attention mask, Attention-Masks, MLM, masked language modeling';
      assert.deepEqual(summarize(ignoring.findAll(text, 'code')), [
        'attention-mask@16:attention_mask',
        'masked-language-modeling-mlm@79:masked language modeling',
      ]);
      const ignoringId = createTermMatcher(fixtureTermMap, { ignoredTerms: ['attention-mask'] });
      assert.deepEqual(summarize(ignoringId.findAll(text, 'code')), [
        'labels@6:labels',
        'masked-language-modeling-mlm@74:MLM',
        'masked-language-modeling-mlm@79:masked language modeling',
      ]);
    });
  });

  describe('contexts', () => {
    it('maps language ids and file names', () => {
      assert.equal(contextForLanguage('python'), 'code');
      assert.equal(contextForLanguage('markdown'), 'prose');
      assert.equal(contextForLanguage('plaintext'), 'prose');
      assert.equal(contextForLanguage('rust'), 'prose');
      assert.equal(contextForFileName('src/modeling_bert.py'), 'code');
      assert.equal(contextForFileName('docs/glossary.md'), 'prose');
      assert.equal(contextForFileName('notes.txt'), 'prose');
    });

    it('reads fenced Python blocks of Markdown as code and everything else as prose', () => {
      const text = 'a\n```python\nx(labels=y)\n```\nlabels=y\n~~~bash\nlabels=y\n~~~\n';
      const ranges = markdownContextRanges(text);
      assert.deepEqual(
        ranges.map((range) => [range.context, text.slice(range.start, range.end)]),
        [
          ['prose', 'a\n```python\n'],
          ['code', 'x(labels=y)\n'],
          ['prose', '```\nlabels=y\n~~~bash\nlabels=y\n~~~\n'],
        ],
      );
      assert.deepEqual(all(text, 'prose'), ['labels@14:labels']);
      assert.deepEqual(
        [0, 12, 14, 24, 28, text.length].map((offset) => contextAt(ranges, offset)),
        ['prose', 'code', 'code', 'prose', 'prose', 'prose'],
      );
    });
  });
});
