import * as assert from 'node:assert/strict';
import type { Locale } from '../../../src/glossary';
import { computeHover as computeHoverWith, englishHoverStrings } from '../../../src/hover/hoverContent';
import { Commands } from '../../../src/ids';
import type { MatchContext } from '../../../src/matching';
import { createSnapshot, type GlossarySnapshot } from '../../../src/service/snapshot';
import { HOSTILE_SUMMARY, testTermMap } from '../../helpers/termMapFixture';
import { linkTargets, renderMarkdown, textOf, withoutAutolinkLiterals } from '../../helpers/renderMarkdown';

function deps(displayLocale: Locale, docsVersion = 'main'): GlossarySnapshot {
  return createSnapshot(testTermMap, { language: displayLocale, uiLanguage: 'en', docsVersion, ignoredTerms: [] });
}

/** The hover as the extension computes it, with the English strings. */
function computeHover(
  line: string,
  character: number,
  context: MatchContext,
  glossary: GlossarySnapshot,
): ReturnType<typeof computeHoverWith> {
  return computeHoverWith(line, character, context, glossary, englishHoverStrings);
}

const pythonLine = 'batch = tokenizer(texts, padding=True); mask = batch["attention_mask"]';

describe('computeHover', () => {
  it('finds the term at the position and returns its exact span', () => {
    const start = pythonLine.indexOf('attention_mask');
    const hover = computeHover(pythonLine, start + 4, 'code', deps('en'));
    assert.ok(hover);
    assert.equal(hover.termId, 'attention-mask');
    assert.deepEqual([hover.start, hover.end], [start, start + 'attention_mask'.length]);
  });

  it('returns nothing away from a term', () => {
    assert.equal(computeHover(pythonLine, pythonLine.indexOf('tokenizer') + 2, 'code', deps('en')), undefined);
  });

  it('shows the title, summary, identifiers and both links in the display locale', () => {
    const hover = computeHover(pythonLine, pythonLine.indexOf('attention_mask'), 'code', deps('en'))!;
    const html = renderMarkdown(hover.markdown);
    const text = textOf(html);
    assert.match(html, /<strong>attention mask<\/strong>/);
    assert.match(text, /tells the model which tokens/);
    assert.match(html, /Identifiers: <code>attention_mask<\/code>/);
    const [openEntry, openOnHub] = linkTargets(html);
    assert.ok(openEntry?.startsWith(`command:${Commands.openEntry}?`), openEntry);
    assert.deepEqual(JSON.parse(decodeURIComponent(openEntry!.slice(openEntry!.indexOf('?') + 1))), {
      termId: 'attention-mask',
      locale: 'en',
    });
    assert.equal(openOnHub, 'https://huggingface.co/docs/transformers/main/en/glossary#attention-mask');
    assert.doesNotMatch(text, /Shown in/);
  });

  it('shows the Spanish entry and links to the Spanish page when the display locale is es', () => {
    const hover = computeHover(pythonLine, pythonLine.indexOf('attention_mask'), 'code', deps('es', 'v4.46.0'))!;
    const html = renderMarkdown(hover.markdown);
    assert.match(html, /<strong>máscara de atención<\/strong>/);
    assert.match(textOf(html), /indica al modelo/);
    assert.ok(
      linkTargets(html).includes('https://huggingface.co/docs/transformers/v4.46.0/es/glossary#attention-mask'),
    );
  });

  it('isolates an Arabic title and summary, and the Latin names in them, so that they read right to left', () => {
    const summary = 'يُمرَّر مع input_ids إلى النموذج (مثل BERT) ليخبره بالمواضع المحشوة.';
    const withArabic = {
      ...testTermMap,
      locales: [...testTermMap.locales, 'ar'],
      terms: testTermMap.terms.map((t) =>
        t.id === 'attention-mask'
          ? {
              ...t,
              titles: { ...t.titles, ar: 'قناع الانتباه' },
              entries: { ...t.entries, ar: { ...t.entries.en!, title: 'قناع الانتباه', summary } },
            }
          : t,
      ),
    };
    const glossary = createSnapshot(withArabic, {
      language: 'ar',
      uiLanguage: 'en',
      docsVersion: 'main',
      ignoredTerms: [],
    });
    const html = renderMarkdown(
      computeHover(pythonLine, pythonLine.indexOf('attention_mask'), 'code', glossary)!.markdown,
    );
    // A hover is laid out left to right; the isolates give the Arabic text its own direction inside it.
    assert.match(html, /<strong>\u2067قناع الانتباه\u2069<\/strong>/);
    assert.ok(
      textOf(html).includes(
        '\u2067يُمرَّر مع \u2066input_ids\u2069 إلى النموذج (مثل \u2066BERT\u2069) ليخبره بالمواضع المحشوة.\u2069',
      ),
      textOf(html),
    );
    const english = computeHover(pythonLine, pythonLine.indexOf('attention_mask'), 'code', deps('en'))!.markdown;
    assert.doesNotMatch(english, /[\u2066-\u2069]/);
  });

  it('falls back to English and says so when the term has no entry in the display locale', () => {
    const line = 'BERT was pretrained with MLM.';
    const hover = computeHover(line, line.indexOf('MLM') + 1, 'prose', deps('es'))!;
    const html = renderMarkdown(hover.markdown);
    assert.match(html, /<strong>masked language modeling \(MLM\)<\/strong>/);
    assert.match(textOf(html), /Shown in English because this term has no Spanish entry\./);
    assert.match(html, /Abbreviation: <code>MLM<\/code>/);
    assert.ok(
      linkTargets(html).includes(
        'https://huggingface.co/docs/transformers/main/en/glossary#masked-language-modeling-mlm',
      ),
    );
  });

  it('opens a term that the upstream glossary lacks on its docs: page, in the docs version, and hides the link without one', () => {
    const line = 'value = hostile_example + 1';
    const withDocs = {
      ...testTermMap,
      terms: testTermMap.terms.map((t) =>
        t.id === 'hostile-example' ? { ...t, docs: ['no_such_page', 'kv_cache#reuse'] } : t,
      ),
    };
    const snapshot = createSnapshot(withDocs, {
      language: 'es',
      uiLanguage: 'en',
      docsVersion: 'v4.46.0',
      ignoredTerms: [],
    });
    const targets = linkTargets(
      withoutAutolinkLiterals(
        renderMarkdown(computeHover(line, line.indexOf('hostile_example'), 'code', snapshot)!.markdown),
      ),
    );
    // The entry is English (no Spanish one), and kv_cache has no Spanish translation anyway.
    assert.equal(targets[1], 'https://huggingface.co/docs/transformers/v4.46.0/en/kv_cache#reuse');
    assert.equal(
      linkTargets(
        withoutAutolinkLiterals(
          renderMarkdown(computeHover(line, line.indexOf('hostile_example'), 'code', deps('en'))!.markdown),
        ),
      ).length,
      1,
    );
  });

  it('renders a hostile entry as inert text: no command link but ours, no HTML', () => {
    const line = 'value = hostile_example + 1';
    const hover = computeHover(line, line.indexOf('hostile_example'), 'code', deps('en'))!;
    const html = withoutAutolinkLiterals(renderMarkdown(hover.markdown));
    // Exactly the link the hover builds itself (the term has no page upstream, so no huggingface.co link); the
    // entry's own link and image stayed text.
    const targets = linkTargets(html);
    assert.equal(targets.length, 1, html);
    assert.ok(targets[0]!.startsWith(`command:${Commands.openEntry}?`));
    assert.doesNotMatch(
      html,
      /<(?!\/?(?:p|strong|em|a|code)\b)[a-z]/i,
      "an HTML element other than the hover's own appeared",
    );
    assert.doesNotMatch(
      html,
      /(?:href|src)="(?!command:transformersGlossary\.openEntry\?|https:\/\/huggingface\.co\/)/,
    );
    const text = textOf(html);
    assert.ok(text.includes(HOSTILE_SUMMARY), 'the summary is shown verbatim, as text');
    assert.ok(text.includes('hostile <b>example</b> [t](command:evil)'), 'the title is shown verbatim, as text');
    assert.ok(text.includes('H*X'));
  });
});
