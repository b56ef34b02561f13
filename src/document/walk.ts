import type { Node, Parent } from 'unist';

/** Calls `visit` on `tree` and every node below it, in document order. */
export function forEachNode(tree: Node, visit: (node: Node) => void): void {
  visit(tree);
  for (const child of (tree as Partial<Parent>).children ?? []) forEachNode(child, visit);
}
