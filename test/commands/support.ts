import type { SourceLine } from '../../src/document/types.js';

/**
 * A command block as it stands in a document: `text` indented by `indent` spaces, after `before` (earlier
 * document text). Returns the whole document and the block's source lines (indentation removed).
 */
export function indentedBlock(text: string, indent = 4, before = 'Intro::\n\n'): { document: string; lines: SourceLine[] } {
  const firstLine = before.split('\n').length;
  let offset = before.length;
  const lines: SourceLine[] = text.split('\n').map((lineText, index) => {
    const line = { text: lineText, line: firstLine + index, column: indent + 1, offset: offset + indent };
    offset += indent + lineText.length + 1;
    return line;
  });
  const document = before + text.split('\n').map((lineText) => ' '.repeat(indent) + lineText).join('\n');
  return { document, lines };
}
