/**
 * Offsets to 1-based lines and columns, defined once for the compiler's diagnostics, the decoder's messages and the
 * command line's `scan`. Lines end at `\r\n`, `\r` or `\n`, as VS Code counts them, so that a position printed here
 * is the position an editor shows for the same file. Columns count UTF-16 code units, as VS Code's do.
 */
export class LineIndex {
  /** The offset where each line starts; the first line starts at 0. */
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      if (unit === 0x0a) this.starts.push(i + 1);
      else if (unit === 0x0d) {
        // `\r\n` is one line break; a lone `\r` is one too.
        if (text.charCodeAt(i + 1) === 0x0a) i++;
        this.starts.push(i + 1);
      }
    }
  }

  /** The number of lines (a text without any line break has one). */
  get lineCount(): number {
    return this.starts.length;
  }

  /** The 1-based line and column of `offset`. */
  at(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo]! + 1 };
  }
}
