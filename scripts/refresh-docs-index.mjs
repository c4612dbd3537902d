#!/usr/bin/env node
// Regenerates glossary/upstream/docs-index.json, the list of documentation pages and glossary anchors that exist
// upstream for each locale, from a local checkout of huggingface/transformers:
//
//     node scripts/refresh-docs-index.mjs --from ../transformers [--out glossary/upstream/docs-index.json] [--commit SHA]
//
// Pages are the `local:` entries of every docs/source/<lang>/_toctree.yml (what huggingface.co builds for that
// language), plus the old addresses its _redirects.yml still serves; anchors are the term anchors of docs/source/<lang>/glossary.md. The commit is `git rev-parse HEAD` of the
// checkout unless --commit names it. The build and `transformers-glossary check` read the file through
// src/glossary/docsIndex.ts; see the README ("Links to huggingface.co").
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

function usage(message) {
  process.stderr.write(
    `${message}\nusage: node scripts/refresh-docs-index.mjs --from PATH [--out FILE] [--commit SHA]\n`,
  );
  process.exit(2);
}

function parseArgs(argv) {
  const options = {
    out: resolve(dirname(fileURLToPath(import.meta.url)), '..', 'glossary', 'upstream', 'docs-index.json'),
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (!['--from', '--out', '--commit'].includes(flag)) usage(`unknown argument ${flag}`);
    if (value === undefined) usage(`${flag} needs a value`);
    options[flag.slice(2)] = value;
    i++;
  }
  if (!options.from) usage('--from is required');
  return options;
}

/**
 * The `local:` values of a toctree. Read line by line rather than as YAML: some translated toctrees upstream are not
 * valid YAML (mis-indented sections), yet doc-builder still builds their pages, and a missing page must not hide the
 * others. Entries are relative page paths without `.md`; `in_translation` placeholders are real pages too.
 */
export function toctreePages(text) {
  const pages = new Set();
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*-?\s*local:\s*['"]?([^'"#\s][^'"#]*?)['"]?\s*(?:#.*)?$/.exec(line);
    if (match) pages.add(match[1].trim());
  }
  return [...pages].sort();
}

/**
 * The `old_page: new_page` lines of a _redirects.yml: huggingface.co serves the new page at the old address, so a
 * link to the old one still works.
 */
export function redirects(text) {
  const map = {};
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*([^#:\s][^:]*?)\s*:\s*([^#\s]+)\s*(?:#.*)?$/.exec(line);
    if (match) map[match[1]] = match[2];
  }
  return map;
}

/** The doc-builder anchor of a heading written in Latin script (the rule of src/glossary/anchors.ts englishAnchor). */
function anchorOf(heading) {
  const custom = /\[\[([^[\]]+)\]\]\s*$/.exec(heading);
  if (custom) return custom[1].trim();
  // Translated headings (Korean, Arabic) get anchors from their own script; they are not term ids, so none is listed.
  if (/[^\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]/u.test(heading)) return undefined;
  const anchor = heading
    .trim()
    .toLowerCase()
    .replace(/ /g, '-')
    .replace(/[^a-z0-9-]/g, '');
  return anchor === '' ? undefined : anchor;
}

/** The term anchors of a glossary page: one per `### heading`, fenced code skipped. */
export function glossaryAnchors(text) {
  const anchors = new Set();
  let fence = undefined;
  for (const line of text.split(/\r?\n/)) {
    const marker = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (marker) {
      if (fence === undefined) fence = marker[1][0];
      else if (marker[1][0] === fence) fence = undefined;
      continue;
    }
    if (fence !== undefined) continue;
    const heading = /^###\s+(.+?)\s*$/.exec(line);
    const anchor = heading ? anchorOf(heading[1]) : undefined;
    if (anchor) anchors.add(anchor);
  }
  return [...anchors].sort();
}

export function buildIndex(root, commit) {
  const source = join(root, 'docs', 'source');
  if (!existsSync(source)) {
    throw new Error(`${source} does not exist: --from must be a checkout of huggingface/transformers`);
  }
  const locales = {};
  for (const lang of readdirSync(source, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()) {
    const toctree = join(source, lang, '_toctree.yml');
    if (!existsSync(toctree)) continue;
    const entry = { pages: { commit, paths: toctreePages(readFileSync(toctree, 'utf8')) } };
    const redirectFile = join(source, lang, '_redirects.yml');
    if (existsSync(redirectFile)) entry.redirects = { commit, map: redirects(readFileSync(redirectFile, 'utf8')) };
    const glossary = join(source, lang, 'glossary.md');
    if (existsSync(glossary)) entry.glossary = { commit, anchors: glossaryAnchors(readFileSync(glossary, 'utf8')) };
    locales[lang] = entry;
  }
  if (!locales.en) throw new Error(`no docs/source/en/_toctree.yml under ${root}`);
  return {
    description:
      'Documentation pages (toctree entries) and glossary term anchors that exist on huggingface.co per locale. Regenerate with scripts/refresh-docs-index.mjs.',
    repository: 'huggingface/transformers',
    provenance: `Read from a checkout of huggingface/transformers at commit ${commit}.`,
    locales,
  };
}

function headCommit(root) {
  try {
    return execFileSync('git', ['-C', root, 'rev-parse', 'HEAD'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return 'unknown';
  }
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const options = parseArgs(process.argv.slice(2));
  const root = resolve(options.from);
  try {
    const index = buildIndex(root, options.commit ?? headCommit(root));
    writeFileSync(options.out, `${JSON.stringify(index, null, 1)}\n`);
    const summary = Object.entries(index.locales).map(
      ([lang, l]) => `${lang} ${l.pages.paths.length}${l.glossary ? `+${l.glossary.anchors.length}` : ''}`,
    );
    process.stdout.write(`wrote ${options.out}: pages(+anchors) per locale: ${summary.join(', ')}\n`);
  } catch (error) {
    process.stderr.write(`refresh-docs-index: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
