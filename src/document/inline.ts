import type { PhrasingContent } from 'mdast';
import type { SourceText } from './source.js';

/** One source line's share of a paragraph's text: where it starts in the joined text and in the file. */
export interface Segment {
  textStart: number;
  fileStart: number;
}

/** Characters that may stand before an inline markup start-string (docutils' rules, ASCII part). */
const OPENERS = new Set([...' \t\n-:/\'"<([{']);
/** Characters that may follow an inline markup end-string. */
const CLOSERS = new Set([...' \t\n-.,:;!?\\/\'")]}>']);
/** Punctuation docutils strips from the end of a standalone URL. */
const URL_TRAILERS = new Set([...'.,;:!?\'")]}>']);

function isWhitespace(char: string | undefined): boolean {
  return char === ' ' || char === '\t' || char === '\n' || char === '\r';
}

/**
 * RST inline markup of one paragraph (hand-written: no maintained JavaScript RST parser exists).
 * `text` is the paragraph's lines joined with `\n`; `segments` map it back to the file.
 * `` `x <url>`_ `` and standalone URLs become `link`; `` `name`_ `` a `linkReference`; other
 * interpreted text (`` `x` ``) is shown in italics by docutils, so it becomes `emphasis`.
 */
export function parseInline(text: string, segments: Segment[], source: SourceText): PhrasingContent[] {
  const fileOffset = (index: number): number => {
    let segment = segments[0]!;
    for (const candidate of segments) {
      if (candidate.textStart > index) break;
      segment = candidate;
    }
    return segment.fileStart + (index - segment.textStart);
  };
  const position = (start: number, end: number) => source.position(fileOffset(start), fileOffset(end));
  const textNode = (start: number, end: number): PhrasingContent => ({
    type: 'text',
    value: text.slice(start, end),
    position: position(start, end),
  });

  /** The index of an end-string `marker` closing markup whose content starts at `from`, or -1. */
  const findEnd = (marker: string, from: number): number => {
    let index = text.indexOf(marker, from + 1);
    while (index !== -1) {
      if (!isWhitespace(text[index - 1]) && text[index - 1] !== '\\') {
        const after = text[index + marker.length];
        // `` `name`_ `` and `` `name`__ ``: a reference suffix may follow the closing backquote.
        if (after === undefined || CLOSERS.has(after) || (marker === '`' && after === '_')) return index;
      }
      index = text.indexOf(marker, index + 1);
    }
    return -1;
  };

  const nodes: PhrasingContent[] = [];
  let plainStart = 0;
  const flushPlain = (end: number) => {
    if (end > plainStart) nodes.push(textNode(plainStart, end));
  };

  let index = 0;
  while (index < text.length) {
    // On to the next character that may start markup or escape one: most of a paragraph is plain words.
    MARKUP_CANDIDATE.lastIndex = index;
    if (!MARKUP_CANDIDATE.test(text)) break;
    index = MARKUP_CANDIDATE.lastIndex - 1;
    const char = text[index]!;
    if (char === '\\') {
      index += 2;
      continue;
    }
    const before = text[index - 1];
    if (before !== undefined && !OPENERS.has(before)) {
      index++;
      continue;
    }
    if (char === 'h') {
      const end = standaloneUrlEnd(text, index);
      if (end > index) {
        flushPlain(index);
        nodes.push({ type: 'link', url: text.slice(index, end), children: [textNode(index, end)], position: position(index, end) });
        index = plainStart = end;
      } else index++;
      continue;
    }
    const marker = text.startsWith('``', index) ? '``' : text.startsWith('**', index) ? '**' : char;
    const contentStart = index + marker.length;
    if (contentStart >= text.length || isWhitespace(text[contentStart])) {
      index = contentStart;
      continue;
    }
    const end = findEnd(marker, contentStart);
    if (end === -1) {
      index = contentStart;
      continue;
    }
    flushPlain(index);
    let markupEnd = end + marker.length;
    if (marker === '``') {
      nodes.push({ type: 'inlineCode', value: text.slice(contentStart, end), position: position(index, markupEnd) });
    } else if (marker === '**') {
      nodes.push({ type: 'strong', children: [textNode(contentStart, end)], position: position(index, markupEnd) });
    } else if (marker === '*') {
      nodes.push({ type: 'emphasis', children: [textNode(contentStart, end)], position: position(index, markupEnd) });
    } else {
      const anonymous = text.startsWith('__', markupEnd);
      const isReference = anonymous || text[markupEnd] === '_';
      if (isReference) markupEnd += anonymous ? 2 : 1;
      const content = text.slice(contentStart, end);
      const open = content.lastIndexOf('<');
      if (isReference && open !== -1 && content.endsWith('>') && (open === 0 || isWhitespace(content[open - 1]))) {
        const url = content.slice(open + 1, -1).replace(/\s+/g, '');
        const labelEnd = contentStart + (open === 0 ? content.length : content.slice(0, open).trimEnd().length);
        const children = open === 0 ? [textNode(contentStart + 1, end - 1)] : [textNode(contentStart, labelEnd)];
        nodes.push({ type: 'link', url, children, position: position(index, markupEnd) });
      } else if (isReference) {
        nodes.push({
          type: 'linkReference',
          identifier: normalizeLabel(content),
          label: content,
          referenceType: 'full',
          children: [textNode(contentStart, end)],
          position: position(index, markupEnd),
        });
      } else {
        nodes.push({ type: 'emphasis', children: [textNode(contentStart, end)], position: position(index, markupEnd) });
      }
    }
    index = plainStart = markupEnd;
  }
  flushPlain(text.length);
  return nodes;
}

/** A character that may start inline markup (a backquote, an asterisk, the `h` of a URL) or escape one. */
const MARKUP_CANDIDATE = /[`*h\\]/g;

/** The end of an `http://` or `https://` URL starting at `start`, or `start` when there is none. */
function standaloneUrlEnd(text: string, start: number): number {
  const schemeEnd = text.startsWith('https://', start) ? start + 8 : text.startsWith('http://', start) ? start + 7 : start;
  if (schemeEnd === start) return start;
  let end = schemeEnd;
  while (end < text.length && !isWhitespace(text[end]) && text[end] !== '<' && text[end] !== '`') end++;
  while (end > schemeEnd && URL_TRAILERS.has(text[end - 1]!)) end--;
  return end > schemeEnd ? end : start;
}

/** Reference names compare case-insensitively with whitespace collapsed, as in docutils. */
export function normalizeLabel(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase();
}
