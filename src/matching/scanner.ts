/**
 * The scanner: one left-to-right pass over a range of text that emits non-overlapping term matches.
 *
 * At each word it considers, longest first: a phrase starting at the word, the word as an exact form, the word as
 * a single dictionary word in a marked position, and a known identifier made of whole `_`-segments inside it.
 * Word hashes are computed while the word is walked, and a word whose hashes are not in the index's filters costs
 * no allocation at all, which is what keeps whole-document matching fast.
 */
import type { MatchContext, TermMatch } from './types';
import type { FormTarget, PhraseEntry, SecondWordGroups, TermIndex } from './termIndex';
import { MatchOutput } from './matchOutput';
import { filterSlot, phrasesWithSecondWord } from './termIndex';
import { cjkFormAt, isCjkClass } from './cjk';
import {
  arabicReadings,
  caselessWordKey,
  endsWithParticle,
  isCaselessWord,
  koreanParticleCandidates,
  startsArabic,
} from './affixes';
import type { LinkSpan } from './links';
import { ASCII_CLASSES, CLASS_MARK, CLASS_NONE, CLASS_SPACED, HASH_SEED, classAt, hashStep } from './chars';
import { foldKey, isInsideWord, unitLength, wordEnd } from './words';
import { isMarkedPosition } from './positions';
import { continuesPathOrCompound, firstStartingFrom, particleStemEnd, regionEquals, skipPhraseGap } from './regions';
import { MAX_MATCH_LENGTH } from './window';

/** Words longer than this are never terms; skipping them bounds the work on minified or generated lines. */
const MAX_WORD_LENGTH = 128;

export class Scanner {
  // Reused between words so that the common path allocates nothing.
  private readonly lookaheadStarts: number[] = [];
  private readonly lookaheadEnds: number[] = [];
  private readonly segmentStarts: number[] = [];
  private readonly segmentEnds: number[] = [];
  // The best match at the current word, written by bestAt and its helpers instead of returning a fresh object for
  // every match: a dense document has a match every few dozen characters, and those objects were most of its garbage.
  private matchStart = 0;
  private matchEnd = 0;
  private matchTarget: FormTarget | undefined;
  /** A string equal to the matched text when one already exists (the form's own key), so that no slice is needed. */
  private matchText: string | undefined;
  // The word scan is looking at and the range it scans, written by scan for bestAt (fields rather than eleven
  // positional parameters, three of them booleans, which were easy to pass in the wrong order).
  private scanTo = 0;
  private scanContext: MatchContext = 'prose';
  private nextLinkStart = Infinity;
  private wordIsAscii = true;
  private wordHasUpper = false;
  private wordHasUnderscore = false;
  /** FNV-1a hash of the word as written, and of the word with ASCII letters lowercased. */
  private wordRawHash = 0;
  private wordLowerHash = 0;
  // The second word of a phrase, written by hashedWordEnd: its lowercase hash and whether it is ASCII.
  private wordHash = 0;
  private wordAscii = true;

  /** Where matches go: a whole-text scan's list, or a hover's last match (matchOutput.ts). */
  readonly output = new MatchOutput();

  constructor(private readonly index: TermIndex) {}

