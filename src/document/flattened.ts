import type { Root } from 'mdast';
import type { Node } from 'unist';
import { RstParser } from './rst.js';
import { SourceText } from './source.js';
import type { Point, Recovery } from './types.js';

/** A normal RST line is far shorter; a whole document on one line is far longer. */
const MIN_FLATTENED_LENGTH = 300;
const COMMAND_AFTER_INTRODUCER = /::\s+(?:\$ )?aws [a-z0-9-]+ [a-z0-9-]+/;
const OUTPUT_JSON = /Output::\s+[{[]/;
const TITLE = /(?:^|[.:]\s+)\*\*[^*\s][^*]*\*\*\s/;

/** A piece of the rebuilt text: `length` characters copied from `originalStart` after `indent` inserted spaces. */
interface Piece {
  originalStart: number;
  length: number;
  indent: number;
  /** Blank lines before the piece. */
  blankBefore: boolean;
}

export interface FlattenedDocument {
  /** Offset range of the line that holds the document. */
  start: number;
  end: number;
}

/**
 * Finds a line that holds a whole RST document whose line breaks were lost: far longer than a normal
 * line and holding block markers only line breaks separate (`:: aws ...`, `Output:: {`, a `**title**` after a sentence).
 */
export function detectFlattened(source: SourceText): FlattenedDocument | undefined {
  for (let line = 0; line < source.lineCount; line++) {
    const start = source.starts[line]!;
    const end = source.ends[line]!;
    if (end - start < MIN_FLATTENED_LENGTH) continue;
    const text = source.text.slice(start, end);
    if (COMMAND_AFTER_INTRODUCER.test(text) && (OUTPUT_JSON.test(text) || TITLE.test(text))) return { start, end };
  }
  return undefined;
}

/**
 * Rebuilds the flattened line as RST (line breaks and indentation at the block boundaries), parses it and
 * maps every position back to the original text. `file.data.recovery` is what the caller records.
 */
export function parseFlattened(source: SourceText, flattened: FlattenedDocument): { tree: Root; recovery: Recovery } {
  const pieces = splitBlocks(source.text, flattened.start, flattened.end);
  let rebuilt = '';
  const starts: number[] = [];
  for (const piece of pieces) {
    if (piece.blankBefore && rebuilt !== '') rebuilt += '\n';
    rebuilt += ' '.repeat(piece.indent);
    starts.push(rebuilt.length);
    rebuilt += source.text.slice(piece.originalStart, piece.originalStart + piece.length) + '\n';
  }
  const tree = new RstParser(new SourceText(rebuilt)).parse();

  /** The original offset of rebuilt offset `offset`, and how many inserted characters stood before it. */
  const locate = (offset: number): { original: number; inserted: number } => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! - pieces[middle]!.indent <= offset) low = middle;
      else high = middle - 1;
    }
    const piece = pieces[low];
    if (piece === undefined) return { original: flattened.start, inserted: 0 };
    const within = offset - starts[low]!;
    if (within < 0) return { original: piece.originalStart, inserted: -within };
    return { original: piece.originalStart + Math.min(within, piece.length), inserted: 0 };
  };
  const remapPoint = (point: Point): Point => source.point(locate(point.offset ?? 0).original);
  remapTree(tree, remapPoint, locate);
  tree.position = source.position(0, source.text.length);

  const recovery: Recovery = { flattenedAt: source.position(flattened.start, flattened.end) };
  const before = source.text.slice(0, flattened.start);
  if (before.trim() !== '') {
    const strayStart = before.length - before.trimStart().length;
    recovery.strayText = source.position(strayStart, before.trimEnd().length);
  }
  return { tree, recovery };
}

function remapTree(node: Node, remapPoint: (point: Point) => Point, locate: (offset: number) => { original: number; inserted: number }): void {
  if (node.position) node.position = { start: remapPoint(node.position.start), end: remapPoint(node.position.end) };
  const data = node.data as { lines?: { text: string; line: number; column: number; offset: number }[]; introducerPosition?: { start: Point; end: Point } } | undefined;
  if (data?.introducerPosition) data.introducerPosition = { start: remapPoint(data.introducerPosition.start), end: remapPoint(data.introducerPosition.end) };
  for (const line of data?.lines ?? []) {
    // Indentation we inserted is not in the original: the line's text starts at its original segment.
    const { inserted } = locate(line.offset);
    const point = remapPoint({ line: 0, column: 0, offset: line.offset + inserted });
    line.text = line.text.slice(inserted);
    line.line = point.line;
    line.column = point.column;
    line.offset = point.offset!;
  }
  for (const child of (node as { children?: Node[] }).children ?? []) remapTree(child, remapPoint, locate);
}

