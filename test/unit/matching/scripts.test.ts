/**
 * Matching in Japanese, Chinese, Korean and Arabic text, and across spellings (NFC/NFD, full and half width):
 * one test per rule of docs/matching.md ("Japanese and Chinese", "Korean", "Arabic", "Spellings"), on prose of our
 * own writing, with ranges checked in UTF-16 code units of the text as written.
 */
import * as assert from 'node:assert/strict';
import { createTermMatcher, foldKey } from '../../../src/matching';
import type { MatchContext, TermMatch } from '../../../src/matching';
import { makeTermMap } from './termMapFixture';

const termMap = makeTermMap([
  {
    id: 'attention-mask',
    title: 'attention mask',
    identifiers: ['attention_mask'],
    titles: { ja: 'アテンションマスク', 'zh-hans': '注意力掩码', ko: '어텐션 마스크', ar: 'قناع الانتباه' },
  },
  { id: 'attention', title: 'attention', titles: { 'zh-hans': '注意力', ko: '어텐션' } },
  {
    id: 'self-attention',
    title: 'self-attention',
    titles: { ja: '自己注意', 'zh-hans': '自注意力', ar: 'الانتباه الذاتي' },
  },
  { id: 'self-attention-layer', title: 'self-attention layer', titles: { 'zh-hans': '自注意力层' } },
  { id: 'fine-tuning', title: 'fine-tuning', titles: { 'zh-hans': '微调' } },
  { id: 'token', title: 'token', titles: { ja: 'トークン', 'zh-hans': '令牌', ko: '토큰' } },
  { id: 'model', title: 'model', titles: { 'zh-hans': '模型' } },
  { id: 'tokenizer', title: 'tokenizer', titles: { 'zh-hans': '分词器', ko: '토큰화기' } },
  {
    id: 'input-ids',
    title: 'input IDs',
    identifiers: ['input_ids'],
    titles: { ja: '入力ID', 'zh-hans': '输入ID', ko: '입력 ID' },
  },
  { id: 'data-parallelism', title: 'data parallelism', titles: { ja: 'データ並列' } },
  { id: 'dataparallel-dp', title: 'DataParallel (DP)', abbreviations: ['DP'] },
  {
    id: 'large-language-models-llm',
    title: 'large language models (LLM)',
    abbreviations: ['LLM'],
    titles: { ko: '대규모 언어 모델', 'zh-hans': '大语言模型' },
  },
  // A made-up form with a character outside the BMP (U+20BB7), to check ranges around surrogate pairs.
  { id: 'yoshino-attention', title: 'Yoshino attention', titles: { ja: '𠮷野注意機構' } },
  { id: 'masked-language-modeling', title: 'masked language modeling', aliases: ['máscara de lenguaje'] },
]);

const matcher = createTermMatcher(termMap);

function all(text: string, context: MatchContext = 'prose'): string[] {
  return matcher.findAll(text, context).map((match) => `${match.termId}@${match.start}:${match.text}`);
}

/** Every match must be the exact original text of its range, and findTermAt must agree with findAll at every offset. */
function assertConsistent(text: string, context: MatchContext = 'prose'): void {
  const matches = matcher.findAll(text, context);
  for (const match of matches) assert.equal(text.slice(match.start, match.end), match.text);
  for (let offset = 0; offset < text.length; offset++) {
    const expected: TermMatch | undefined = matches.find((match) => match.start <= offset && offset < match.end);
    assert.deepEqual(matcher.findTermAt(text, offset, context), expected, `offset ${offset} of ${text}`);
  }
}

