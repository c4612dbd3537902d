import * as assert from 'node:assert/strict';
import { SafeHtml, escapeHtml, html } from '../../../src/panel/html';
import { contentSecurityPolicy, entryPanelHtml } from '../../../src/panel/panelHtml';
import type { PanelAssets, PanelStrings } from '../../../src/panel/panelHtml';
import type { EntryView } from '../../../src/panel/panelView';

const assets: PanelAssets = {
  cspSource: 'https://webview.example',
  nonce: 'bm9uY2Utdmx1ZQ==',
  scriptUri: 'https://webview.example/media/panel.js',
  styleUri: 'https://webview.example/media/panel.css',
  uiLanguage: 'en',
};

const strings: PanelStrings = {
  back: 'Back',
  forward: 'Forward',
  identifiers: 'In code',
  abbreviations: 'Abbreviations',
  languages: 'Languages',
  openOnHub: 'Open on huggingface.co',
  videos: 'Videos',
  links: 'Links',
};

function view(overrides: Partial<EntryView> = {}): EntryView {
  return {
    kind: 'entry',
    termId: 'attention-mask',
    title: 'attention mask',
    locale: 'en',
    identifiers: ['attention_mask'],
    abbreviations: [],
    body: SafeHtml.trust('<p>Body with <a href="#input-ids" data-term="input-ids">input IDs</a>.</p>'),
    hubUrl: 'https://huggingface.co/docs/transformers/main/en/glossary#attention-mask',
    videos: [],
    locales: [
      { locale: 'en', label: 'English' },
      { locale: 'es', label: 'Español' },
    ],
    canGoBack: false,
    canGoForward: true,
    state: { termId: 'attention-mask', history: { entries: [{ termId: 'attention-mask' }], index: 0 } },
    ...overrides,
  };
}