  /**
   * Appends to `out` every match in [from, to), or without `out` keeps the last one for lastMatchAt. `links` are the
   * glossary links found in the text, in order; those inside the range win over anything else they cover. Scanning
   * stops once it passes `stopAfter`, which lets findTermAt give up as soon as no later match can contain its offset.
   */
  scan(
    text: string,
    from: number,
    to: number,
    context: MatchContext,
    links: readonly LinkSpan[],
    out: TermMatch[] | undefined,
    stopAfter = Infinity,
  ): void {
    const filter = this.index.hashFilter;
    const output = this.output;
    output.startScan(stopAfter === Infinity);
    let linkCursor = firstStartingFrom(links, from);
    let nextLinkStart = linkCursor < links.length ? links[linkCursor]!.start : Infinity;

    let i = from;
    // A range that starts in the middle of a word (a window on a long line) must not match the word's tail.
    if (isInsideWord(text, i)) i = wordEnd(text, i, to);

    while (i < to && i <= stopAfter) {
      if (i >= nextLinkStart) {
        const link = links[linkCursor]!;
        linkCursor++;
        nextLinkStart = linkCursor < links.length ? links[linkCursor]!.start : Infinity;
        if (link.end <= to && link.start >= i) {
          const linkText = output.spellingOf(text, link.start, link.end);
          if (out === undefined) output.keep(link.termId, link.start, link.end, linkText, 'link');
          else out.push({ termId: link.termId, start: link.start, end: link.end, text: linkText, via: 'link' });
          i = link.end;
        }
        continue;
      }
      const c = text.charCodeAt(i);
      const cls = c < 0x80 ? ASCII_CLASSES[c]! : classAt(text, i);
      if (cls === CLASS_NONE) {
        i += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
        continue;
      }
      if (isCjkClass(cls)) {
        // Japanese and Chinese: a form may start at any character, inside running text (cjk.ts).
        const index = this.index;
        const form =
          index.cjkFirstUnits[c] !== 0 ? cjkFormAt(index.cjkForms, text, i, to, index.singleWordsAnywhere) : undefined;
        if (form !== undefined) {
          const end = i + form.key.length;
          const { termId, via } = form.target;
          if (out === undefined) output.keep(termId, i, end, undefined, via);
          else out.push({ termId, start: i, end, text: output.spellingOf(text, i, end), via });
          i = end;
        } else {
          i += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
        }
        continue;
      }

      // Walk the word, hashing it lowercased as we go; the case-sensitive hash is only computed again for words
      // that contain a capital letter, since for all others the two are the same.
      // The word is of a spaced script (CJK classes went above), or starts with a mark that continues as one.
      const start = i;
      let lowerHash = HASH_SEED;
      let ascii = true;
      let hasUpper = false;
      let hasUnderscore = false;
      while (i < to) {
        const unit = text.charCodeAt(i);
        // Lowercase ASCII letters first: most of the units of any word.
        if (unit <= 0x7a && unit >= 0x61) {
          lowerHash = hashStep(lowerHash, unit);
          i++;
          continue;
        }
        if (unit < 0x80) {
          if (ASCII_CLASSES[unit] === CLASS_NONE) break;
          if (unit <= 0x5a && unit >= 0x41) {
            hasUpper = true;
            lowerHash = hashStep(lowerHash, unit | 0x20);
          } else {
            if (unit === 0x5f) hasUnderscore = true;
            lowerHash = hashStep(lowerHash, unit);
          }
          i++;
        } else {
          const next = classAt(text, i);
          if (next !== CLASS_SPACED && next !== CLASS_MARK) break;
          ascii = false;
          i += unitLength(text, i);
        }
      }
      const end = Math.min(i, to);
      // A word cut by the end of the range (a window on a long line) is not a whole word.
      if (end === to && to < text.length && isInsideWord(text, to)) break;
      if (end - start > MAX_WORD_LENGTH) continue;

      let rawHash = lowerHash;
      if (hasUpper && ascii) {
        rawHash = HASH_SEED;
        for (let k = start; k < end; k++) rawHash = hashStep(rawHash, text.charCodeAt(k));
      }
      // Most words are not the start of any form: the prefilter settles them here, without a call.
      if (
        ascii &&
        !hasUnderscore &&
        filter[filterSlot(lowerHash)] === 0 &&
        (!hasUpper || filter[filterSlot(rawHash)] === 0)
      ) {
        continue;
      }
      this.scanTo = to;
      this.scanContext = context;
      this.nextLinkStart = nextLinkStart;
      this.wordIsAscii = ascii;
      this.wordHasUpper = hasUpper;
      this.wordHasUnderscore = hasUnderscore;
      this.wordRawHash = rawHash;
      this.wordLowerHash = lowerHash;
      if (this.bestAt(text, start, end)) {
        const target = this.matchTarget!;
        const matchStart = this.matchStart;
        const matchEnd = this.matchEnd;
        // A literal here, as before the hover kept only its last match: findAll's allocation site stays in this loop.
        if (out === undefined) {
          output.keep(target.termId, matchStart, matchEnd, this.matchText, target.via);
        } else {
          out.push({
            termId: target.termId,
            start: matchStart,
            end: matchEnd,
            text: this.matchText ?? output.spellingOf(text, matchStart, matchEnd),
            via: target.via,
          });
        }
        i = Math.max(matchEnd, end);
      }
    }
  }

