import type { Code, Nodes, Parent, Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified, type Plugin } from 'unified';
import type { VFile } from 'vfile';
import { SourceText } from './source.js';
import type { CodeData, SourceLine } from './types.js';

const FENCE = /^( {0,3})(`{3,}|~{3,})/;

const markdownProcessor = unified().use(remarkParse);

/** Parses Markdown with remark's parser and gives every code node the same `CodeData` the RST parser gives. */
export function parseMarkdown(text: string): Root {
  const tree = markdownProcessor.parse(text);
  const source = new SourceText(text);
  annotateCode(tree, source);
  return tree;
}

function annotateCode(parent: Parent, source: SourceText): void {
  parent.children.forEach((child: Nodes, index) => {
    if (child.type === 'code' && child.position) {
      const previous = parent.children[index - 1];
      // micromark keeps CR in code values; RST values (and examples) use `\n` only.
      child.value = child.value.replace(/\r\n?/g, '\n');
      child.data = codeData(child, source, previous?.type === 'paragraph' ? previous : undefined);
    } else if ('children' in child) {
      annotateCode(child, source);
    }
  });
}

function codeData(node: Code, source: SourceText, previous: Nodes | undefined): CodeData {
  const startLine = node.position!.start.line - 1;
  const openingLine = source.lineText(startLine);
  const fence = FENCE.exec(openingLine);
  const lines: SourceLine[] = [];
  const valueLines = node.value === '' ? [] : node.value.split('\n');
  // Fenced content starts on the line after the fence; indented code on its first line.
  const firstContentLine = fence ? startLine + 1 : startLine;
  const stripWidth = fence ? fence[1]!.length : 4;
  valueLines.forEach((_, index) => {
    const line = firstContentLine + index;
    if (line >= source.lineCount) return;
    const start = source.starts[line]!;
    const end = source.ends[line]!;
    let offset = start;
    let column = 0;
    while (offset < end && column < stripWidth && (source.text[offset] === ' ' || source.text[offset] === '\t')) {
      column = source.text[offset] === '\t' ? column + 4 - (column % 4) : column + 1;
      offset++;
    }
    lines.push({ text: source.text.slice(offset, end), line: line + 1, column: offset - start + 1, offset });
  });
  const data: CodeData = { blockKind: fence ? 'fenced' : 'literal', lines };
  if (previous?.type === 'paragraph' && previous.position) {
    const text = source.text.slice(previous.position.start.offset, previous.position.end.offset);
    if (text.trimEnd().endsWith(':')) {
      data.introducer = text.trimEnd();
      data.introducerPosition = previous.position;
    }
  }
  return data;
}

/** unified parser plugin: `unified().use(markdownParse).parse(file)`. */
export const markdownParse: Plugin<[], string, Root> = function () {
  this.parser = (_document: string, file: VFile) => parseMarkdown(String(file.value));
};
