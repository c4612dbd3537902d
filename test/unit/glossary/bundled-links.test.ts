/**
 * Every link of the bundled term map resolves against the upstream page and anchor lists
 * (glossary/upstream/docs-index.json): documentation links name a page that exists in the locale they point to, and
 * every term of every locale has a page to open on huggingface.co.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { compileGlossaries, HF_DOCS_ROOT } from '../../../src/glossary';
import { bundledDocsIndex } from '../../../src/glossary/docsIndex';
import { repoRoot } from './paths';

const files = ['glossary/en.md', 'glossary/es.md'];
const { termMap } = compileGlossaries(files.map((file) => ({ file, content: fs.readFileSync(path.join(repoRoot(), file)) })));
const index = bundledDocsIndex();

/** `https://huggingface.co/docs/transformers/es/kv_cache#x` → locale, page and anchor, or undefined for other sites. */
function docsTarget(url: string): { locale: string; page: string; anchor: string | undefined } | undefined {
  if (!url.startsWith(HF_DOCS_ROOT)) return undefined;
  const match = /^([a-z]{2})\/([^#?]*)(?:#(.*))?$/.exec(url.slice(HF_DOCS_ROOT.length));
  if (!match) throw new Error(`a docs URL without a locale: ${url}`);
  return { locale: match[1]!, page: decodeURI(match[2]!), anchor: match[3] };
}

describe('links of the bundled term map', () => {
  it('point only at documentation pages that exist in the locale they name', () => {
    const dead: string[] = [];
    for (const term of termMap.terms) {
      for (const [locale, entry] of Object.entries(term.entries)) {
        for (const link of entry.links) {
          if (link.kind === 'term') continue;
          const target = docsTarget(link.url);
          if (target === undefined) continue;
          const ok = target.page === 'glossary' ? target.anchor !== undefined && index.hasGlossaryAnchor(target.locale, target.anchor) : index.hasPage(target.locale, target.page);
          if (!ok) dead.push(`${term.id} (${locale}): ${link.url}`);
        }
      }
    }
    assert.deepEqual(dead, []);
  });

  it('give every term, in each of its locales, a page to open on huggingface.co', () => {
    const missing: string[] = [];
    for (const term of termMap.terms) {
      for (const locale of Object.keys(term.entries)) {
        if (index.termPage(term.id, locale, term.docs ?? []) === undefined) missing.push(`${term.id} (${locale})`);
      }
    }
    assert.deepEqual(missing, [], 'add "docs: page" metadata to these terms (they have no anchor in the upstream glossary)');
  });

  it('check what they claim: a page missing upstream is reported as dead', () => {
    // Guards the two tests above against passing vacuously, e.g. on an index that accepts every page.
    assert.equal(index.hasPage('es', 'kv_cache'), false);
    assert.equal(index.hasGlossaryAnchor('en', 'not-a-term'), false);
    assert.ok(termMap.terms.some((t) => Object.values(t.entries).some((e) => e.links.some((l) => l.kind === 'docs'))));
  });
});
