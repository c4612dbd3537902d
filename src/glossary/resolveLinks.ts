/**
 * The glossary's link policy: where a link destination written in an entry leads. In-page anchors become term links
 * (resolved against every term id of the compile), relative paths become huggingface.co docs URLs (in English when the
 * page has no translation, see ./docsIndex.ts), http(s) URLs stay external, and anything else (`javascript:`, `command:`, `file:`, `data:` …) is dropped with a warning: the entry is
 * shown in editors and webviews where such a link could do harm.
 */
import { englishAnchor } from './anchors';
import { bundledDocsIndex } from './docsIndex';
import { decodeSafely } from './markdownText';
import type { Locale } from './types';
import { hfDocsUrl } from './urls';
import { httpUrlProblem } from './urlPolicy';

export type LinkResolution = { kind: 'term' | 'docs' | 'external'; url: string; termId?: string } | undefined;

/** What a destination is resolved against: the entry's locale and every term id of the compile. */
export interface LinkScope {
  readonly locale: Locale;
  readonly knownIds: ReadonlySet<string>;
}

/** Where problems go: a diagnostic code and message, placed by the caller at the link. */
export type LinkWarning = (code: string, message: string) => void;

/** Resolves a link destination; undefined (with a warning) when the link must be kept as plain text. */
export function resolveUrl(rawUrl: string, scope: LinkScope, warn: LinkWarning): LinkResolution {
  // Browsers ignore control characters and whitespace inside schemes (`java\tscript:`), so the check does too.
  const url = rawUrl.replace(/[\p{Cc}\s]/gu, '');
  if (!url) {
    warn('broken-reference', 'a link without a destination');
    return undefined;
  }
  const glossaryAnchor = /^(?:(?:\.\.?\/)*glossary(?:\.mdx?)?)?#(.*)$/.exec(url);
  if (glossaryAnchor) return resolveAnchor(glossaryAnchor[1]!, scope, warn);
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(url);
  if (scheme) {
    const name = scheme[1]!.toLowerCase();
    if (name === 'http' || name === 'https') return checkedUrl('external', url, warn);
    warn('unsafe-link', `a "${name}:" link is not allowed in a glossary (only http and https); kept as plain text`);
    return undefined;
  }
  if (url.startsWith('//') || url.startsWith('\\')) {
    warn('unsafe-link', 'a protocol-relative link is not allowed in a glossary; kept as plain text');
    return undefined;
  }
  const hash = url.indexOf('#');
  let path = hash >= 0 ? url.slice(0, hash) : url;
  const anchor = hash >= 0 ? url.slice(hash + 1) : undefined;
  path = path.replace(/^(?:\.\.?\/)+/, '').replace(/^\/+/, '').replace(/\.mdx?$/, '');
  if (!path) return resolveAnchor(anchor ?? '', scope, warn);
  // A page that was never translated falls back to English; one that exists in no locale is reported and still
  // linked (in the glossary's locale), since the index may be older than a page added upstream since.
  const page = decodeSafely(path);
  const target = bundledDocsIndex().resolvePage(scope.locale, page);
  if (!target) warn('broken-doc-link', `"${page}" is not a page of the Transformers docs (glossary/upstream/docs-index.json); the link may lead nowhere`);
  return checkedUrl('docs', hfDocsUrl(target?.locale ?? scope.locale, encodeURI(target?.path ?? page), anchor ? encodeURI(decodeSafely(anchor)) : undefined), warn);
}

/**
 * Applies the URL policy the renderer and the panel apply (./urlPolicy.ts), so that no link is kept here that they
 * would later refuse: `https://huggingface.co@evil.example/`, `%2e%2e` segments, backslashes.
 */
function checkedUrl(kind: 'external' | 'docs', url: string, warn: LinkWarning): LinkResolution {
  const problem = httpUrlProblem(url);
  if (problem === undefined) return { kind, url };
  warn('unsafe-link', `the link "${url.length > 80 ? `${url.slice(0, 79)}…` : url}" is not allowed (${problem}); kept as plain text`);
  return undefined;
}

function resolveAnchor(rawAnchor: string, scope: LinkScope, warn: LinkWarning): LinkResolution {
  const anchor = decodeSafely(rawAnchor);
  if (scope.knownIds.has(anchor)) return { kind: 'term', url: `#${anchor}`, termId: anchor };
  const repaired = englishAnchor(anchor);
  if (repaired && scope.knownIds.has(repaired)) {
    warn('malformed-reference', `"#${anchor}" is not a valid anchor; read as "#${repaired}"`);
    return { kind: 'term', url: `#${repaired}`, termId: repaired };
  }
  warn('broken-reference', `"#${anchor}" names no term of this glossary; kept as plain text`);
  return undefined;
}
