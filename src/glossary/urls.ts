/**
 * Every huggingface.co documentation URL the glossary builds or rewrites, defined here once: the docs root, a docs
 * page, a term's glossary page, and the `transformersGlossary.docsVersion` setting applied to any of them. Pure
 * TypeScript.
 */
import { docsLanguage } from './locales';
import type { Locale } from './types';

/**
 * The root of the Transformers documentation. A docs version (`main`, `v4.46.0`) is inserted right after it by
 * applyDocsVersion: every URL the compiler builds starts with it.
 */
export const HF_DOCS_ROOT = 'https://huggingface.co/docs/transformers/';

/** `https://huggingface.co/docs/transformers/<locale>/<path>[#anchor]`, with the docs' folder for the locale (`zh-hans` → `zh`). */
export function hfDocsUrl(locale: Locale, path: string, anchor?: string): string {
  const cleanPath = path.replace(/^\/+/, '');
  return `${HF_DOCS_ROOT}${docsLanguage(locale)}/${cleanPath}${anchor ? `#${anchor}` : ''}`;
}

/** The web page of a term in the glossary of `locale`. */
export function hfGlossaryUrl(locale: Locale, termId: string): string {
  return hfDocsUrl(locale, 'glossary', termId);
}

/** A version segment already present in a URL: `main` or a release tag such as `v4.46.0`. */
const versionSegment = /^(?:main|v\d+(?:\.\d+)*(?:[-.]?\w+)?)\//;

/**
 * Puts `version` right after `/docs/transformers/` (replacing a version already there); an empty version removes
 * the segment, which huggingface.co serves as the latest stable release. Other URLs are returned unchanged.
 */
export function applyDocsVersion(url: string, version: string): string {
  if (!url.startsWith(HF_DOCS_ROOT)) return url;
  const rest = url.slice(HF_DOCS_ROOT.length).replace(versionSegment, '');
  const trimmed = version.trim();
  return trimmed === '' ? `${HF_DOCS_ROOT}${rest}` : `${HF_DOCS_ROOT}${encodeURIComponent(trimmed)}/${rest}`;
}
