import type { Output } from '../examples/types.js';
import { escapePointerToken } from '../examples/json/parse.js';

/** A `...` line kept where it stood: in the container at `pointer`, after the member or item `after` (null: first). */
interface KeptElision {
  pointer: string;
  after: string | number | null;
  text: string;
}

/** One replacement in a file's text: `[start, end)` offsets become `text`. */
export interface BlockEdit {
  start: number;
  end: number;
  text: string;
}

/**
 * The edit that rewrites a JSON output block with `value`: the block's own indentation, indent step and
 * line endings, and its `...` elision lines kept where they stood. Undefined (with `reason`) when the block
 * cannot be rewritten faithfully.
 */
export function renderOutputEdit(fileText: string, output: Output, value: unknown): BlockEdit | { reason: string } {
  const first = output.lines[0];
  const last = output.lines.at(-1);
  if (!first || !last) return { reason: 'the output block is empty' };
  const elisions = keptElisions(fileText, output);
  if ('reason' in elisions) return elisions;
  const start = fileText.lastIndexOf('\n', first.offset - 1) + 1;
  const blockIndent = fileText.slice(start, first.offset);
  const afterFirst = first.offset + first.text.length;
  const eol = fileText.startsWith('\r\n', afterFirst) ? '\r\n' : '\n';
  const rendered = serialize(value, indentation(fileText, output, blockIndent), elisions, documentedScalar(fileText, output));
  return { start, end: last.offset + last.text.length, text: rendered.map((line) => blockIndent + line).join(eol) };
}

/**
 * The indentation of each nesting depth as the block has it (some blocks indent their first level by 2 and
 * the next by 4); depths the block does not show add its most common step (4 spaces when it has none).
 */
function indentation(fileText: string, output: Output, blockIndent: string): (depth: number) => string {
  const byDepth = new Map<number, string>([[0, '']]);
  for (const [pointer, location] of output.map ?? []) {
    const depth = pointer === '' ? 0 : pointer.split('/').length - 1;
    const start = (location.key ?? location.value).start.offset!;
    const before = fileText.slice(fileText.lastIndexOf('\n', start - 1) + 1, start);
    if (!byDepth.has(depth) && /^[ \t]*$/.test(before) && before.startsWith(blockIndent)) byDepth.set(depth, before.slice(blockIndent.length));
  }
  const step = commonStep(output);
  const at = (depth: number): string => byDepth.get(depth) ?? at(depth - 1) + step;
  return at;
}