  /** Sets the match to the best form starting at the word [start, end) that scan described in the word* fields. */
  private bestAt(text: string, start: number, end: number): boolean {
    const index = this.index;
    const to = this.scanTo;
    const ascii = this.wordIsAscii;
    const hasUpper = this.wordHasUpper;
    const rawHash = this.wordRawHash;
    const lowerHash = this.wordLowerHash;
    let exact: FormTarget | undefined;
    let restricted: FormTarget | undefined;
    let phrases: readonly PhraseEntry[] | undefined;
    let phrasesBySecondWord: SecondWordGroups | undefined;
    // The key of the form that matched, when the text is spelled exactly like it (then it doubles as the match text).
    let sameSpelling: string | undefined;
    if (ascii) {
      // The lowercase hash finds lowercase keys, which answer both case-insensitively and, when the word has no
      // capitals, case-sensitively; a word with capitals also looks up its own spelling among keys with capitals.
      {
        // By filter slot: an array read, and the hash compared before the text (other hashes share the slot).
        const forms = index.formsBySlot[filterSlot(lowerHash)];
        if (forms !== undefined) {
          for (const form of forms) {
            if (form.hash === lowerHash && !form.hasUpper && regionEquals(text, start, end, form.key, true)) {
              phrases = form.phrases;
              phrasesBySecondWord = form.phrasesBySecondWord;
              if (!hasUpper) {
                exact = form.exact;
                restricted = form.restricted;
                sameSpelling = form.key;
              }
              if (exact === undefined && restricted === undefined) restricted = form.restrictedWord;
              break;
            }
          }
        }
      }
      if (hasUpper && exact === undefined) {
        const forms = index.formsBySlot[filterSlot(rawHash)];
        if (forms !== undefined) {
          for (const form of forms) {
            if (form.hash === rawHash && form.hasUpper && regionEquals(text, start, end, form.key, false)) {
              exact = form.exact;
              if (form.restricted !== undefined) restricted = form.restricted;
              sameSpelling = form.key;
              break;
            }
          }
        }
      }
    } else if (isCaselessWord(text, start, end)) {
      // Arabic and Korean words are looked up by their key (an Arabic one without the article) only when its hash is
      // known, which most are not.
      if (index.exactFirstUnits[text.charCodeAt(start)] !== 0) exact = index.exactAnywhere.get(text.slice(start, end));
      const key = caselessWordKey(text, start, end, index.foldedKeyHashes);
      if (key !== undefined) {
        phrases = index.phrases.get(key);
        restricted = index.wordRestricted.get(key);
      }
      if (exact === undefined && phrases === undefined && restricted === undefined) {
        return this.affixedAt(text, start, end);
      }
    } else {
      // Words with non-ASCII letters are rare in code and in English docs; they take the allocating path.
      const raw = text.slice(start, end);
      exact = index.exactAnywhere.get(raw);
      if (exact === undefined) restricted = index.exactRestricted.get(raw);
      const folded = foldKey(raw);
      phrases = index.phrases.get(folded);
      if (exact === undefined && restricted === undefined) restricted = index.wordRestricted.get(folded);
      if (exact === undefined && restricted === undefined && phrases === undefined) {
        return this.affixedAt(text, start, end);
      }
    }
    // A phrase never reaches past MAX_MATCH_LENGTH: findAll and findTermAt's window read the same words, in bounded work.
    const reach = Math.min(to, start + MAX_MATCH_LENGTH);
    if (
      phrases !== undefined &&
      !continuesPathOrCompound(text, start) &&
      this.phraseAt(text, start, end, reach, phrases, phrasesBySecondWord, this.nextLinkStart)
    ) {
      return true;
    }
    if (exact !== undefined) return this.setMatch(start, end, exact, sameSpelling);
    if (
      restricted !== undefined &&
      (index.singleWordsAnywhere || isMarkedPosition(text, start, end, this.scanContext))
    ) {
      return this.setMatch(start, end, restricted, sameSpelling);
    }
    if (this.wordHasUnderscore && ascii) return this.compoundAt(text, start, end);
    return false;
  }

