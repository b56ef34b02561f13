import type { BlockContent, Literal as MdastLiteral, Parent as MdastParent } from 'mdast';
import type { Point, Position } from 'unist';

export type { Point, Position };

/** The format a document was read as. `flattened` is a document whose line breaks were lost and were rebuilt. */
export type DocumentFormat = 'rst' | 'markdown' | 'flattened';

/**
 * One line of a block's content, as it stands in the original text.
 * `text` is the raw source text of the line after the block's common indentation is removed
 * (TABs kept as written, no line ending); `line`/`column`/`offset` locate the first character of
 * `text` in the original document (1-based line and column, 0-based offset in `file.value`).
 */
export interface SourceLine {
  text: string;
  line: number;
  column: number;
  offset: number;
}

/** How a code node came to be. */
export type BlockKind = 'literal' | 'code-directive' | 'block-quote' | 'fenced' | 'recovered';

/**
 * Extra data carried by every mdast `code` node our parsers produce.
 * `value` of the node is the docutils-identical content (TABs expanded to multiples of 8, dedented,
 * trailing blank lines dropped); `lines` maps each line of the content back to the source.
 */
export interface CodeData {
  blockKind: BlockKind;
  /** The text of the paragraph that introduced the block (e.g. `Output::`), without the `::`; empty for a lone `::`. */
  introducer?: string;
  /** Position of the introducing paragraph. */
  introducerPosition?: Position;
  lines: SourceLine[];
}

type DocumentCodeData = CodeData;

/** Where a document recovered from flattened form stood damaged. */
export interface Recovery {
  /** Text before the document that belongs to no example (stray words, a split file path). */
  strayText?: Position;
  /** The line that held the whole document. */
  flattenedAt: Position;
}

/** An RST directive other than the code directives (`.. note::`, `.. warning::`, ...). */
export interface RstDirective extends MdastParent {
  type: 'rstDirective';
  name: string;
  /** The text after `name::` on the first line ('' when absent). */
  argument: string;
  options: Record<string, string>;
  children: BlockContent[];
}

/** An RST comment: `.. anything that is not a directive or target`; `value` is its text without `.. `. */
export interface RstComment extends MdastLiteral {
  type: 'rstComment';
}

declare module 'mdast' {
  interface RootContentMap {
    rstDirective: RstDirective;
    rstComment: RstComment;
  }
  interface BlockContentMap {
    rstDirective: RstDirective;
    rstComment: RstComment;
  }
  // Our parsers put CodeData on every code node they make.
  interface CodeData extends Partial<DocumentCodeData> {}
  interface RootData {
    /** Paragraphs ending in `::` that no literal block follows (docutils: "Literal block expected; none found."). */
    literalBlocksMissing?: Position[];
  }
}

declare module 'vfile' {
  interface DataMap {
    recovery: Recovery;
  }
}
