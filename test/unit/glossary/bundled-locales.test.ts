/**
 * The four glossaries beyond English and Spanish (ja, ko, zh-hans, ar): each has every term, each summary is written
 * in its own script with little Latin outside code, no summary is another locale's, and every example keeps the
 * English example's code exactly, only its comments translated.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { compileGlossaries, formatDiagnostic, GLOSSARY_LOCALES } from '../../../src/glossary';
import { repoRoot } from './paths';
import { BUNDLED_FILES } from './bundledFiles';

const result = compileGlossaries(BUNDLED_FILES.map((file) => ({ file, content: fs.readFileSync(path.join(repoRoot(), file)) })));
const englishIds = result.termMap.terms.filter((t) => t.entries.en).map((t) => t.id);

/** What each locale's prose is written in; `other` are the letters of the script that must not dominate instead. */
const SCRIPTS: Record<string, { readonly own: RegExp; readonly required?: RegExp; readonly forbidden?: RegExp }> = {
  ja: { own: /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}ー]/u, required: /[\p{Script=Hiragana}\p{Script=Katakana}]/u },
  ko: { own: /\p{Script=Hangul}/u, forbidden: /[\p{Script=Hiragana}\p{Script=Katakana}]/u },
  'zh-hans': { own: /\p{Script=Han}/u, forbidden: /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u },
  ar: { own: /\p{Script=Arabic}/u },
};

/**
 * Latin words that are names of the glossary itself (English titles, abbreviations, aliases, identifiers): a locale
 * that keeps `token` or `logits` in English, as its docs do, uses terminology, not untranslated prose.
 */
const GLOSSARY_WORDS = new Set(
  result.termMap.terms.flatMap((t) =>
    [t.titles.en ?? '', ...t.abbreviations, ...t.aliases, ...t.identifiers].flatMap((name) => name.toLowerCase().match(/\p{Script=Latin}+/gu) ?? []),
  ),
);

/** The most Latin a summary may hold, as a share of its letters, once code, identifiers and term names are taken out. */
const MAX_LATIN_SHARE = 0.3;

/** The first paragraph of an entry's Markdown (its summary as written) without code spans and link destinations. */
function summaryProse(markdown: string): string {
  const paragraph = markdown.trim().split(/\n\s*\n/)[0] ?? '';
  return paragraph
    .replace(/`[^`]*`/g, ' ')
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/\b[\w.]*[_.][\w.]*\b/g, ' ')
    .replace(/\p{Script=Latin}+/gu, (word) => (GLOSSARY_WORDS.has(word.toLowerCase()) ? ' ' : word));
}

/** Share of Latin letters among all letters of a text. */
function latinShare(text: string): number {
  const letters = text.match(/\p{L}/gu) ?? [];
  if (letters.length === 0) return 0;
  return letters.filter((c) => /\p{Script=Latin}/u.test(c)).length / letters.length;
}

/**
 * The code of a Python example with its comments taken out: a `#` outside a string ends the line's code, and lines
 * left with nothing but a prompt are dropped, so a translated comment on a line of its own compares equal.
 */
export function codeWithoutComments(block: string): string {
  const lines: string[] = [];
  for (const line of block.split('\n')) {
    let quote: string | undefined;
    let cut = line.length;
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (quote) {
        if (c === '\\') i++;
        else if (c === quote) quote = undefined;
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '#') {
        cut = i;
        break;
      }
    }
    const code = line.slice(0, cut).trimEnd();
    if (/^(>>>|\.\.\.)?$/.test(code)) continue;
    lines.push(code);
  }
  return lines.join('\n');
}

/** The fenced Python blocks of an entry, in order. */
function pythonBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```(?:python|py)\n([\s\S]*?)^```/gm)].map((m) => codeWithoutComments(m[1] ?? ''));
}

describe('the bundled glossary in six locales', () => {
  it('compiles every locale with no errors and no warnings', () => {
    assert.deepEqual(result.diagnostics.map(formatDiagnostic), []);
    assert.deepEqual([...result.termMap.locales].sort(), [...GLOSSARY_LOCALES].sort());
  });

  for (const locale of Object.keys(SCRIPTS)) {
    const script = SCRIPTS[locale]!;
    describe(locale, () => {
      it('has every term', () => {
        assert.deepEqual(englishIds.filter((id) => !result.termMap.terms.find((t) => t.id === id)?.entries[locale]), []);
      });

      it('writes every summary in its own script, with little Latin outside code and identifiers', () => {
        const problems: string[] = [];
        for (const term of result.termMap.terms) {
          const entry = term.entries[locale];
          if (!entry) continue;
          const prose = summaryProse(entry.markdown);
          const own = [...prose].filter((c) => script.own.test(c)).length;
          if (own < 10) problems.push(`${term.id}: only ${own} characters of the locale's script`);
          if (script.required && !script.required.test(prose)) problems.push(`${term.id}: no kana`);
          if (script.forbidden?.test(prose)) problems.push(`${term.id}: letters of another CJK script`);
          const latin = latinShare(prose);
          if (latin > MAX_LATIN_SHARE) problems.push(`${term.id}: ${Math.round(latin * 100)}% Latin letters`);
        }
        assert.deepEqual(problems, []);
      });

      it('has a summary of its own, equal to no other locale', () => {
        const same: string[] = [];
        for (const term of result.termMap.terms) {
          const mine = term.entries[locale]?.summary;
          for (const [other, entry] of Object.entries(term.entries)) {
            if (other !== locale && mine !== undefined && entry.summary === mine) same.push(`${term.id}: same as ${other}`);
          }
        }
        assert.deepEqual(same, []);
      });

      it("keeps the English example's code exactly, comments aside", () => {
        const differ: string[] = [];
        for (const term of result.termMap.terms) {
          const entry = term.entries[locale];
          const english = term.entries.en;
          if (!entry || !english) continue;
          const mine = pythonBlocks(entry.markdown);
          const theirs = pythonBlocks(english.markdown);
          if (mine.length !== theirs.length) differ.push(`${term.id}: ${mine.length} examples, English has ${theirs.length}`);
          else mine.forEach((code, i) => code !== theirs[i] && differ.push(`${term.id}: example ${i + 1} differs`));
        }
        assert.deepEqual(differ, []);
      });
    });
  }

  it('reads a comment as a comment only outside strings', () => {
    assert.equal(codeWithoutComments('>>> x = "#1"  # 番号\n>>> # 読み込む\n>>> y = 2'), '>>> x = "#1"\n>>> y = 2');
    assert.notEqual(codeWithoutComments('>>> x = "a"'), codeWithoutComments('>>> x = "b"'));
  });
});
