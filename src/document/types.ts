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