describe('entryPanelHtml', () => {
  it('shows the huggingface.co link only when the view has one', () => {
    assert.ok(
      entryPanelHtml(view(), assets, strings).includes(
        'href="https://huggingface.co/docs/transformers/main/en/glossary#attention-mask"',
      ),
    );
    // Left out rather than set to undefined, as buildPanelView leaves it out for a term without a page.
    const { hubUrl, ...withoutHub } = view();
    assert.ok(hubUrl, 'the base view has a link to leave out');
    const page = entryPanelHtml(withoutHub, assets, strings);
    assert.doesNotMatch(page, /huggingface\.co/);
    assert.doesNotMatch(page, /<ul class="links">/);
  });

  it('sets a CSP that allows only our stylesheet and the nonce script', () => {
    const page = entryPanelHtml(view(), assets, strings);
    const csp = contentSecurityPolicy(assets.cspSource, assets.nonce);
    assert.equal(
      csp,
      "default-src 'none'; style-src https://webview.example; script-src 'nonce-bm9uY2Utdmx1ZQ=='; img-src https://webview.example; form-action 'none'; base-uri 'none'",
    );
    assert.ok(page.includes(`<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">`));
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*/);
  });

  it('has exactly one script, external and carrying the nonce, and no inline styles or handlers', () => {
    const page = entryPanelHtml(view(), assets, strings);
    const scripts = [...page.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    assert.deepEqual(scripts, ['<script nonce="bm9uY2Utdmx1ZQ==" src="https://webview.example/media/panel.js">']);
    assert.doesNotMatch(page, /<script[^>]*>[^<]+<\/script>/);
    assert.doesNotMatch(page, /\sstyle=|<style|\son[a-z]+=/i);
    assert.doesNotMatch(page, /<iframe/);
  });

  it('shows the title, identifiers, the entry, the locale switcher and the links', () => {
    const page = entryPanelHtml(
      view({ abbreviations: ['MLM'], videos: [{ text: 'Watch', url: 'https://youtube.com/watch?v=abc' }] }),
      assets,
      strings,
    );
    assert.match(page, /<h1 lang="en" dir="ltr">attention mask<\/h1>/);
    assert.match(page, /<li><code dir="ltr">attention_mask<\/code><\/li>/);
    assert.match(page, /<li><code dir="ltr">MLM<\/code><\/li>/);
    assert.match(
      page,
      /<article class="entry" lang="en" dir="ltr"><p>Body with <a href="#input-ids" data-term="input-ids">/,
    );
    assert.match(page, /<span class="locale current" aria-current="true" lang="en" dir="auto">English<\/span>/);
    assert.match(page, /<button type="button" class="locale" data-locale="es" lang="es" dir="auto">Español<\/button>/);
    assert.match(
      page,
      /<a href="https:\/\/huggingface.co\/docs\/transformers\/main\/en\/glossary#attention-mask" data-external="true" dir="auto">Open on huggingface.co<\/a>/,
    );
    assert.match(
      page,
      /<h2><span dir="auto">Videos<\/span><\/h2><ul class="links videos"><li><a href="https:\/\/youtube.com\/watch\?v=abc" data-external="true" dir="auto">Watch<\/a>/,
    );
  });

  it('disables the history buttons that lead nowhere', () => {
    const page = entryPanelHtml(view(), assets, strings);
    assert.match(page, /data-action="back"[^>]* disabled>/);
    assert.match(page, /data-action="forward"[^>]*aria-label="Forward">/);
  });

  it('shows the fallback note only when there is one', () => {
    assert.doesNotMatch(entryPanelHtml(view(), assets, strings), /fallback-note/);
    assert.match(
      entryPanelHtml(view({ fallbackNote: 'Shown in English.' }), assets, strings),
      /<p class="fallback-note" role="note" dir="auto">Shown in English.<\/p>/,
    );
  });

  it('shows no locale switcher when the term exists in one language only', () => {
    assert.doesNotMatch(
      entryPanelHtml(view({ locales: [{ locale: 'en', label: 'English' }] }), assets, strings),
      /class="locales"/,
    );
  });

  it('lays out a right-to-left entry right to left', () => {
    assert.match(
      entryPanelHtml(view({ locale: 'ar' }), assets, strings),
      /<article class="entry" lang="ar" dir="rtl">/,
    );
  });

  describe('an Arabic entry', () => {
    const arabic = view({
      locale: 'ar',
      title: 'قناع الانتباه',
      locales: [
        { locale: 'en', label: 'English' },
        { locale: 'ar', label: 'العربية' },
      ],
      canGoBack: true,
      videos: [{ text: 'شرح مصور', url: 'https://youtube.com/watch?v=abc' }],
    });
    const page = entryPanelHtml(arabic, assets, strings);

    it('mirrors the whole page, its title and body right to left, in the Arabic language', () => {
      assert.match(page, /<html lang="en" dir="rtl">/);
      assert.match(page, /<h1 lang="ar" dir="rtl">قناع الانتباه<\/h1>/);
      assert.match(page, /<article class="entry" lang="ar" dir="rtl">/);
    });

    it('mirrors Back and Forward: Back comes first, at the right, and points right', () => {
      assert.match(page, /data-action="back"[^>]*>→<\/button>\s*<button[^>]*data-action="forward"[^>]*>←<\/button>/);
      assert.match(entryPanelHtml(view(), assets, strings), /data-action="back"[^>]*>←<\/button>/);
    });

    it('keeps identifiers left to right and lets mixed interface text find its own direction', () => {
      assert.match(page, /<li><code dir="ltr">attention_mask<\/code><\/li>/);
      assert.match(page, /<span class="chip-label" dir="auto">In code<\/span>/);
      assert.match(
        page,
        /<button type="button" class="locale" data-locale="en" lang="en" dir="auto">English<\/button>/,
      );
      assert.match(page, /<span class="locale current" aria-current="true" lang="ar" dir="auto">العربية<\/span>/);
      assert.match(page, /<a href="https:\/\/youtube.com\/watch\?v=abc" data-external="true" dir="auto">شرح مصور<\/a>/);
    });

    it('lays out a message by the interface language, not by a locale it cannot know', () => {
      const message = entryPanelHtml(
        { kind: 'message', title: 'gone', message: 'لم يعد المصطلح موجودا.', canGoBack: false, canGoForward: false },
        { ...assets, uiLanguage: 'ar' },
        strings,
      );
      assert.match(message, /<html lang="ar" dir="rtl">/);
      assert.match(message, /<p class="message" dir="auto">/);
      assert.match(entryPanelHtml(view(), assets, strings), /<html lang="en" dir="ltr">/);
    });
  });

  it('escapes every value taken from the glossary', () => {
    const hostile = '"><script>alert(1)</script><img src=x onerror=alert(2)>';
    const page = entryPanelHtml(
      view({
        title: hostile,
        identifiers: [hostile],
        abbreviations: [hostile],
        fallbackNote: hostile,
        hubUrl: `https://huggingface.co/${hostile}`,
        videos: [{ text: hostile, url: `https://youtube.com/${hostile}` }],
        locales: [
          { locale: 'en', label: hostile },
          { locale: 'es', label: hostile },
        ],
        state: { termId: hostile, history: { entries: [{ termId: hostile }], index: 0 } },
      }),
      assets,
      strings,
    );
    assert.doesNotMatch(page, /<script>|<img|onerror=alert\(2\)>/);
    assert.equal([...page.matchAll(/<script\b/g)].length, 1);
    // The state attribute holds JSON that the script reads back intact.
    const state = /data-state="([^"]*)"/.exec(page)?.[1] ?? '';
    assert.doesNotMatch(state, /[<>"]/);
  });

  it('renders a message page for a term that is gone', () => {
    const page = entryPanelHtml(
      {
        kind: 'message',
        title: 'vanished',
        message: 'The glossary no longer has <b>it</b>.',
        canGoBack: true,
        canGoForward: false,
      },
      assets,
      strings,
    );
    assert.match(
      page,
      /<h1 dir="auto">vanished<\/h1><p class="message" dir="auto">The glossary no longer has &lt;b&gt;it&lt;\/b&gt;.<\/p>/,
    );
    assert.match(page, /<body data-term-id="" data-state="">/);
  });
});

describe('html tag', () => {
  it('escapes strings, joins arrays, skips absent values and keeps SafeHtml', () => {
    const items = ['<a>', 'b&c'];
    const result = html`<ul>${items.map((i) => html`<li>${i}</li>`)}</ul>${undefined}${false}${null}${SafeHtml.trust('<br>')}${3}`;
    assert.equal(result.value, '<ul><li>&lt;a&gt;</li><li>b&amp;c</li></ul><br>3');
    assert.equal(escapeHtml(`'"`), '&#39;&quot;');
  });
});
