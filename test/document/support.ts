import type { Code, Root } from 'mdast';
import type { Node } from 'unist';
import { SourceText } from '../../src/document/source.js';

export function allNodes(tree: Node): Node[] {
  const nodes: Node[] = [tree];
  for (const child of (tree as { children?: Node[] }).children ?? []) nodes.push(...allNodes(child));
  return nodes;
}

export function codeNodes(tree: Root): Code[] {
  return allNodes(tree).filter((node): node is Code => node.type === 'code');
}

/** Problems with positions: outside the text, start after end, or line/column not matching the offset. */
export function positionProblems(tree: Root, text: string): string[] {
  const source = new SourceText(text);
  const problems: string[] = [];
  const checkPoint = (point: { line: number; column: number; offset?: number }, what: string) => {
    const offset = point.offset ?? -1;
    if (offset < 0 || offset > text.length) problems.push(`${what}: offset ${offset} outside the text`);
    const expected = source.point(offset);
    if (expected.line !== point.line || expected.column !== point.column) {
      problems.push(`${what}: ${point.line}:${point.column} but offset ${offset} is ${expected.line}:${expected.column}`);
    }
  };
  for (const node of allNodes(tree)) {
    if (!node.position) {
      problems.push(`${node.type}: no position`);
      continue;
    }
    checkPoint(node.position.start, `${node.type} start`);
    checkPoint(node.position.end, `${node.type} end`);
    if ((node.position.start.offset ?? 0) > (node.position.end.offset ?? 0)) problems.push(`${node.type}: start after end`);
    if (node.type === 'code') {
      for (const line of (node as Code).data?.lines ?? []) {
        if (text.slice(line.offset, line.offset + line.text.length) !== line.text) problems.push(`code line ${line.line}: text differs from the source`);
        checkPoint(line, 'code line');
      }
    }
  }
  return problems;
}