/** Splits the flattened line into RST blocks: titles, paragraphs, commands (one line per continuation), outputs. */
function splitBlocks(text: string, start: number, end: number): Piece[] {
  const pieces: Piece[] = [];
  let cursor = skipSpaces(text, start, end);
  const push = (from: number, to: number, indent: number, blankBefore: boolean) => {
    while (to > from && text[to - 1] === ' ') to--;
    if (to > from) pieces.push({ originalStart: from, length: to - from, indent, blankBefore });
  };
  while (cursor < end) {
    if (text.startsWith('**', cursor)) {
      const close = text.indexOf('**', cursor + 2);
      if (close !== -1 && close < end) {
        push(cursor, close + 2, 0, true);
        cursor = skipSpaces(text, close + 2, end);
        continue;
      }
    }
    const paragraphEnd = findParagraphEnd(text, cursor, end);
    const introduces = text.startsWith('::', paragraphEnd - 2);
    push(cursor, paragraphEnd, 0, true);
    cursor = skipSpaces(text, paragraphEnd, end);
    if (!introduces || cursor >= end) continue;
    if (text[cursor] === '{' || text[cursor] === '[') {
      const close = matchingBracket(text, cursor, end);
      push(cursor, close, 4, true);
      cursor = skipSpaces(text, close, end);
    } else if (/^(?:\$ )?aws /.test(text.slice(cursor, cursor + 6))) {
      cursor = pushCommand(text, cursor, end, push);
    } else {
      const blockEnd = findParagraphEnd(text, cursor, end);
      push(cursor, blockEnd, 4, true);
      cursor = skipSpaces(text, blockEnd, end);
    }
  }
  return pieces;
}

/** A paragraph ends at a `::` that introduces a block, before a `**title**` that follows a sentence, or before "For more information". */
function findParagraphEnd(text: string, from: number, end: number): number {
  for (let index = from + 1; index < end; index++) {
    if (text[index] === ':' && text[index + 1] === ':' && (index + 2 >= end || text[index + 2] === ' ')) return index + 2;
    if (text[index] === ' ' && index > from) {
      const before = text[index - 1];
      if ((before === '.' || before === ':') && (text.startsWith('**', index + 1) || text.startsWith('For more information', index + 1))) return index;
    }
  }
  return end;
}

/** Pushes a command's lines: a break after each ` \ `, and before each ` --param` where the `\` was omitted. */
function pushCommand(text: string, from: number, end: number, push: (from: number, to: number, indent: number, blankBefore: boolean) => void): number {
  const commandEnd = findCommandEnd(text, from, end);
  let lineStart = from;
  let quote = '';
  let continued = false;
  let first = true;
  const emit = (to: number) => {
    push(lineStart, to, first ? 4 : 8, first);
    first = false;
  };
  for (let index = from; index < commandEnd; index++) {
    const char = text[index]!;
    if (quote) {
      if (char === quote) quote = '';
      continue;
    }
    if (char === '"' || char === "'") quote = char;
    else if (char === '\\' && text[index - 1] === ' ' && (text[index + 1] === ' ' || index + 1 === commandEnd)) {
      emit(index + 1);
      lineStart = skipSpaces(text, index + 1, commandEnd);
      index = lineStart - 1;
      continued = true;
    } else if (continued && char === ' ' && text.startsWith('--', index + 1) && index > lineStart) {
      emit(index);
      lineStart = index + 1;
    }
  }
  emit(commandEnd);
  return skipSpaces(text, commandEnd, end);
}

/** A command ends where the next block starts: `Output::`, a title, "For more information", or a prose sentence. */
function findCommandEnd(text: string, from: number, end: number): number {
  let quote = '';
  for (let index = from; index < end; index++) {
    const char = text[index]!;
    if (quote) {
      if (char === quote) quote = '';
      continue;
    }
    if (char === '"' || char === "'") quote = char;
    else if (char === ' ') {
      const rest = text.slice(index + 1, index + 40);
      if (/^(?:[A-Z][A-Za-z ]*::|\*\*|For more information|This command produces no output)/.test(rest)) return index;
    }
  }
  return end;
}

/** The offset after the bracket that closes the one at `from` (JSON strings skipped), or `end`. */
function matchingBracket(text: string, from: number, end: number): number {
  let depth = 0;
  let inString = false;
  for (let index = from; index < end; index++) {
    const char = text[index];
    if (inString) {
      if (char === '\\') index++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{' || char === '[') depth++;
    else if (char === '}' || char === ']') {
      depth--;
      if (depth === 0) return index + 1;
    }
  }
  return end;
}

function skipSpaces(text: string, from: number, end: number): number {
  let index = from;
  while (index < end && (text[index] === ' ' || text[index] === '\t')) index++;
  return index;
}
