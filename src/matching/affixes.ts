import { HASH_SEED, hashStep } from './chars';

/**
 * What may be attached to a term without making it another word: Korean particles after it, Arabic proclitics (a
 * conjunction or preposition, with or without the article) before it, and the Arabic article itself. The scanner
 * asks these functions; docs/matching.md lists the rules and the reasons.
 */

/**
 * Korean particles (josa) and the copula forms written against a noun, longest first so that `에서는` is taken whole
 * before `는`. A word is a term plus a particle only when what follows the term is exactly one of these.
 */
const KOREAN_PARTICLES: readonly string[] = [
  '에서부터',
  '으로서는',
  '이라는',
  '에서는',
  '에서의',
  '에게서',
  '으로는',
  '으로서',
  '으로써',
  '입니다',
  '이지만',
  '에서',
  '에게',
  '에는',
  '에도',
  '으로',
  '로는',
  '로서',
  '로써',
  '와의',
  '과의',
  '와는',
  '과는',
  '이나',
  '이며',
  '이고',
  '이다',
  '라는',
  '까지',
  '부터',
  '보다',
  '처럼',
  '마다',
  '만큼',
  '하고',
  '의',
  '에',
  '로',
  '와',
  '과',
  '이',
  '가',
  '은',
  '는',
  '을',
  '를',
  '도',
  '만',
  '나',
  '며',
  '고',
].sort((a, b) => b.length - a.length);

function isHangulSyllable(c: number): boolean {
  return c >= 0xac00 && c <= 0xd7a3;
}

/** The particles by their last code unit, longest first, so that a word is compared only with those it could end with. */
const PARTICLES_BY_LAST_UNIT = new Map<number, string[]>();
for (const particle of KOREAN_PARTICLES) {
  const last = particle.charCodeAt(particle.length - 1);
  const list = PARTICLES_BY_LAST_UNIT.get(last);
  if (list) list.push(particle);
  else PARTICLES_BY_LAST_UNIT.set(last, [particle]);
}
const NO_PARTICLES: readonly string[] = [];

/**
 * The Korean particles the word [start, end) may end with, longest first (the caller checks that the word ends with
 * one and leaves at least one unit of term before it). Empty, without allocating, when the word does not end with a
 * Hangul syllable that ends a particle.
 */
export function koreanParticleCandidates(text: string, end: number): readonly string[] {
  const last = text.charCodeAt(end - 1);
  if (!isHangulSyllable(last)) return NO_PARTICLES;
  return PARTICLES_BY_LAST_UNIT.get(last) ?? NO_PARTICLES;
}

/** Whether the word [start, end) is something plus `particle`, with at least one unit before the particle. */
export function endsWithParticle(text: string, start: number, end: number, particle: string): boolean {
  return end - start > particle.length && text.startsWith(particle, end - particle.length);
}

const LAM = 0x0644;
const ARTICLE = 'ال';

function isArabicLetter(c: number): boolean {
  return c >= 0x0621 && c <= 0x064a;
}

/**
 * Proclitics a term may carry in running Arabic text: the conjunctions و and ف, the prepositions ب, ل and ك, and
 * a conjunction before a preposition. The article after them is handled by arabicArticleless. Longest first.
 */
const ARABIC_PROCLITICS: readonly string[] = ['وب', 'ول', 'وك', 'فب', 'فل', 'فك', 'و', 'ف', 'ب', 'ل', 'ك'];
const PROCLITIC_FIRST_UNITS = new Set(ARABIC_PROCLITICS.map((proclitic) => proclitic.charCodeAt(0)));
const NO_READINGS: readonly { skip: number; key: string }[] = [];

/**
 * The key of an Arabic word without its article: `الانتباه` and `انتباه` are the same term. Only a word of at least two
 * letters after the article loses it, so that short words that merely begin with those letters stay as written.
 */
