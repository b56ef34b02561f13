// Hand-written: a unified diff of two small texts is a few dozen lines of LCS, and no diff package is installed.

interface Operation {
  kind: ' ' | '-' | '+';
  text: string;
  /** 0-based line indexes in the old and new text (the index the next line would have, for lines absent from one). */
  oldIndex: number;
  newIndex: number;
}

const CONTEXT = 3;

/** A unified diff (`--- a/name`, `+++ b/name`, hunks with 3 lines of context); '' when the texts are equal. */
export function unifiedDiff(name: string, before: string, after: string): string {
  if (before === after) return '';
  const oldLines = splitLines(before);
  const newLines = splitLines(after);
  const operations = diffLines(oldLines.lines, newLines.lines);
  const out = [`--- a/${name}`, `+++ b/${name}`];
  for (const hunk of hunks(operations)) {
    const first = hunk[0]!;
    const oldCount = hunk.filter((operation) => operation.kind !== '+').length;
    const newCount = hunk.filter((operation) => operation.kind !== '-').length;
    out.push(`@@ -${range(first.oldIndex, oldCount)} +${range(first.newIndex, newCount)} @@`);
    for (const operation of hunk) {
      out.push(`${operation.kind}${operation.text}`);
      const lastOld = operation.kind !== '+' && operation.oldIndex === oldLines.lines.length - 1 && !oldLines.finalNewline;
      const lastNew = operation.kind !== '-' && operation.newIndex === newLines.lines.length - 1 && !newLines.finalNewline;
      if (lastOld || lastNew) out.push('\\ No newline at end of file');
    }
  }
  return `${out.join('\n')}\n`;
}

function splitLines(text: string): { lines: string[]; finalNewline: boolean } {
  if (text === '') return { lines: [], finalNewline: true };
  const lines = text.split('\n');
  const finalNewline = lines.at(-1) === '';
  if (finalNewline) lines.pop();
  return { lines, finalNewline };
}

/** `start,count` as unified diffs number lines: 1-based, and the line before an empty range. */
function range(index: number, count: number): string {
  const start = count === 0 ? index : index + 1;
  return count === 1 ? `${start}` : `${start},${count}`;
}

/** Line operations from a longest common subsequence of the lines between the common head and tail. */
function diffLines(oldLines: string[], newLines: string[]): Operation[] {
  let head = 0;
  while (head < oldLines.length && head < newLines.length && oldLines[head] === newLines[head]) head++;
  let tail = 0;
  while (tail < oldLines.length - head && tail < newLines.length - head && oldLines[oldLines.length - 1 - tail] === newLines[newLines.length - 1 - tail]) tail++;
  const oldMiddle = oldLines.slice(head, oldLines.length - tail);
  const newMiddle = newLines.slice(head, newLines.length - tail);
  // lengths[i][j]: LCS length of oldMiddle[i..] and newMiddle[j..].
  const lengths = Array.from({ length: oldMiddle.length + 1 }, () => new Uint32Array(newMiddle.length + 1));
  for (let i = oldMiddle.length - 1; i >= 0; i--) {
    for (let j = newMiddle.length - 1; j >= 0; j--) {
      lengths[i]![j] = oldMiddle[i] === newMiddle[j] ? lengths[i + 1]![j + 1]! + 1 : Math.max(lengths[i + 1]![j]!, lengths[i]![j + 1]!);
    }
  }
  const operations: Operation[] = [];
  for (let k = 0; k < head; k++) operations.push({ kind: ' ', text: oldLines[k]!, oldIndex: k, newIndex: k });
  let i = 0;
  let j = 0;
  while (i < oldMiddle.length || j < newMiddle.length) {
    if (i < oldMiddle.length && j < newMiddle.length && oldMiddle[i] === newMiddle[j]) {
      operations.push({ kind: ' ', text: oldMiddle[i]!, oldIndex: head + i++, newIndex: head + j++ });
    } else if (i < oldMiddle.length && (j === newMiddle.length || lengths[i + 1]![j]! >= lengths[i]![j + 1]!)) {
      operations.push({ kind: '-', text: oldMiddle[i]!, oldIndex: head + i++, newIndex: head + j });
    } else {
      operations.push({ kind: '+', text: newMiddle[j]!, oldIndex: head + i, newIndex: head + j++ });
    }
  }
  for (let k = tail; k > 0; k--) {
    operations.push({ kind: ' ', text: oldLines[oldLines.length - k]!, oldIndex: oldLines.length - k, newIndex: newLines.length - k });
  }
  return operations;
}

/** Runs of changes with up to 3 lines of context around them; runs closer than 6 lines share a hunk. */
function hunks(operations: Operation[]): Operation[][] {
  const changed = operations.flatMap((operation, index) => (operation.kind === ' ' ? [] : [index]));
  const result: Operation[][] = [];
  let start = -1;
  let end = -1;
  for (const index of changed) {
    if (start !== -1 && index - CONTEXT <= end + CONTEXT) {
      end = index;
      continue;
    }
    if (start !== -1) result.push(operations.slice(Math.max(0, start - CONTEXT), end + CONTEXT + 1));
    start = index;
    end = index;
  }
  if (start !== -1) result.push(operations.slice(Math.max(0, start - CONTEXT), end + CONTEXT + 1));
  return result;
}
