/**
 * Turns the bytes of a glossary file into clean text: strips a byte order mark, normalizes line ends, rejects
 * input that is not UTF-8, and repairs "mojibake" (UTF-8 that was once decoded with a legacy single-byte code
 * page and saved again) when the repair is exact.
 */
import type { Diagnostic } from './types';
import { diagnosticAt } from './diagnostics';
import { LineIndex } from './lineIndex';

/** The characters of bytes 0x80–0xFF in Mac OS Roman, in byte order (Apple's mapping, with the euro sign at 0xDB). */
const MAC_ROMAN_HIGH =
  'ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü†°¢£§•¶ß®©™´¨≠ÆØ∞±≤≥¥µ∂∑∏π∫ªºΩæø¿¡¬√ƒ≈∆«»…\u00a0ÀÃÕŒœ–—“”‘’÷◊ÿŸ⁄€‹›ﬁﬂ‡·‚„‰ÂÊÁËÈÍÎÏÌÓÔ\uf8ffÒÚÛÙıˆ˜¯˘˙˚¸˝˛ˇ';

/**
 * The characters of bytes 0x80–0xFF in Windows-1252 as browsers decode it: the five undefined bytes map to the
 * C1 control with the same number, which is also what ISO-8859-1 mojibake looks like.
 */
const WINDOWS_1252_HIGH =
  '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ\u00a0¡¢£¤¥¦§¨©ª«¬\u00ad®¯°±²³´µ¶·¸¹º»¼½¾¿ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõö÷øùúûüýþÿ';

interface LegacyEncoding {
  readonly name: string;
  /** What `é` looks like after the damage, for the message. */
  readonly sample: string;
  /** Character to byte for 0x80–0xFF; ASCII maps to itself and is not stored. */
  readonly toByte: ReadonlyMap<string, number>;
}

function legacyEncoding(name: string, sample: string, high: string, extraAliases: Readonly<Record<string, number>> = {}): LegacyEncoding {
  const toByte = new Map<string, number>();
  let byte = 0x80;
  for (const ch of high) toByte.set(ch, byte++);
  // Older tables and some converters use different code points for the same byte; accept both spellings.
  for (const [ch, b] of Object.entries(extraAliases)) toByte.set(ch, b);
  return { name, sample, toByte };
}

const LEGACY_ENCODINGS: readonly LegacyEncoding[] = [
  legacyEncoding('Mac OS Roman', '√©', MAC_ROMAN_HIGH, { '\u00a4': 0xdb, '\u2126': 0xbd }),
  legacyEncoding('Windows-1252', 'Ã©', WINDOWS_1252_HIGH),
];

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const lenientUtf8 = new TextDecoder('utf-8', { fatal: false });

/** Maps `text` back to the bytes it came from under `encoding`, or undefined when a character has no byte there. */
function encodeLegacy(text: string, encoding: LegacyEncoding): Uint8Array | undefined {
  const bytes = new Uint8Array(text.length);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      bytes[n++] = code;
      continue;
    }
    const b = encoding.toByte.get(text[i]!);
    if (b === undefined) return undefined;
    bytes[n++] = b;
  }
  return bytes.subarray(0, n);
}

function tryUtf8(bytes: Uint8Array): string | undefined {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return undefined;
  }
}

/** Counts the characters outside ASCII: a repair must shrink this number, or it repaired nothing. */
function countNonAscii(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x80) n++;
  return n;
}

/**
 * One round of whole-text repair. A repair counts only when every character of the text maps back to a byte and
 * the bytes form valid UTF-8 that is shorter than the input: that makes a false repair of genuine text
 * practically impossible (genuine accented text almost never re-encodes to valid multi-byte UTF-8).
 */
function repairOnce(text: string): { text: string; encoding: LegacyEncoding } | { ambiguous: string[] } | undefined {
  const candidates: { text: string; encoding: LegacyEncoding }[] = [];
  for (const encoding of LEGACY_ENCODINGS) {
    const bytes = encodeLegacy(text, encoding);
    if (!bytes) continue;
    const repaired = tryUtf8(bytes);
    if (repaired === undefined || repaired === text) continue;
    if (countNonAscii(repaired) >= countNonAscii(text)) continue;
    candidates.push({ text: repaired, encoding });
  }
  if (candidates.length === 0) return undefined;
  const first = candidates[0]!;
  if (candidates.every((c) => c.text === first.text)) return first;
  return { ambiguous: candidates.map((c) => c.encoding.name) };
}

/**
 * Finds runs of non-ASCII characters that would be valid multi-byte UTF-8 once mapped back to bytes: the fingerprint
 * of mojibake. Used to explain why a text that could not be repaired as a whole still looks damaged.
 */
function findMojibakeRuns(text: string): { suspicious: number; nonAsciiRuns: number; firstOffset: number; encoding: string } {
  let suspicious = 0;
  let nonAsciiRuns = 0;
  let firstOffset = -1;
  let encodingName = '';
  const runPattern = /[^\p{ASCII}]+/gu;
  for (const match of text.matchAll(runPattern)) {
    nonAsciiRuns++;
    for (const encoding of LEGACY_ENCODINGS) {
      const bytes = encodeLegacy(match[0], encoding);
      if (!bytes || bytes.length < 2) continue;
      const decoded = tryUtf8(bytes);
      if (decoded !== undefined && decoded.length < match[0].length) {
        suspicious++;
        if (firstOffset < 0) {
          firstOffset = match.index;
          encodingName = encoding.name;
        }
        break;
      }
    }
  }
  return { suspicious, nonAsciiRuns, firstOffset, encoding: encodingName };
}