/** The most common indentation added after an opening bracket. */
function commonStep(output: Output): string {
  const counts = new Map<string, number>();
  const leading = (text: string) => /^[ \t]*/.exec(text)![0];
  output.lines.forEach((line, index) => {
    const next = output.lines[index + 1];
    if (!next || !/[[{]\s*$/.test(line.text)) return;
    const indent = leading(line.text);
    const nextIndent = leading(next.text);
    if (nextIndent.length > indent.length && nextIndent.startsWith(indent)) {
      const step = nextIndent.slice(indent.length);
      counts.set(step, (counts.get(step) ?? 0) + 1);
    }
  });
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '    ';
}

/** Where each elision stands: the innermost container holding it, and the member or item before it. */
function keptElisions(fileText: string, output: Output): KeptElision[] | { reason: string } {
  const map = output.map;
  const kept: KeptElision[] = [];
  for (const elision of output.json?.elisions ?? []) {
    const at = elision.start.offset!;
    const end = elision.end.offset!;
    const lineStart = fileText.lastIndexOf('\n', at - 1) + 1;
    const lineEnd = fileText.indexOf('\n', end);
    const rest = fileText.slice(end, lineEnd === -1 ? undefined : lineEnd).trim();
    if (fileText.slice(lineStart, at).trim() !== '' || (rest !== '' && rest !== ',')) {
      return { reason: 'an elision shares its line with JSON text' };
    }
    let container: string | undefined;
    let after: string | number | null = null;
    let afterEnd = -1;
    for (const [pointer, location] of map ?? []) {
      const { start, end: valueEnd } = location.value;
      if (start.offset! < at && valueEnd.offset! > end && (container === undefined || pointer.length > container.length)) container = pointer;
    }
    if (container === undefined) return { reason: 'an elision stands outside the JSON value' };
    for (const [pointer, location] of map ?? []) {
      if (!isChildOf(pointer, container)) continue;
      const valueEnd = location.value.end.offset!;
      if (valueEnd <= at && valueEnd > afterEnd) {
        afterEnd = valueEnd;
        const token = unescape(pointer.slice(container.length + 1));
        after = Array.isArray(valueAt(output.value, container)) ? Number(token) : token;
      }
    }
    kept.push({ pointer: container, after, text: fileText.slice(at, end) });
  }
  return kept;
}

function isChildOf(pointer: string, container: string): boolean {
  return pointer.startsWith(`${container}/`) && !pointer.slice(container.length + 1).includes('/');
}

function unescape(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

function valueAt(root: unknown, pointer: string): unknown {
  if (pointer === '') return root;
  return pointer
    .slice(1)
    .split('/')
    .reduce<unknown>((value, token) => (value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[unescape(token)] : undefined), root);
}

/** A scalar the update leaves as it was keeps its documented text (`8.0`, escapes); others are written as JSON. */
function documentedScalar(fileText: string, output: Output): (pointer: string, value: unknown) => string {
  return (pointer, value) => {
    const location = output.map?.get(pointer);
    if (location && valueAt(output.value, pointer) === value) return fileText.slice(location.value.start.offset, location.value.end.offset);
    return JSON.stringify(value);
  };
}

/** JSON lines in the corpus's layout (`"key": value`, `{}` and `[]` when empty), with the kept elisions. */
function serialize(
  value: unknown,
  indentAt: (depth: number) => string,
  elisions: KeptElision[],
  scalarText: (pointer: string, value: unknown) => string,
): string[] {
  const lines: string[] = [];
  const write = (item: unknown, pointer: string, depth: number, prefix: string, suffix: string) => {
    const indent = indentAt(depth);
    if (item === null || typeof item !== 'object') {
      lines.push(`${indent}${prefix}${scalarText(pointer, item)}${suffix}`);
      return;
    }
    const isArray = Array.isArray(item);
    const entries: Array<[string | number, unknown]> = isArray ? item.map((element, index) => [index, element]) : Object.entries(item);
    const here = elisions.filter((elision) => elision.pointer === pointer);
    const placed = (key: string | number | null) => here.filter((elision) => elision.after === key);
    // An elision whose member is gone goes to the end of its container.
    const orphans = here.filter((elision) => elision.after !== null && !entries.some(([name]) => name === elision.after));
    const children: Array<{ entry?: [string | number, unknown]; elision?: string }> = [];
    for (const elision of placed(null)) children.push({ elision: elision.text });
    for (const entry of entries) {
      children.push({ entry });
      for (const elision of placed(entry[0])) children.push({ elision: elision.text });
    }
    for (const elision of orphans) children.push({ elision: elision.text });
    const [open, close] = isArray ? ['[', ']'] : ['{', '}'];
    if (children.length === 0) {
      lines.push(`${indent}${prefix}${open}${close}${suffix}`);
      return;
    }
    lines.push(`${indent}${prefix}${open}`);
    children.forEach((child, index) => {
      const followedBy = children.slice(index + 1);
      if (child.elision !== undefined) {
        // An elision line takes a comma only when a real member follows it.
        lines.push(`${indentAt(depth + 1)}${child.elision}${followedBy.some((next) => next.entry) ? ',' : ''}`);
        return;
      }
      const [key, element] = child.entry!;
      const childPointer = `${pointer}/${escapePointerToken(String(key))}`;
      write(element, childPointer, depth + 1, isArray ? '' : `${JSON.stringify(key)}: `, followedBy.length > 0 ? ',' : '');
    });
    lines.push(`${indent}${close}${suffix}`);
  };
  write(value, '', 0, '', '');
  return lines;
}