  /** Like wordEnd, and also leaves the word's lowercase hash and whether it is ASCII in wordHash and wordAscii. */
  private hashedWordEnd(text: string, start: number, to: number): number {
    let hash = HASH_SEED;
    let i = start;
    while (i < to) {
      const unit = text.charCodeAt(i);
      if (unit >= 0x80) {
        this.wordAscii = false;
        return wordEnd(text, start, to);
      }
      if (ASCII_CLASSES[unit] === CLASS_NONE) break;
      hash = hashStep(hash, unit >= 0x41 && unit <= 0x5a ? unit | 0x20 : unit);
      i++;
    }
    this.wordHash = hash;
    this.wordAscii = true;
    return i;
  }

  private setMatch(start: number, end: number, target: FormTarget, knownText?: string): true {
    this.matchStart = start;
    this.matchEnd = end;
    this.matchTarget = target;
    this.matchText = knownText;
    return true;
  }

  /** Sets the match to the longest of `entries` (phrases sharing the first word, at [start, firstEnd)) that the text continues with. */
  private phraseAt(
    text: string,
    start: number,
    firstEnd: number,
    to: number,
    allEntries: readonly PhraseEntry[],
    bySecondWord: SecondWordGroups | undefined,
    nextLinkStart: number,
  ): boolean {
    const starts = this.lookaheadStarts;
    const ends = this.lookaheadEnds;
    let known = 0;
    let exhausted = false;
    // Read the second word here, hashing it, so that only the phrases continuing with it are compared.
    const secondStart = skipPhraseGap(text, firstEnd, to);
    if (secondStart === undefined || secondStart >= nextLinkStart) return false;
    const secondEnd = this.hashedWordEnd(text, secondStart, to);
    if (secondEnd === to && to < text.length && isInsideWord(text, to)) return false;
    starts[0] = secondStart;
    ends[0] = secondEnd;
    known = 1;
    let entries = allEntries;
    if (this.wordAscii && bySecondWord !== undefined) {
      const group = phrasesWithSecondWord(bySecondWord, this.wordHash);
      if (group === undefined) return false;
      entries = group;
    }
    for (const entry of entries) {
      let matched = true;
      let lastEnd = firstEnd;
      for (let n = 0; n < entry.rest.length; n++) {
        // Read the n-th following word once, however many phrases ask for it.
        while (known <= n && !exhausted) {
          const previousEnd = known === 0 ? firstEnd : ends[known - 1]!;
          const nextStart = skipPhraseGap(text, previousEnd, to);
          if (nextStart === undefined || nextStart >= nextLinkStart) {
            exhausted = true;
            break;
          }
          const nextEnd = wordEnd(text, nextStart, to);
          if (nextEnd === to && to < text.length && isInsideWord(text, to)) {
            exhausted = true;
            break;
          }
          starts[known] = nextStart;
          ends[known] = nextEnd;
          known++;
        }
        if (n >= known) {
          matched = false;
          break;
        }
        if (regionEquals(text, starts[n]!, ends[n]!, entry.rest[n]!, true)) {
          lastEnd = ends[n]!;
          continue;
        }
        // Korean writes a particle against the last word of a phrase (`어텐션 마스크를`): the match ends before it.
        const particleEnd =
          n === entry.rest.length - 1 ? particleStemEnd(text, starts[n]!, ends[n]!, entry.rest[n]!) : undefined;
        if (particleEnd === undefined) {
          matched = false;
          break;
        }
        lastEnd = particleEnd;
      }
      if (matched) {
        const end = lastEnd;
        return this.setMatch(
          start,
          end,
          entry.target,
          regionEquals(text, start, end, entry.canonical, false) ? entry.canonical : undefined,
        );
      }
    }
    return false;
  }

