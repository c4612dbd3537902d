/**
 * Back/Forward history inside the entry panel, like a browser's. Pure, so that it can be unit-tested and
 * serialized into the webview state that survives a window reload.
 */
import { isTermIdShape } from '../glossary';
import { isLocaleShape } from './messages';

export interface HistoryEntry {
  readonly termId: string;
  /** The locale the reader picked; absent means "the display locale", which follows the setting. */
  readonly locale?: string;
}

export interface SerializedHistory {
  readonly entries: readonly HistoryEntry[];
  readonly index: number;
}

/** Enough to retrace a reading session, small enough to keep in the webview state. */
export const HISTORY_LIMIT = 100;

export class NavigationHistory {
  private entries: HistoryEntry[];
  private index: number;

  constructor(serialized?: SerializedHistory) {
    this.entries = serialized ? [...serialized.entries] : [];
    this.index = serialized ? serialized.index : -1;
  }

  get current(): HistoryEntry | undefined {
    return this.entries[this.index];
  }

  get canGoBack(): boolean {
    return this.index > 0;
  }

  get canGoForward(): boolean {
    return this.index < this.entries.length - 1;
  }

  /** Opens an entry: forward history is discarded; opening the entry already shown only updates its locale. */
  push(entry: HistoryEntry): void {
    const current = this.current;
    if (current !== undefined && current.termId === entry.termId) {
      this.entries[this.index] = entry;
      return;
    }
    this.entries = [...this.entries.slice(0, this.index + 1), entry];
    if (this.entries.length > HISTORY_LIMIT) this.entries = this.entries.slice(this.entries.length - HISTORY_LIMIT);
    this.index = this.entries.length - 1;
  }

  /** Changes the current entry in place (a locale switch is not a navigation step). */
  replaceCurrent(entry: HistoryEntry): void {
    if (this.current === undefined) this.push(entry);
    else this.entries[this.index] = entry;
  }

  back(): HistoryEntry | undefined {
    if (!this.canGoBack) return undefined;
    this.index -= 1;
    return this.current;
  }

  forward(): HistoryEntry | undefined {
    if (!this.canGoForward) return undefined;
    this.index += 1;
    return this.current;
  }

  toJSON(): SerializedHistory {
    return { entries: this.entries.map((e) => ({ ...e })), index: this.index };
  }

  /** Reads history back from webview state, which is untrusted: anything malformed yields undefined. */
  static parse(value: unknown): NavigationHistory | undefined {
    if (typeof value !== 'object' || value === null) return undefined;
    const { entries, index } = value as { entries?: unknown; index?: unknown };
    if (!Array.isArray(entries) || entries.length === 0 || entries.length > HISTORY_LIMIT) return undefined;
    if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index >= entries.length) return undefined;
    const parsed: HistoryEntry[] = [];
    for (const entry of entries as unknown[]) {
      const parsedEntry = parseHistoryEntry(entry);
      if (parsedEntry === undefined) return undefined;
      parsed.push(parsedEntry);
    }
    return new NavigationHistory({ entries: parsed, index });
  }
}

export function parseHistoryEntry(value: unknown): HistoryEntry | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { termId, locale } = value as { termId?: unknown; locale?: unknown };
  if (typeof termId !== 'string' || !isTermIdShape(termId)) return undefined;
  if (locale === undefined || locale === null) return { termId };
  return isLocaleShape(locale) ? { termId, locale } : undefined;
}

/** Reads the state a webview saved (untrusted): its history, or else a one-entry history from its term and locale. */
export function parsePanelState(state: unknown): NavigationHistory | undefined {
  if (typeof state !== 'object' || state === null) return undefined;
  const fromHistory = NavigationHistory.parse((state as { history?: unknown }).history);
  if (fromHistory !== undefined) return fromHistory;
  const entry = parseHistoryEntry(state);
  if (entry === undefined) return undefined;
  const history = new NavigationHistory();
  history.push(entry);
  return history;
}
