import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { detectFlattened, parseFlattened } from './flattened.js';
import { parseMarkdown } from './markdown.js';
import { RstParser } from './rst.js';
import { SourceText } from './source.js';
import type { DocumentFormat } from './types.js';

export { documentFromText, readDocument, type ReadResult } from './read.js';
export { markdownParse } from './markdown.js';
export { rstParse } from './rst.js';

const MARKDOWN_EXTENSIONS = /\.(?:md|markdown)$/i;

/**
 * Parses a document into an mdast tree with exact positions: Markdown for `.md` files, a flattened
 * document (line breaks lost) rebuilt and recorded in `file.data.recovery`, otherwise RST.
 */
export function parseDocument(file: VFile): { tree: Root; format: DocumentFormat } {
  const text = String(file.value ?? '');
  if (MARKDOWN_EXTENSIONS.test(file.path ?? '')) return { tree: parseMarkdown(text), format: 'markdown' };
  const source = new SourceText(text);
  const flattened = detectFlattened(source);
  if (flattened) {
    const { tree, recovery } = parseFlattened(source, flattened);
    file.data.recovery = recovery;
    return { tree, format: 'flattened' };
  }
  return { tree: new RstParser(source).parse(), format: 'rst' };
}
