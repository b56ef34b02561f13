import type { Point, Position } from './types.js';

/** TAB stops every 8 columns, as docutils expands them. */
export const TAB_WIDTH = 8;

/**
 * The lines of a text and the conversion from offsets to points. CRLF, LF and a lone CR all end a line
 * (as docutils' `splitlines` and micromark read them).
 */
export class SourceText {
  /** Offset where each line starts. */
  readonly starts: number[] = [0];
  /** Offset where each line's content ends (before its line ending). */
  readonly ends: number[] = [];

  constructor(readonly text: string) {
    // Line ends found with searches rather than a look at every character: a run splits megabytes of text.
    let lineFeed = text.indexOf('\n');
    let carriageReturn = text.indexOf('\r');
    while (lineFeed !== -1 || carriageReturn !== -1) {
      const end = lineFeed === -1 ? carriageReturn : carriageReturn === -1 ? lineFeed : Math.min(lineFeed, carriageReturn);
      const next = end + (end === carriageReturn && lineFeed === end + 1 ? 2 : 1);
      this.ends.push(end);
      this.starts.push(next);
      if (lineFeed !== -1 && lineFeed < next) lineFeed = text.indexOf('\n', next);
      if (carriageReturn !== -1 && carriageReturn < next) carriageReturn = text.indexOf('\r', next);
    }
    this.ends.push(text.length);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** The 0-based line index holding `offset` (a line ending belongs to the line it ends). */
  lineIndexAt(offset: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  point(offset: number): Point {
    const index = this.lineIndexAt(offset);
    return { line: index + 1, column: offset - this.starts[index]! + 1, offset };
  }

  position(start: number, end: number): Position {
    return { start: this.point(start), end: this.point(end) };
  }

  lineText(index: number): string {
    return this.text.slice(this.starts[index], this.ends[index]);
  }
}

export function isSpaceOrTab(code: number): boolean {
  return code === 32 || code === 9;
}

/** The text with TABs expanded to the next multiple of 8, counting columns from `startColumn`. */
export function expandTabs(text: string, startColumn = 0): string {
  if (!text.includes('\t')) return text;
  let result = '';
  let column = startColumn;
  for (const char of text) {
    if (char === '\t') {
      const width = TAB_WIDTH - (column % TAB_WIDTH);
      result += ' '.repeat(width);
      column += width;
    } else {
      result += char;
      column++;
    }
  }
  return result;
}

