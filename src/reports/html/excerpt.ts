import type { Point } from '../../document/types.js';
import { escapeHtml } from './escape.js';

/** Lines shown before and after a finding's span. */
const CONTEXT_LINES = 2;
/** Lines of a long span shown (an output block can be hundreds of lines): its first ones. */
const SPAN_LINES = 8;
/** Characters of one line shown, around the highlighted part (minified JSON can be one line of 100 kB). */
const LINE_WIDTH = 200;

/** The lines of a document as its parsers count them (CRLF, CR or LF). */
export function linesOf(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/**
 * A few numbered lines of the document around a span, the span in `<mark>`: escaped, long lines cut around the
 * highlight, long spans cut after their first lines.
 */
export function excerptHtml(lines: readonly string[], start: Point, end: Point): string {
  if (lines.length === 0 || (lines.length === 1 && lines[0] === '')) return '';
  const first = Math.max(1, start.line - CONTEXT_LINES);
  const spanLast = Math.min(end.line, start.line + SPAN_LINES - 1);
  const last = Math.min(lines.length, spanLast + CONTEXT_LINES);
  const width = String(last).length;
  const rows: string[] = [];
  for (let number = first; number <= last; number++) {
    const line = lines[number - 1] ?? '';
    const inSpan = number >= start.line && number <= end.line;
    const from = inSpan ? (number === start.line ? start.column - 1 : 0) : -1;
    const to = inSpan ? (number === end.line ? end.column - 1 : line.length) : -1;
    const gutter = `<span class="ln" aria-hidden="true">${String(number).padStart(width)}</span>`;
    rows.push(`${gutter}${inSpan ? highlighted(line, from, Math.max(from, to)) : escapeHtml(cut(line))}`);
    if (number === spanLast && spanLast < end.line) {
      rows.push(`<span class="ln" aria-hidden="true">${' '.repeat(width)}</span><span class="cut">… ${end.line - spanLast} more line(s) of the span</span>`);
      break;
    }
  }
  return `<pre class="excerpt"><code>${rows.join('\n')}</code></pre>`;
}

/** One line with `[from, to)` in a `<mark>`; an empty span is a marked point. */
function highlighted(line: string, from: number, to: number): string {
  const begin = Math.max(0, from - LINE_WIDTH / 4);
  const stop = Math.min(line.length, Math.max(to, begin + LINE_WIDTH));
  const head = (begin > 0 ? '…' : '') + line.slice(begin, from);
  const span = line.slice(from, Math.min(to, begin + LINE_WIDTH * 2));
  const tail = line.slice(Math.min(to, begin + LINE_WIDTH * 2), stop) + (stop < line.length ? '…' : '');
  const mark = span === '' ? '<mark class="point" title="here"></mark>' : `<mark>${escapeHtml(span)}</mark>`;
  return `${escapeHtml(head)}${mark}${escapeHtml(tail)}`;
}

function cut(line: string): string {
  return line.length > LINE_WIDTH ? `${line.slice(0, LINE_WIDTH)}…` : line;
}