/** Where the first invalid UTF-8 sequence starts, as a byte offset. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need: number;
    if (b < 0x80) need = 0;
    else if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) need = 2;
    else if (b >= 0xf0 && b <= 0xf4) need = 3;
    else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return -1;
}

function lineColumnOfByte(bytes: Uint8Array, offset: number): { line: number; column: number } {
  // Columns count the characters before the offset on its line, decoding leniently what precedes it.
  let lineStart = 0;
  let line = 1;
  for (let i = 0; i < offset; i++) {
    // A lone CR ends a line as LF and CRLF do (the text is normalized that way below, and editors agree).
    if (bytes[i] === 10 || (bytes[i] === 13 && bytes[i + 1] !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  const before = lenientUtf8.decode(bytes.subarray(lineStart, offset));
  return { line, column: before.length + 1 };
}

/** A UTF-16 surrogate without its other half: not a character, and `encodeURI` throws on it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text handed to the compiler as a string (not bytes) can hold lone surrogates, which no file can: bytes always
 * decode to well-formed text. Each becomes U+FFFD, the replacement character a decoder would have produced, with one
 * warning at the first; every later step (URL encoding above all) may then assume well-formed text.
 */
function replaceLoneSurrogates(text: string, file: string, diagnostics: Diagnostic[]): string {
  LONE_SURROGATE.lastIndex = 0;
  const first = LONE_SURROGATE.exec(text);
  if (!first) return text;
  // Counted before line ends are normalized: CRLF, CR and LF each end one line, as they will below.
  const where = new LineIndex(text.slice(0, first.index + 1)).at(first.index);
  diagnostics.push(
    diagnosticAt('warning', 'lone-surrogate', 'the text contains half of a UTF-16 surrogate pair, which is no character; replaced by U+FFFD', file, where.line, where.column),
  );
  return text.replace(LONE_SURROGATE, '\uFFFD');
}

export interface DecodedText {
  readonly text: string;
  readonly diagnostics: Diagnostic[];
}

/**
 * Decodes a glossary file. The returned text has no byte order mark and only `\n` line ends (a CRLF or a lone CR
 * is one line end, so line numbers stay those of the original file). Mojibake is repaired when exact, with a
 * `mojibake-repaired` warning; input that is not UTF-8, or damaged beyond an exact repair, gives an error and
 * the best-effort text, so that a caller can still report further problems.
 */
export function decodeGlossaryText(bytes: Uint8Array | string, file: string): DecodedText {
  const diagnostics: Diagnostic[] = [];
  let text: string;
  if (typeof bytes === 'string') {
    text = replaceLoneSurrogates(bytes, file, diagnostics);
  } else if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    // UTF-16 files from Windows editors are legitimate text: decode them by their byte order mark.
    text = new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes.subarray(2));
  } else {
    const body = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
    const decoded = tryUtf8(body);
    if (decoded === undefined) {
      const at = firstInvalidUtf8(body);
      const where = lineColumnOfByte(body, Math.max(at, 0));
      const byte = at >= 0 ? body[at] : undefined;
      diagnostics.push(
        diagnosticAt(
          'error',
          'undecodable',
          `not valid UTF-8: byte 0x${(byte ?? 0).toString(16).toUpperCase().padStart(2, '0')} cannot start or continue a character here; save the file as UTF-8`,
          file,
          where.line,
          where.column,
        ),
      );
      text = lenientUtf8.decode(body);
    } else {
      text = decoded;
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  text = text.replace(/\r\n?/g, '\n');

  if (text.includes('\u0000')) {
    const where = new LineIndex(text).at(text.indexOf('\u0000'));
    diagnostics.push(diagnosticAt('error', 'undecodable', 'contains NUL characters: this is a binary file, not a Markdown glossary', file, where.line, where.column));
    return { text: text.split('\u0000').join('\ufffd'), diagnostics };
  }
  if (diagnostics.length > 0) return { text, diagnostics };

  let passes = 0;
  const encodingsUsed: LegacyEncoding[] = [];
  // Text mangled twice needs two rounds; more than three means something else is going on.
  while (passes < 3) {
    const repair = repairOnce(text);
    if (!repair) break;
    if ('ambiguous' in repair) {
      diagnostics.push(
        diagnosticAt('error', 'mojibake-ambiguous', `the text looks double-encoded, but the repair is ambiguous between ${repair.ambiguous.join(' and ')}; fix the file's encoding by hand`, file, 1, 1),
      );
      return { text, diagnostics };
    }
    text = repair.text;
    encodingsUsed.push(repair.encoding);
    passes++;
  }
  if (passes > 0) {
    diagnostics.push(
      diagnosticAt(
        'warning',
        'mojibake-repaired',
        `the file is UTF-8 that was decoded as ${encodingsUsed.map((e) => e.name).join(', then ')} and saved again (mojibake such as "${encodingsUsed[0]!.sample}" for "é"); repaired exactly — re-save it as clean UTF-8 (columns in this report refer to the repaired text)`,
        file,
        1,
        1,
      ),
    );
    return { text, diagnostics };
  }

  const runs = findMojibakeRuns(text);
  // A few look-alike pairs such as «é occur in genuine text; many of them, making up most of the non-ASCII text, do not.
  if (runs.suspicious >= 3 && runs.suspicious * 2 >= runs.nonAsciiRuns) {
    const where = new LineIndex(text).at(runs.firstOffset);
    diagnostics.push(
      diagnosticAt(
        'error',
        'mojibake-unrepairable',
        `the text contains mojibake (UTF-8 decoded as ${runs.encoding}) mixed with text that is not, so no exact repair exists; re-create the file from a clean UTF-8 copy`,
        file,
        where.line,
        where.column,
      ),
    );
  }
  return { text, diagnostics };
}