export function arabicArticleless(word: string): string {
  if (word.startsWith(ARTICLE) && word.length >= 4 && isArabicLetter(word.charCodeAt(2))) return word.slice(2);
  return word;
}

/** Whether the word at `start` starts with an Arabic letter (the only words arabicReadings looks at). */
export function startsArabic(text: string, start: number): boolean {
  return isArabicLetter(text.charCodeAt(start));
}

/** FNV-1a of [from, end) of `text` as chars.ts hashes keys, without making the string. */
function hashRegion(text: string, from: number, end: number): number {
  let hash = HASH_SEED;
  for (let i = from; i < end; i++) hash = hashStep(hash, text.charCodeAt(i));
  return hash;
}

/** Where the key of the Arabic word [from, end) starts: after the article when the word has one (see arabicArticleless). */
export function arabicKeyStart(text: string, from: number, end: number): number {
  return text.startsWith(ARTICLE, from) && end - from >= 4 && isArabicLetter(text.charCodeAt(from + 2))
    ? from + 2
    : from;
}

/**
 * The key of the word [start, end) (see isCaselessWord) when its hash is in `keyHashes`, else undefined: the
 * scanner's cheap path for Arabic and Korean words, which are looked up by this key without folding them again (the
 * text is folded already, and these scripts have no case).
 */
export function caselessWordKey(
  text: string,
  start: number,
  end: number,
  keyHashes: ReadonlySet<number>,
): string | undefined {
  const keyStart = isArabicLetter(text.charCodeAt(start)) ? arabicKeyStart(text, start, end) : start;
  return keyHashes.has(hashRegion(text, keyStart, end)) ? text.slice(keyStart, end) : undefined;
}

/**
 * Whether [start, end) is made only of Arabic letters or only of Hangul syllables: scripts without case, whose
 * words in folded text are their own key (Arabic without its article), so caselessWordKey may read them.
 */
export function isCaselessWord(text: string, start: number, end: number): boolean {
  const isLetter = isArabicLetter(text.charCodeAt(start)) ? isArabicLetter : isHangulSyllable;
  for (let i = start; i < end; i++) if (!isLetter(text.charCodeAt(i))) return false;
  return true;
}

/**
 * The readings of the Arabic word [start, end) with a proclitic taken off, longest proclitic first, as the number of
 * units skipped and the key the rest is looked up by (article dropped, as foldKey does): `والانتباه` and `بالانتباه`
 * read as `انتباه` after one unit, and `للانتباه` (ل before the article, whose alef is not written) after one unit too.
 * At least two letters must remain. `keyHashes` holds the hashes of the keys that exist: a reading whose key is not
 * among them is dropped before any string is made.
 */
export function arabicReadings(
  text: string,
  start: number,
  end: number,
  keyHashes: ReadonlySet<number>,
): readonly { skip: number; key: string }[] {
  const first = text.charCodeAt(start);
  if (!PROCLITIC_FIRST_UNITS.has(first)) return NO_READINGS;
  let readings: { skip: number; key: string }[] | undefined;
  for (const proclitic of ARABIC_PROCLITICS) {
    const from = start + proclitic.length;
    if (end - from < 2 || !text.startsWith(proclitic, start) || !isArabicLetter(text.charCodeAt(from))) continue;
    const keyStart = arabicKeyStart(text, from, end);
    if (keyHashes.has(hashRegion(text, keyStart, end))) {
      (readings ??= []).push({ skip: proclitic.length, key: text.slice(keyStart, end) });
    }
    // ل + ال is written لل: the rest starts with the article's lam, and reads as the article plus the noun.
    if (
      proclitic.endsWith('ل') &&
      text.charCodeAt(from) === LAM &&
      end - from >= 3 &&
      keyHashes.has(hashRegion(text, from + 1, end))
    ) {
      (readings ??= []).push({ skip: proclitic.length, key: text.slice(from + 1, end) });
    }
  }
  return readings ?? NO_READINGS;
}
