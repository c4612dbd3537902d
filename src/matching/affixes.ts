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

/**
 * The lengths of the Korean particles the word [start, end) may end with, longest first, leaving at least one unit
 * of term before them. Empty when the word does not end with a Hangul syllable (the common case costs one compare).
 */
export function koreanParticleLengths(text: string, start: number, end: number): number[] {
  if (end - start < 2 || !isHangulSyllable(text.charCodeAt(end - 1))) return [];
  const lengths: number[] = [];
  for (const particle of KOREAN_PARTICLES) {
    if (end - start > particle.length && text.startsWith(particle, end - particle.length)) lengths.push(particle.length);
  }
  return lengths;
}

const ALEF = 'ا';
const ARTICLE = 'ال';

function isArabicLetter(c: number): boolean {
  return c >= 0x0621 && c <= 0x064a;
}

/**
 * Proclitics a term may carry in running Arabic text: the conjunctions و and ف, the prepositions ب, ل and ك, and
 * a conjunction before a preposition. The article after them is handled by arabicArticleless. Longest first.
 */
const ARABIC_PROCLITICS: readonly string[] = ['وب', 'ول', 'وك', 'فب', 'فل', 'فك', 'و', 'ف', 'ب', 'ل', 'ك'];

/**
 * The key of an Arabic word without its article: `الانتباه` and `انتباه` are the same term. Only a word of at least two
 * letters after the article loses it, so that short words that merely begin with those letters stay as written.
 */
export function arabicArticleless(word: string): string {
  if (word.startsWith(ARTICLE) && word.length >= 4 && isArabicLetter(word.charCodeAt(2))) return word.slice(2);
  return word;
}

/** Whether a word starts with an Arabic letter (the only words arabicReadings looks at). */
export function startsArabic(word: string): boolean {
  return word.length > 0 && isArabicLetter(word.charCodeAt(0));
}

/** One way to read an Arabic word: a proclitic of `skip` units, then the term spelled `word`. */
export interface ArabicReading {
  readonly skip: number;
  readonly word: string;
}

/**
 * The readings of an Arabic word with a proclitic taken off, longest proclitic first: `والانتباه` → `الانتباه`,
 * `بالانتباه` → `الانتباه`, and `للانتباه` (ل before the article, whose alef is not written) → `الانتباه` with the
 * range starting at the article's lam. At least two letters must remain.
 */
export function arabicReadings(word: string): ArabicReading[] {
  const readings: ArabicReading[] = [];
  for (const proclitic of ARABIC_PROCLITICS) {
    if (!word.startsWith(proclitic) || word.length - proclitic.length < 2) continue;
    const rest = word.slice(proclitic.length);
    if (!isArabicLetter(rest.charCodeAt(0))) continue;
    readings.push({ skip: proclitic.length, word: rest });
    // ل + ال is written لل: the rest starts with the article's lam, and reads as the article plus the noun.
    if (proclitic.endsWith('ل') && rest.startsWith('ل') && rest.length >= 3) {
      readings.push({ skip: proclitic.length, word: ALEF + rest });
    }
  }
  return readings;
}
