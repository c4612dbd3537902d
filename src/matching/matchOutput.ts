/**
 * Where the scanner's matches go. A whole-text scan (findAll) appends each match to a list, with its text shared by
 * every match spelled the same way; a hover's scan (findTermAt) keeps only its last match, as numbers, and makes an
 * object of it only when it holds the offset. Both choices are about garbage: findAll's result outlives many
 * collections, and a hover runs on every mouse move.
 */
import type { MatchVia } from './termIndex';
import type { TermMatch } from './types';
import { HASH_SEED, hashStep } from './chars';
import { regionEquals } from './regions';

/** Slots of the cache of match texts (a power of two). */
const SPELLING_SLOTS = 512;

export class MatchOutput {
  /**
   * The texts of recent matches of a whole-text scan, by a hash of their spelling. A document spells a term the same
   * way again and again: one string per spelling, instead of a fresh slice per match, keeps findAll's result from
   * holding tens of thousands of copies. Emptied by forgetSpellings after each findAll, so that no slice keeps a
   * document alive.
   */
  private readonly spellings: (string | undefined)[] = new Array<string | undefined>(SPELLING_SLOTS).fill(undefined);
  private sharingSpellings = false;
  // The last match of a scan without a list.
  private lastStart = -1;
  private lastEnd = -1;
  private lastTermId = '';
  private lastVia: MatchVia = 'phrase';
  private lastText: string | undefined;

  /** Called by each scan: only a whole-text scan shares texts, since its caller (findAll) empties the cache after. */
  startScan(wholeText: boolean): void {
    this.sharingSpellings = wholeText;
    this.lastStart = -1;
    this.lastEnd = -1;
  }

  /** Keeps a match of a scan without a list as its last match. `knownText`: its text, when known without a slice. */
  keep(termId: string, start: number, end: number, knownText: string | undefined, via: MatchVia): void {
    this.lastStart = start;
    this.lastEnd = end;
    this.lastTermId = termId;
    this.lastVia = via;
    this.lastText = knownText;
  }

  /** The last match of the latest scan without a list, if it holds `offset`. */
  lastMatchAt(text: string, offset: number): TermMatch | undefined {
    const start = this.lastStart;
    const end = this.lastEnd;
    if (!(start <= offset && offset < end)) return undefined;
    return { termId: this.lastTermId, start, end, text: this.lastText ?? text.slice(start, end), via: this.lastVia };
  }

  /** `text.slice(start, end)`, or during a whole-text scan an equal string a match of this scan already has. */
  spellingOf(text: string, start: number, end: number): string {
    if (!this.sharingSpellings) return text.slice(start, end);
    let hash = HASH_SEED;
    for (let k = start; k < end; k++) hash = hashStep(hash, text.charCodeAt(k));
    const slot = (hash ^ (hash >>> 15)) & (SPELLING_SLOTS - 1);
    const known = this.spellings[slot];
    if (known !== undefined && regionEquals(text, start, end, known, false)) return known;
    const fresh = text.slice(start, end);
    this.spellings[slot] = fresh;
    return fresh;
  }

  /** Drops the texts spellingOf keeps, and keeps none until the next whole-text scan. */
  forgetSpellings(): void {
    this.spellings.fill(undefined);
    this.sharingSpellings = false;
  }
}