  /**
   * A word that is no form as written, read as a form with something attached (affixes.ts): a Korean particle after
   * an identifier, abbreviation or word (`LLM은`, the range on `LLM`), or an Arabic proclitic before the first word of
   * a phrase (`والانتباه الذاتي`, the range after `و`). Single dictionary words keep their rule: a particle or a
   * proclitic is never a marked position.
   */
  private affixedAt(text: string, start: number, end: number): boolean {
    const index = this.index;
    // Only words that start like some exact form can be one with a particle; the table settles most words here.
    if (index.exactFirstUnits[text.charCodeAt(start)] !== 0) {
      // Indexed loops, here and below: this runs for most Arabic and Korean words, and an iterator per loop was most
      // of what scanning those scripts allocated.
      const particles = koreanParticleCandidates(text, end);
      for (let p = 0; p < particles.length; p++) {
        const particle = particles[p]!;
        if (!endsWithParticle(text, start, end, particle)) continue;
        const stemEnd = end - particle.length;
        const exact = index.exactAnywhere.get(text.slice(start, stemEnd));
        if (exact !== undefined) return this.setMatch(start, stemEnd, exact);
      }
    }
    if (!startsArabic(text, start)) return false;
    const reach = Math.min(this.scanTo, start + MAX_MATCH_LENGTH);
    const readings = arabicReadings(text, start, end, index.foldedKeyHashes);
    for (let r = 0; r < readings.length; r++) {
      const reading = readings[r]!;
      const phrases = index.phrases.get(reading.key);
      const from = start + reading.skip;
      if (phrases !== undefined && this.phraseAt(text, from, end, reach, phrases, undefined, this.nextLinkStart)) {
        return true;
      }
    }
    return false;
  }

  /** The longest known identifier made of whole `_`-segments of the identifier at [start, end). */
  private compoundAt(text: string, start: number, end: number): boolean {
    const index = this.index;
    // The arrays are reused and never truncated (setting `length` is slow); `count` says how much of them is valid.
    const starts = this.segmentStarts;
    const ends = this.segmentEnds;
    let count = 0;
    let segmentStart = start;
    for (let i = start; i <= end; i++) {
      if (i === end || text.charCodeAt(i) === 0x5f) {
        if (i > segmentStart) {
          starts[count] = segmentStart;
          ends[count] = i;
          count++;
        }
        segmentStart = i + 1;
      }
    }
    let found = false;
    for (let s = 0; s < count - 1; s++) {
      const segmentFrom = starts[s]!;
      let hash = HASH_SEED;
      for (let i = segmentFrom; i < ends[s]!; i++) hash = hashStep(hash, text.charCodeAt(i));
      if (!index.compoundFirstSegmentHashes.has(hash)) continue;
      const lastSegment = Math.min(count - 1, s + index.maxCompoundSegments - 1);
      for (let e = lastSegment; e > s; e--) {
        const segmentTo = ends[e]!;
        if (found && segmentTo - segmentFrom <= this.matchEnd - this.matchStart) break;
        const candidate = text.slice(segmentFrom, segmentTo);
        const target = index.compoundIdentifiers.get(candidate);
        if (target !== undefined) {
          found = this.setMatch(segmentFrom, segmentTo, target, candidate);
          break;
        }
      }
    }
    return found;
  }
}
