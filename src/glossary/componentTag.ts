/**
 * Recognition of doc-builder component tags (`<Tip>`, `</Tip>`, `<Youtube id="…"/>`) written alone on a line. Kept
 * apart from the parser so that the nesting pre-scan (./limits.ts) can count `<Tip>` levels without loading remark.
 */

/** A component tag alone on its line: `<Tip>`, `</Tip>`, `<Youtube id="…"/>`, `<Tip warning={true}>`. */
const COMPONENT_LINE = /^<(\/)?([A-Z][A-Za-z0-9]*)((?:\s[^<>]*?)?)\s*(\/)?>$/;

/** Longer lines are never component tags; the limit also keeps the pattern's work bounded on hostile input. */
const MAX_COMPONENT_LINE = 1000;

export function parseComponentTag(tag: string): { name: string; role: 'open' | 'close' | 'self'; attributes: string } | undefined {
  if (tag.length > MAX_COMPONENT_LINE) return undefined;
  const match = COMPONENT_LINE.exec(tag.trim());
  if (!match) return undefined;
  const role = match[1] ? 'close' : match[4] ? 'self' : 'open';
  return { name: match[2]!, role, attributes: (match[3] ?? '').trim() };
}
