import type { BlockContent, Code, Definition, List, ListItem, Paragraph, Root, RootContent } from 'mdast';
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import { normalizeLabel, parseInline, type Segment } from './inline.js';
import { expandTabs, isSpaceOrTab, SourceText, TAB_WIDTH } from './source.js';
import type { BlockKind, CodeData, Position, RstComment, RstDirective, SourceLine } from './types.js';

/**
 * A line as a nested construct sees it: the document line `line` read from expanded column `col`
 * (a list item's body starts after its marker; a block quote's after its indentation).
 */
interface RegionLine {
  line: number;
  col: number;
}

/** The first non-blank character of a region line: its file offset and expanded column. */
interface FirstChar {
  offset: number;
  column: number;
}

const BULLET = /^[-+*\u2022\u2023\u2043](?: +|$)/;
const ENUMERATOR = /^(?:(\d+|#|[A-Za-z]|[ivxlcdm]+|[IVXLCDM]+)([.)])|\((\d+|#|[A-Za-z]|[ivxlcdm]+|[IVXLCDM]+)\))(?: +|$)/;
const EXPLICIT = /^\.\.(?: +|$)/;
const DIRECTIVE = /^([A-Za-z0-9]+(?:[-._+:][A-Za-z0-9]+)*) ?::(?: +|$)/;
const TARGET = /^_(?:`([^`]*)`|((?:[^:\\]|\\.|:(?!\s|$))*)):(?: +|$)/;
const OPTION = /^:([^:]+):(?: +(.*)|$)/;
const PUNCTUATION = new Set([...'!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~']);
const CODE_DIRECTIVES = new Set(['code', 'code-block', 'sourcecode']);
/** Directives whose first-line text is content, not an argument. */
const ADMONITIONS = new Set(['note', 'warning', 'tip', 'important', 'caution', 'danger', 'error', 'hint', 'attention']);
const COMMAND_START = /^(?:\$ )?aws /;

/** A line made of one repeated punctuation character (a section underline or transition). */
function isAdornment(text: string): boolean {
  const first = text[0];
  if (first === undefined || !PUNCTUATION.has(first)) return false;
  for (let index = 1; index < text.length; index++) if (text[index] !== first) return false;
  return true;
}

/**
 * Parses the aws-cli reStructuredText dialect the way docutils 0.19 reads its block structure
 * (hand-written: no maintained JavaScript RST parser exists). Every node carries an exact position.
 */
export class RstParser {
  private readonly text: string;
  private readonly indentWidth: number[] = [];
  private readonly firstNonBlank: number[] = [];
  /** Offset where each line's content ends, trailing whitespace excluded. */
  private readonly contentEnd: number[] = [];
  private readonly headingStyles: string[] = [];
  private readonly literalBlocksMissing: Position[] = [];

  constructor(readonly source: SourceText) {
    this.text = source.text;
    for (let line = 0; line < source.lineCount; line++) {
      const start = source.starts[line]!;
      const end = source.ends[line]!;
      let offset = start;
      let column = 0;
      while (offset < end && isSpaceOrTab(this.text.charCodeAt(offset))) {
        column = this.text.charCodeAt(offset) === 9 ? column + TAB_WIDTH - (column % TAB_WIDTH) : column + 1;
        offset++;
      }
      let last = end;
      while (last > offset && isWhitespaceCode(this.text.charCodeAt(last - 1))) last--;
      const blank = last === offset;
      this.indentWidth.push(column);
      this.firstNonBlank.push(blank ? end : offset);
      this.contentEnd.push(blank ? start : last);
    }
  }

  parse(): Root {
    const lines: RegionLine[] = [];
    for (let line = 0; line < this.source.lineCount; line++) lines.push({ line, col: 0 });
    const root: Root = {
      type: 'root',
      children: this.parseRegion(lines) as RootContent[],
      position: this.source.position(0, this.text.length),
    };
    if (this.literalBlocksMissing.length > 0) root.data = { literalBlocksMissing: this.literalBlocksMissing };
    return root;
  }

  // --- line helpers -------------------------------------------------------------------------

  private first(region: RegionLine): FirstChar {
    const { line, col } = region;
    if (col <= this.indentWidth[line]!) return { offset: this.firstNonBlank[line]!, column: this.indentWidth[line]! };
    let offset = this.offsetAtColumn(line, col);
    let column = this.columnAt(line, offset);
    const end = this.contentEnd[line]!;
    while (offset < end && isSpaceOrTab(this.text.charCodeAt(offset))) {
      column = this.text.charCodeAt(offset) === 9 ? column + TAB_WIDTH - (column % TAB_WIDTH) : column + 1;
      offset++;
    }
    return { offset: offset < end ? offset : this.source.ends[line]!, column };
  }

  /** The offset of the first character standing at or after expanded column `col` (a TAB cut in two is skipped). */
  private offsetAtColumn(line: number, col: number): number {
    const start = this.source.starts[line]!;
    const end = this.source.ends[line]!;
    let offset = start;
    let column = 0;
    while (offset < end && column < col) {
      column = this.text.charCodeAt(offset) === 9 ? column + TAB_WIDTH - (column % TAB_WIDTH) : column + 1;
      offset++;
    }
    return offset;
  }

  private columnAt(line: number, offset: number): number {
    let column = 0;
    for (let index = this.source.starts[line]!; index < offset; index++) {
      column = this.text.charCodeAt(index) === 9 ? column + TAB_WIDTH - (column % TAB_WIDTH) : column + 1;
    }
    return column;
  }

  private isBlank(region: RegionLine): boolean {
    const { line, col } = region;
    if (col <= this.indentWidth[line]!) return this.firstNonBlank[line]! >= this.contentEnd[line]!;
    return this.first(region).offset >= this.contentEnd[line]!;
  }

  private indentOf(region: RegionLine): number {
    const { line, col } = region;
    if (col <= this.indentWidth[line]!) return this.indentWidth[line]! - col;
    return this.first(region).column - col;
  }

  /** The region line's text from its first non-blank character, trailing whitespace removed, TABs expanded. */
  private content(region: RegionLine): string {
    const first = this.first(region);
    return expandTabs(this.text.slice(first.offset, Math.max(first.offset, this.contentEnd[region.line]!)), first.column);
  }

  /** The region line's raw text from its first non-blank character, trailing whitespace removed. */
  private lineText(region: RegionLine): string {
    const first = this.first(region);
    return this.text.slice(first.offset, Math.max(first.offset, this.contentEnd[region.line]!));
  }

  private shift(lines: RegionLine[], by: number): RegionLine[] {
    return lines.map(({ line, col }) => ({ line, col: col + by }));
  }

  /** The end of the indented block starting at `from`: the first non-blank line not indented. */
  private indentedEnd(lines: RegionLine[], from: number, minimum = 1): number {
    let index = from;
    while (index < lines.length && (this.isBlank(lines[index]!) || this.indentOf(lines[index]!) >= minimum)) index++;
    return index;
  }

  private minimumIndent(lines: RegionLine[]): number {
    let minimum = Infinity;
    for (const line of lines) if (!this.isBlank(line)) minimum = Math.min(minimum, this.indentOf(line));
    return minimum === Infinity ? 0 : minimum;
  }

  private withoutBlankEdges(lines: RegionLine[]): RegionLine[] {
    let start = 0;
    let end = lines.length;
    while (start < end && this.isBlank(lines[start]!)) start++;
    while (end > start && this.isBlank(lines[end - 1]!)) end--;
    return lines.slice(start, end);
  }

  /** From the first non-blank character of the first line to the content end of the last non-blank line. */
  private span(lines: RegionLine[], startOffset?: number): Position {
    const kept = this.withoutBlankEdges(lines);
    if (kept.length === 0) {
      const offset = startOffset ?? this.source.starts[lines[0]?.line ?? 0]!;
      return this.source.position(offset, offset);
    }
    const start = startOffset ?? this.first(kept[0]!).offset;
    return this.source.position(start, Math.max(start, this.contentEnd[kept[kept.length - 1]!.line]!));
  }

  // --- blocks --------------------------------------------------------------------------------

  parseRegion(lines: RegionLine[]): BlockContent[] {
    const nodes: BlockContent[] = [];
    let index = 0;
    while (index < lines.length) {
      const region = lines[index]!;
      if (this.isBlank(region)) {
        index++;
        continue;
      }
      if (this.indentOf(region) > 0) {
        const end = this.indentedEnd(lines, index);
        nodes.push(this.blockQuote(lines.slice(index, end)));
        index = end;
        continue;
      }
      const text = this.content(region);
      const bullet = BULLET.exec(text);
      if (bullet) {
        index = this.list(lines, index, nodes, bullet[0].length);
        continue;
      }
      const enumerator = ENUMERATOR.exec(text);
      if (enumerator && this.isEnumeratedItem(lines, index, enumerator)) {
        index = this.list(lines, index, nodes, enumerator[0].length, enumerator);
        continue;
      }
      const explicit = EXPLICIT.exec(text);
      if (explicit) {
        index = this.explicitMarkup(lines, index, explicit[0].length, nodes);
        continue;
      }
      if (isAdornment(text) && text !== '::') {
        const consumed = this.overlinedTitleOrTransition(lines, index, text, nodes);
        if (consumed > index) {
          index = consumed;
          continue;
        }
      }
      index = this.textBlock(lines, index, nodes);
    }
    return nodes;
  }

  private blockQuote(lines: RegionLine[]): BlockContent {
    const inner = this.shift(lines, this.minimumIndent(lines));
    const firstText = this.content(this.withoutBlankEdges(inner)[0]!);
    if (COMMAND_START.test(firstText)) return this.code(inner, 'block-quote');
    return { type: 'blockquote', children: this.parseRegion(inner), position: this.span(lines) };
  }

  /** A `code` node holding `lines` (already dedented by their `col`), trailing blank lines dropped. */
  private code(lines: RegionLine[], blockKind: BlockKind, extra: Partial<CodeData> = {}, lang: string | null = null): Code {
    const kept = this.withoutBlankEdges(lines);
    const sourceLines: SourceLine[] = [];
    const values: string[] = [];
    for (const { line, col } of kept) {
      const offset = Math.min(this.offsetAtColumn(line, col), this.source.ends[line]!);
      const raw = this.text.slice(offset, this.source.ends[line]);
      const point = this.source.point(offset);
      sourceLines.push({ text: raw, line: point.line, column: point.column, offset });
      const rawLine = this.text.slice(this.source.starts[line], this.contentEnd[line]);
      values.push(rawLine.includes('\t') ? expandTabs(rawLine).slice(col) : rawLine.slice(col));
    }
    const last = sourceLines[sourceLines.length - 1];
    const start = sourceLines[0]?.offset ?? this.source.starts[lines[0]?.line ?? 0]!;
    const end = last ? Math.max(start, last.offset + last.text.trimEnd().length) : start;
    const data: CodeData = { blockKind, ...extra, lines: sourceLines };
    return { type: 'code', lang, meta: null, value: values.join('\n'), position: this.source.position(start, end), data };
  }

  private isEnumeratedItem(lines: RegionLine[], index: number, match: RegExpExecArray): boolean {
    const next = lines[index + 1];
    if (next === undefined || this.isBlank(next) || this.indentOf(next) > 0) return true;
    const following = ENUMERATOR.exec(this.content(next));
    return following !== null && enumeratorFormat(following) === enumeratorFormat(match);
  }

  /** A bullet or enumerated list starting at `index`; returns the index after it. */
  private list(lines: RegionLine[], index: number, nodes: BlockContent[], markerWidth: number, enumerator?: RegExpExecArray): number {
    const items: ListItem[] = [];
    const text = this.content(lines[index]!);
    const bulletChar = text[0];
    let cursor = index;
    let width = markerWidth;
    for (;;) {
      const region = lines[cursor]!;
      const first = this.first(region);
      const hasText = this.content(region).length > width;
      let itemLines: RegionLine[];
      let end: number;
      if (hasText) {
        end = this.indentedEnd(lines, cursor + 1, width);
        itemLines = [{ line: region.line, col: first.column + width }, ...this.shift(lines.slice(cursor + 1, end), width)];
      } else {
        end = this.indentedEnd(lines, cursor + 1);
        const rest = lines.slice(cursor + 1, end);
        itemLines = [{ line: region.line, col: first.column + width }, ...this.shift(rest, this.minimumIndent(rest))];
      }
      items.push({ type: 'listItem', spread: false, children: this.parseRegion(itemLines), position: this.span(itemLines, first.offset) });
      let next = end;
      while (next < lines.length && this.isBlank(lines[next]!)) next++;
      if (next >= lines.length || this.indentOf(lines[next]!) !== 0) {
        cursor = end;
        break;
      }
      const nextText = this.content(lines[next]!);
      if (enumerator) {
        const match = ENUMERATOR.exec(nextText);
        if (!match || enumeratorFormat(match) !== enumeratorFormat(enumerator) || !this.isEnumeratedItem(lines, next, match)) {
          cursor = end;
          break;
        }
        width = match[0].length;
      } else {
        const match = BULLET.exec(nextText);
        if (!match || nextText[0] !== bulletChar) {
          cursor = end;
          break;
        }
        width = match[0].length;
      }
      cursor = next;
    }
    const list: List = {
      type: 'list',
      ordered: enumerator !== undefined,
      start: enumerator ? ordinalStart(enumerator) : null,
      spread: false,
      children: items,
      position: this.source.position(items[0]!.position!.start.offset!, items[items.length - 1]!.position!.end.offset!),
    };
    nodes.push(list);
    return cursor;
  }

  /** `.. ` blocks: targets, directives and comments. Returns the index after the block. */
  private explicitMarkup(lines: RegionLine[], index: number, markerWidth: number, nodes: BlockContent[]): number {
    const region = lines[index]!;
    const first = this.first(region);
    const text = this.content(region);
    const rest = text.slice(markerWidth);
    const nextLine = lines[index + 1];
    if (rest === '' && (nextLine === undefined || this.isBlank(nextLine))) {
      // docutils: an empty `..` followed by a blank line is an empty comment; what follows is not part of it.
      nodes.push({ type: 'rstComment', value: '', position: this.source.position(first.offset, first.offset + 2) } as RstComment);
      return index + 1;
    }
    const end = this.indentedEnd(lines, index + 1);
    const following = lines.slice(index + 1, end);
    const body: RegionLine[] = [{ line: region.line, col: first.column + markerWidth }, ...this.shift(following, this.minimumIndent(following))];
    const position = this.span(body, first.offset);

    const target = TARGET.exec(rest);
    if (target) {
      const label = (target[1] ?? target[2] ?? '').replace(/\\(.)/g, '$1');
      const url = [rest.slice(target[0].length), ...body.slice(1).map((line) => this.content(line))].join('').replace(/\s+/g, '');
      const definition: Definition = { type: 'definition', identifier: normalizeLabel(label), label, url, title: null, position };
      nodes.push(definition as unknown as BlockContent);
      return end;
    }
    const directive = DIRECTIVE.exec(rest);
    if (directive) {
      this.directive(body, directive, position, nodes);
      return end;
    }
    // docutils keeps the first line's text (even empty) and the following lines dedented.
    const value = [this.isBlank(body[0]!) ? '' : this.content(body[0]!), ...this.withoutBlankEdges(body.slice(1)).map((line) => this.rawContent(line))]
      .join('\n')
      .trimEnd();
    const comment: RstComment = { type: 'rstComment', value, position };
    nodes.push(comment);
    return end;
  }

  /** The region line's text after its region column, leading spaces kept (a comment's inner indentation). */
  private rawContent(region: RegionLine): string {
    const rawLine = this.text.slice(this.source.starts[region.line], this.contentEnd[region.line]);
    return expandTabs(rawLine).slice(region.col);
  }

  private directive(body: RegionLine[], match: RegExpExecArray, position: Position, nodes: BlockContent[]): void {
    const name = match[1]!.toLowerCase();
    const headLine: RegionLine = { line: body[0]!.line, col: body[0]!.col + match[0].length };
    const argument = this.isBlank(headLine) ? '' : this.content(headLine);
    // Arguments and options run to the first blank line; the content follows it.
    let blank = 1;
    while (blank < body.length && !this.isBlank(body[blank]!)) blank++;
    const options: Record<string, string> = {};
    const argumentLines: RegionLine[] = [];
    for (const line of body.slice(1, blank)) {
      const option = OPTION.exec(this.content(line));
      if (option) options[option[1]!.trim()] = (option[2] ?? '').trim();
      else argumentLines.push(line);
    }
    const contentLines = body.slice(blank + 1);
    if (CODE_DIRECTIVES.has(name)) {
      const introducer = this.previousParagraphText(nodes);
      const extra: Partial<CodeData> = introducer ? { introducer: introducer.text, introducerPosition: introducer.position } : {};
      nodes.push(this.code([...argumentLines, ...contentLines], 'code-directive', extra, argument.split(/\s+/)[0] || null));
      return;
    }
    const children = ADMONITIONS.has(name)
      ? this.parseRegion([headLine, ...argumentLines, ...(blank < body.length ? [body[blank]!] : []), ...contentLines])
      : this.parseRegion(contentLines);
    const node: RstDirective = { type: 'rstDirective', name, argument: ADMONITIONS.has(name) ? '' : argument, options, children, position };
    nodes.push(node);
  }

  private previousParagraphText(nodes: BlockContent[]): { text: string; position: Position } | undefined {
    const previous = nodes[nodes.length - 1];
    if (previous?.type !== 'paragraph' || !previous.position) return undefined;
    const start = previous.position.start.offset!;
    const end = previous.position.end.offset!;
    const text = this.text.slice(start, end).replace(/\s*(\r\n|\r|\n)\s*/g, '\n');
    return text.endsWith(':') ? { text, position: previous.position } : undefined;
  }

  /** A title with an overline, or a transition; returns `index` when the line is neither. */
  private overlinedTitleOrTransition(lines: RegionLine[], index: number, overline: string, nodes: BlockContent[]): number {
    const titleLine = lines[index + 1];
    const underline = lines[index + 2];
    if (titleLine && underline && !this.isBlank(titleLine) && !this.isBlank(underline) && this.content(underline) === overline) {
      const paragraph = this.paragraphNode([titleLine]);
      nodes.push({
        type: 'heading',
        depth: this.headingDepth(overline[0]! + 'over'),
        children: paragraph.children,
        position: this.span(lines.slice(index, index + 3)),
      });
      return index + 3;
    }
    if (overline.length >= 4 && (titleLine === undefined || this.isBlank(titleLine))) {
      nodes.push({ type: 'thematicBreak', position: this.span([lines[index]!]) });
      return index + 1;
    }
    return index;
  }

  private headingDepth(style: string): 1 | 2 | 3 | 4 | 5 | 6 {
    let level = this.headingStyles.indexOf(style);
    if (level === -1) level = this.headingStyles.push(style) - 1;
    return Math.min(level + 1, 6) as 1 | 2 | 3 | 4 | 5 | 6;
  }

  /** A paragraph, title or definition-list item starting at `index`, then any literal block it opens. */
  private textBlock(lines: RegionLine[], index: number, nodes: BlockContent[]): number {
    const second = lines[index + 1];
    if (second && !this.isBlank(second)) {
      const secondIndent = this.indentOf(second);
      const secondText = this.content(second);
      if (secondIndent === 0 && isAdornment(secondText)) {
        const title = this.content(lines[index]!);
        if (secondText.length >= title.length || secondText.length >= 4) {
          const paragraph = this.paragraphNode([lines[index]!]);
          nodes.push({
            type: 'heading',
            depth: this.headingDepth(secondText[0]! + 'under'),
            children: paragraph.children,
            position: this.span(lines.slice(index, index + 2)),
          });
          return index + 2;
        }
      }
      if (secondIndent > 0) {
        // docutils: a one-line paragraph followed by indented lines is a definition list item (term, definition).
        nodes.push(this.paragraphNode([lines[index]!]));
        const end = this.indentedEnd(lines, index + 1);
        const definition = lines.slice(index + 1, end);
        nodes.push({ type: 'blockquote', children: this.parseRegion(this.shift(definition, this.minimumIndent(definition))), position: this.span(definition) });
        return end;
      }
    }
    let end = index + 1;
    while (end < lines.length && !this.isBlank(lines[end]!) && this.indentOf(lines[end]!) === 0) end++;
    const paragraphLines = lines.slice(index, end);
    const joined = paragraphLines.map((line) => this.lineText(line)).join('\n');
    if (!joined.endsWith('::')) {
      nodes.push(this.paragraphNode(paragraphLines));
      return end;
    }
    const introducerPosition = this.span(paragraphLines);
    let kept: string;
    if (joined.length === 2) kept = '';
    else if (joined[joined.length - 3] === ' ' || joined[joined.length - 3] === '\n') kept = joined.slice(0, -3).trimEnd();
    else kept = joined.slice(0, -1);
    if (kept !== '') nodes.push(this.paragraphNode(paragraphLines, kept.length));
    return this.literalBlock(lines, end, kept, introducerPosition, nodes);
  }

  /** The literal block after a paragraph ending in `::` (indented, or quoted with a punctuation character). */
  private literalBlock(lines: RegionLine[], from: number, introducer: string, introducerPosition: Position, nodes: BlockContent[]): number {
    let start = from;
    while (start < lines.length && this.isBlank(lines[start]!)) start++;
    if (start >= lines.length) {
      this.literalBlocksMissing.push(introducerPosition);
      return start;
    }
    const extra = { introducer, introducerPosition };
    if (this.indentOf(lines[start]!) > 0) {
      const end = this.indentedEnd(lines, start);
      const block = lines.slice(start, end);
      nodes.push(this.code(this.shift(block, this.minimumIndent(block)), 'literal', extra));
      return end;
    }
    const quote = this.content(lines[start]!)[0]!;
    if (!PUNCTUATION.has(quote)) {
      this.literalBlocksMissing.push(introducerPosition);
      return start;
    }
    let end = start;
    while (end < lines.length && !this.isBlank(lines[end]!) && this.indentOf(lines[end]!) === 0 && this.content(lines[end]!)[0] === quote) end++;
    nodes.push(this.code(lines.slice(start, end), 'literal', extra));
    return end;
  }

  /** A paragraph of `lines`; `keep` limits its text to that many characters (the `::` of an introducer removed). */
  private paragraphNode(lines: RegionLine[], keep?: number): Paragraph {
    const segments: Segment[] = [];
    const parts: string[] = [];
    let length = 0;
    for (const line of lines) {
      const part = this.lineText(line);
      segments.push({ textStart: length, fileStart: this.first(line).offset });
      parts.push(part);
      length += part.length + 1;
    }
    let text = parts.join('\n');
    if (keep !== undefined) text = text.slice(0, keep);
    const children = parseInline(text, segments, this.source);
    const startOffset = segments[0]!.fileStart;
    const last = segments.filter((segment) => segment.textStart <= text.length).pop()!;
    const endOffset = last.fileStart + (text.length - last.textStart);
    return { type: 'paragraph', children, position: this.source.position(startOffset, Math.max(startOffset, endOffset)) };
  }
}

/** Whitespace Python's `str.rstrip` removes (ASCII and the Unicode spaces). */
function isWhitespaceCode(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || (code > 127 && /\s/.test(String.fromCharCode(code)));
}

function enumeratorFormat(match: RegExpExecArray): string {
  return match[3] !== undefined ? '()' : match[2]!;
}

function ordinalStart(match: RegExpExecArray): number {
  const ordinal = match[1] ?? match[3] ?? '1';
  const number = Number.parseInt(ordinal, 10);
  return Number.isNaN(number) ? 1 : number;
}

/** Parses a whole document text. */
export function parseRst(text: string): Root {
  return new RstParser(new SourceText(text)).parse();
}

/** unified parser plugin: `unified().use(rstParse).parse(file)` gives an mdast `Root`. */
export const rstParse: Plugin<[], string, Root> = function () {
  this.parser = (_document: string, file: VFile) => parseRst(String(file.value));
};