describe('matching in scripts without spaces, Korean, Arabic and other spellings', () => {
  describe('Japanese and Chinese', () => {
    it('match a phrase inside running text without spaces', () => {
      const text = '我们用注意力掩码忽略填充位置。';
      assert.deepEqual(all(text), ['attention-mask@3:注意力掩码']);
      assert.deepEqual(all('入力IDとアテンションマスクを渡します'), [
        'input-ids@0:入力ID',
        'attention-mask@5:アテンションマスク',
      ]);
      assertConsistent(text);
    });

    it('take the longest form at the leftmost position', () => {
      assert.deepEqual(all('自注意力机制和注意力掩码'), ['self-attention@0:自注意力', 'attention-mask@7:注意力掩码']);
      assert.deepEqual(all('每个自注意力层都有'), ['self-attention-layer@2:自注意力层']);
    });

    it('never match a katakana form inside a longer katakana word', () => {
      assert.deepEqual(all('ノンアテンションマスクとアテンションマスクス'), []);
      assert.deepEqual(all('このアテンションマスク。'), ['attention-mask@2:アテンションマスク']);
    });

    it('match a form ending with Latin letters only at the end of the Latin word', () => {
      assert.deepEqual(all('输入IDs不是输入ID。'), ['input-ids@7:输入ID']);
    });

    it('match a short form (two characters or fewer, Latin letters counted) only when set off from Japanese and Chinese text', () => {
      assert.deepEqual(all('每个令牌都有编号，模型很大，我们微调它。'), []);
      assert.deepEqual(all('微调：`微调`'), ['fine-tuning@0:微调', 'fine-tuning@4:微调']);
      assert.deepEqual(all('`令牌` 和 **模型**，令牌（token）'), ['token@1:令牌', 'model@9:模型', 'token@14:令牌']);
    });

    it('treat the translation of a single-word English concept as a short form whatever its length', () => {
      assert.deepEqual(all('分词器会把文本切成トークンです'), []);
      assert.deepEqual(all('`分词器` と `トークン`'), ['tokenizer@1:分词器', 'token@9:トークン']);
      // A longer form of a multi-word concept still wins in running text.
      assert.deepEqual(all('大语言模型很大'), ['large-language-models-llm@0:大语言模型']);
    });

    it('keep UTF-16 ranges exact around astral characters and emoji', () => {
      const text = '🤗𠮷野注意機構を使う🤗注意力掩码';
      assert.deepEqual(all(text), ['yoshino-attention@2:𠮷野注意機構', 'attention-mask@14:注意力掩码']);
      assert.equal(matcher.findTermAt(text, 3, 'prose')?.start, 2);
      assert.equal(matcher.findTermAt(text, 1, 'prose'), undefined);
      assertConsistent(text);
    });

    it('never split a combining sequence after a form', () => {
      // U+20DD (combining enclosing circle) belongs to the last character: the form is not there as written.
      assert.deepEqual(all('注意力掩码\u20dd と 注意力掩码'), ['attention-mask@9:注意力掩码']);
    });

    it('match in Python comments and strings like in prose', () => {
      const line = 'mask = batch["attention_mask"]  # 注意力掩码：1 表示保留';
      assert.deepEqual(all(line, 'code'), ['attention-mask@14:attention_mask', 'attention-mask@34:注意力掩码']);
      assertConsistent(line, 'code');
    });
  });

  describe('Korean', () => {
    it('match a term followed by a particle, with the range on the term only', () => {
      const text = '어텐션 마스크를 만들고 입력 ID는 그대로 두며 LLM은 크다. 어텐션 마스크에서는 0이 무시된다.';
      assert.deepEqual(all(text), [
        'attention-mask@0:어텐션 마스크',
        'input-ids@13:입력 ID',
        'large-language-models-llm@27:LLM',
        'attention-mask@36:어텐션 마스크',
      ]);
      assertConsistent(text);
    });

    it('do not match a term inside a longer word that is not the term and a particle', () => {
      assert.deepEqual(all('어텐션 마스크팩과 LLM형 모델'), []);
    });

    it('keep the single-word rule: a particle is no marked position, a code span is', () => {
      assert.deepEqual(all('토큰화기가 토큰을 만든다. `토큰화기`가 있다.'), ['tokenizer@16:토큰화기']);
    });
  });

  describe('Arabic', () => {
    it('ignore tashkeel and tatweel, with ranges on the text as written', () => {
      const text = 'نستخدم قِنَاعُ الانْتِبَاهِ هنا وقنـــاع الانتباه هناك';
      assert.deepEqual(all(text), ['attention-mask@7:قِنَاعُ الانْتِبَاهِ', 'attention-mask@33:قنـــاع الانتباه']);
      assertConsistent(text);
    });

    it('let the prefixes و، ب، ل and the article not block a match', () => {
      const text = 'بالانتباه الذاتي وللانتباه الذاتي والانتباه الذاتي انتباه ذاتي';
      assert.deepEqual(all(text), [
        'self-attention@1:الانتباه الذاتي',
        'self-attention@19:لانتباه الذاتي',
        'self-attention@35:الانتباه الذاتي',
        'self-attention@51:انتباه ذاتي',
      ]);
      assertConsistent(text);
    });

    it('do not read other letters as prefixes', () => {
      assert.deepEqual(all('مقناع الانتباه'), []);
    });
  });

  describe('spellings', () => {
    it('match NFD like NFC, with the range over the decomposed text', () => {
      const korean = `${'어텐션 마스크'.normalize('NFD')}를 쓴다`;
      assert.deepEqual(all(korean), [`attention-mask@0:${'어텐션 마스크'.normalize('NFD')}`]);
      const spanish = 'la ma\u0301scara de lenguaje'.normalize('NFD');
      assert.deepEqual(all(spanish), [`masked-language-modeling@3:${spanish.slice(3)}`]);
      const japanese = 'データ並列で学習'.normalize('NFD');
      assert.deepEqual(all(japanese), [`data-parallelism@0:${japanese.slice(0, 6)}`]);
      assertConsistent(korean);
      assertConsistent(japanese);
    });

    it('match full-width and half-width forms like their ordinary forms', () => {
      const text = 'ＤＰ と ｱﾃﾝｼｮﾝﾏｽｸ と ﾃﾞｰﾀ並列 と ａｔｔｅｎｔｉｏｎ＿ｍａｓｋ';
      assert.deepEqual(all(text), [
        'dataparallel-dp@0:ＤＰ',
        'attention-mask@5:ｱﾃﾝｼｮﾝﾏｽｸ',
        'data-parallelism@17:ﾃﾞｰﾀ並列',
        'attention-mask@26:ａｔｔｅｎｔｉｏｎ＿ｍａｓｋ',
      ]);
      assertConsistent(text);
    });

    it('let a hover on a line that needs folding read the text before its scan like findAll does', () => {
      // The code span's backtick stands before the hover's scan start: the folded window must still include it.
      const text = '`token` y la ma\u0301scara de lenguaje';
      assert.deepEqual(all(text), ['token@1:token', `masked-language-modeling@13:${text.slice(13)}`]);
      assertConsistent(text);
    });

    it('attach marks only to a word character, so that no range reaches back over a space, a line break or a link', () => {
      const marks = createTermMatcher(makeTermMap([{ id: 'lead', title: '\u0301\u0302 lead' }]));
      const ranges = (text: string): number[][] =>
        marks.findAll(text, 'prose').map((match) => [match.start, match.end]);
      // Marks after a space or a line break start a word of their own: the range starts at them.
      assert.deepEqual(ranges('### \u0301\u0302 lead'), [[4, 11]]);
      assert.deepEqual(ranges('x\n\u0301\u0302 lead'), [[2, 9]]);
      assertConsistent('### \u0301\u0302 lead');
      // After a glossary link, the link keeps its closing parenthesis and the next match starts after it.
      const linked = '[x](glossary#lead)\u0301\u0302 lead';
      assert.deepEqual(ranges(linked), [
        [0, 18],
        [18, 25],
      ]);
      for (let offset = 0; offset < linked.length; offset++) {
        const expected = marks.findAll(linked, 'prose').find((match) => match.start <= offset && offset < match.end);
        assert.deepEqual(marks.findTermAt(linked, offset, 'prose'), expected, `offset ${offset}`);
      }
    });

    it('answer a hover on a character whose folded form holds the start of a match', () => {
      // NFKC folds the full-width macron to a space and a combining macron: the match starts at the second unit.
      const macron = createTermMatcher(makeTermMap([{ id: 'lead', title: '\u0304 lead' }]));
      const text = 'x \uffe3 lead';
      assert.deepEqual(
        macron.findAll(text, 'prose').map((match) => [match.start, match.end]),
        [[2, 8]],
      );
      assert.equal(macron.findTermAt(text, 2, 'prose')?.start, 2);
    });

    it('give search and lookup the same keys (foldKey)', () => {
      assert.equal(foldKey('قِنَاعُ الانْتِبَاهِ'), foldKey('قناع انتباه'));
      assert.equal(foldKey('ＡＴＴＥＮＴＩＯＮ'), 'attention');
      assert.equal(foldKey('ｱﾃﾝｼｮﾝ'), 'アテンション');
      assert.equal(foldKey('ma\u0301scara'), 'mascara');
    });
  });
});
