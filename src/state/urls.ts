/**
 * The `transformersGlossary.docsVersion` setting applied to huggingface.co documentation links. Pure TypeScript.
 */

const docsPrefix = 'https://huggingface.co/docs/transformers/';
/** A version segment already present in a URL: `main` or a release tag such as `v4.46.0`. */
const versionSegment = /^(?:main|v\d+(?:\.\d+)*(?:[-.]?\w+)?)\//;

/**
 * Puts `version` right after `/docs/transformers/` (replacing a version already there); an empty version removes
 * the segment, which huggingface.co serves as the latest stable release. Other URLs are returned unchanged.
 */
export function applyDocsVersion(url: string, version: string): string {
  if (!url.startsWith(docsPrefix)) return url;
  const rest = url.slice(docsPrefix.length).replace(versionSegment, '');
  const trimmed = version.trim();
  return trimmed === '' ? `${docsPrefix}${rest}` : `${docsPrefix}${encodeURIComponent(trimmed)}/${rest}`;
}
