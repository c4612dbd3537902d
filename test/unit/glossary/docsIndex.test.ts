/**
 * The docs index (which pages and glossary anchors exist upstream per locale), the link policy built on it, the
 * `docs:` metadata key, and scripts/refresh-docs-index.mjs run on a small docs tree of our own.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { compileGlossaries } from '../../../src/glossary';
import { DocsIndex, bundledDocsIndex, normalizeDocPath, splitDocsReference, termPageUrl } from '../../../src/glossary/docsIndex';
import { repoRoot } from './paths';

const data = {
  locales: {
    en: {
      pages: { commit: 'x', paths: ['glossary', 'kv_cache', 'main_classes/trainer', 'pad_truncation'] },
      redirects: { commit: 'x', map: { old_cache: 'kv_cache', gone: 'nowhere' } },
      glossary: { commit: 'x', anchors: ['attention-mask', 'input-ids'] },
    },
    es: { pages: { commit: 'x', paths: ['glossary', 'pad_truncation'] }, glossary: { commit: 'x', anchors: ['attention-mask'] } },
    ko: { pages: { commit: 'x', paths: ['glossary', 'kv_cache'] }, glossary: { commit: 'x', anchors: [] } },
    ja: { pages: { commit: 'x', paths: ['index'] }, glossary: { commit: 'x', anchors: ['attention-mask'] } },
    zh: { pages: { commit: 'x', paths: ['kv_cache'] } },
  },
};
const index = DocsIndex.fromData(data);

describe('DocsIndex', () => {
  it('normalizes page paths the way links write them', () => {
    assert.equal(normalizeDocPath('./main_classes/trainer.md'), 'main_classes/trainer');
    assert.equal(normalizeDocPath('/kv_cache/'), 'kv_cache');
    assert.deepEqual(splitDocsReference('main_classes/trainer#transformers.Trainer'), { path: 'main_classes/trainer', anchor: 'transformers.Trainer' });
    assert.deepEqual(splitDocsReference('kv_cache'), { path: 'kv_cache' });
  });

  it('links a page in the reader locale when it was translated, else in English, else nowhere', () => {
    assert.deepEqual(index.resolvePage('es', 'pad_truncation'), { locale: 'es', path: 'pad_truncation', isFallback: false });
    assert.deepEqual(index.resolvePage('es', 'kv_cache', 'sec'), { locale: 'en', path: 'kv_cache', anchor: 'sec', isFallback: true });
    assert.deepEqual(index.resolvePage('fa', 'kv_cache'), { locale: 'en', path: 'kv_cache', isFallback: true });
    // Simplified Chinese reads the docs' zh folder.
    assert.deepEqual(index.resolvePage('zh-hans', 'kv_cache'), { locale: 'zh-hans', path: 'kv_cache', isFallback: false });
    assert.equal(index.resolvePage('es', 'no_such_page'), undefined);
    assert.equal(index.resolvePage('en', ''), undefined);
  });

  it('follows a redirect to the page it serves, and ignores one that leads to no page', () => {
    assert.deepEqual(index.resolvePage('es', 'old_cache'), { locale: 'en', path: 'kv_cache', isFallback: true });
    assert.equal(index.hasPage('en', 'gone'), false);
  });

  it('opens a term at its anchor in the reader glossary, else the English glossary, else its docs pages, else nowhere', () => {
    assert.deepEqual(index.termPage('attention-mask', 'es'), { locale: 'es', path: 'glossary', anchor: 'attention-mask', isFallback: false });
    // Korean headings are translated, so their anchors are not term ids: the English anchor is used.
    assert.deepEqual(index.termPage('attention-mask', 'ko'), { locale: 'en', path: 'glossary', anchor: 'attention-mask', isFallback: true });
    // The Japanese glossary page is not in this toctree: its anchors are not trusted.
    assert.deepEqual(index.termPage('attention-mask', 'ja'), { locale: 'en', path: 'glossary', anchor: 'attention-mask', isFallback: true });
    assert.deepEqual(index.termPage('kv-cache', 'ko', ['no_such_page', 'kv_cache#reuse']), { locale: 'ko', path: 'kv_cache', anchor: 'reuse', isFallback: false });
    assert.deepEqual(index.termPage('kv-cache', 'es', ['kv_cache']), { locale: 'en', path: 'kv_cache', isFallback: true });
    assert.equal(index.termPage('kv-cache', 'es', ['no_such_page']), undefined);
    assert.equal(index.termPage('kv-cache', 'es'), undefined);
  });

  it('builds the URL of that page, or none', () => {
    assert.equal(termPageUrl({ id: 'attention-mask' }, 'es', index), 'https://huggingface.co/docs/transformers/es/glossary#attention-mask');
    assert.equal(termPageUrl({ id: 'kv-cache', docs: ['kv_cache#reuse'] }, 'ko', index), 'https://huggingface.co/docs/transformers/ko/kv_cache#reuse');
    assert.equal(termPageUrl({ id: 'kv-cache' }, 'ko', index), undefined);
    assert.equal(termPageUrl({ id: 'kv-cache', docs: ['kv_cache'] }, 'zh-hans', index), 'https://huggingface.co/docs/transformers/zh/kv_cache');
  });

  it('refuses data of the wrong shape with a message that names the part', () => {
    assert.throws(() => DocsIndex.fromData({}), /"locales"/);
    assert.throws(() => DocsIndex.fromData({ locales: { es: data.locales.es } }), /"en" locale is missing/);
    assert.throws(() => DocsIndex.fromData({ locales: { en: { pages: { paths: [1] } } } }), /locales\.en\.pages\.paths/);
    assert.throws(() => DocsIndex.fromData({ locales: { en: { pages: { paths: [] }, glossary: { anchors: 'a' } } } }), /glossary\.anchors/);
    assert.throws(() => DocsIndex.fromData({ locales: { en: { pages: { paths: [] }, redirects: { map: { a: 1 } } } } }), /redirects\.map/);
  });

  it('ships data for English and Spanish with the pages and anchors the glossary relies on', () => {
    const bundled = bundledDocsIndex();
    assert.ok(bundled.hasPage('en', 'kv_cache'));
    assert.ok(bundled.hasPage('en', 'main_classes/text_generation'));
    assert.ok(bundled.hasGlossaryAnchor('en', 'attention-mask'));
    assert.ok(bundled.hasGlossaryAnchor('es', 'attention-mask'));
    assert.equal(bundled.hasPage('es', 'kv_cache'), false);
    assert.equal(bundled.hasGlossaryAnchor('en', 'kv-cache'), false);
  });
});

describe('compiling links against the docs index', () => {
  const glossary = (body: string, file = 'es.md'): ReturnType<typeof compileGlossaries> =>
    compileGlossaries([{ file, content: `# Glosario\n\n## K\n\n### KV cache[[kv-cache]]\n${body}\n` }]);

  it('points a relative link at the English page when the locale has no translation of it', () => {
    const { termMap, diagnostics } = glossary('\nLee la [guía](kv_cache#reuse) y el [relleno](pad_truncation).\n');
    assert.deepEqual(diagnostics, []);
    const urls = termMap.terms[0]!.entries['es']!.links.map((l) => ('url' in l ? l.url : ''));
    assert.deepEqual(urls, ['https://huggingface.co/docs/transformers/en/kv_cache#reuse', 'https://huggingface.co/docs/transformers/es/pad_truncation']);
    assert.match(termMap.terms[0]!.entries['es']!.markdown, /\(https:\/\/huggingface\.co\/docs\/transformers\/en\/kv_cache#reuse\)/);
  });

  it('warns about a link to a page that exists in no locale', () => {
    const { diagnostics } = glossary('\nLee la [guía](no_such_page_anywhere).\n');
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.location.line]),
      [['broken-doc-link', 7]],
    );
  });

  it('reads docs: metadata in order, warning about pages that do not exist and values that are not pages', () => {
    const { termMap, diagnostics } = glossary('<!-- glossary\ndocs: kv_cache#reuse, no_such_page, https://example.com/x, cache_explanation\n-->\n\nUna caché.');
    assert.deepEqual(termMap.terms[0]!.docs, ['kv_cache#reuse', 'no_such_page', 'cache_explanation']);
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['broken-doc-link', 'metadata-malformed'],
    );
  });

  it('leaves docs out of the term map when none is declared', () => {
    assert.equal('docs' in glossary('\nUna caché.').termMap.terms[0]!, false);
  });
});

describe('scripts/refresh-docs-index.mjs', () => {
  it('reads toctrees, redirects and glossary anchors of every locale from a docs tree', () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'docs-index-')), 'index.json');
    const script = path.join(repoRoot(), 'scripts', 'refresh-docs-index.mjs');
    const fixture = path.join(repoRoot(), 'test', 'fixtures', 'docs-index');
    const result = spawnSync(process.execPath, [script, '--from', fixture, '--out', out, '--commit', 'abc123'], { encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    const written = JSON.parse(fs.readFileSync(out, 'utf8')) as typeof data & { locales: Record<string, unknown> };
    // de has no toctree, so it is not a locale of the index; ko's toctree is mis-indented and still read.
    assert.deepEqual(Object.keys(written.locales), ['en', 'es', 'ko']);
    assert.deepEqual(written.locales.en, {
      pages: { commit: 'abc123', paths: ['glossary', 'in_translation', 'index', 'kv_cache', 'main_classes/trainer'] },
      redirects: { commit: 'abc123', map: { old_cache: 'kv_cache' } },
      glossary: { commit: 'abc123', anchors: ['attention-mask', 'custom-tokenizer', 'zero-redundancy-optimizer-zero'] },
    });
    assert.deepEqual(written.locales.ko, { pages: { commit: 'abc123', paths: ['glossary', 'index'] }, glossary: { commit: 'abc123', anchors: [] } });
    // What the script writes is what the extension reads.
    const read = DocsIndex.fromData(written);
    assert.deepEqual(read.resolvePage('es', 'old_cache'), { locale: 'en', path: 'kv_cache', isFallback: true });
  });

  it('fails with a one-line message when the folder is not a Transformers checkout', () => {
    const script = path.join(repoRoot(), 'scripts', 'refresh-docs-index.mjs');
    const result = spawnSync(process.execPath, [script, '--from', os.tmpdir(), '--out', path.join(os.tmpdir(), 'never.json')], { encoding: 'utf8' });
    assert.equal(result.status, 1);
    assert.match(result.stderr, /^refresh-docs-index: .*docs\/source does not exist/);
  });
});
