import type { Code, Html, Nodes, Parent, Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified, type Plugin } from 'unified';
import type { VFile } from 'vfile';
import { SourceText } from './source.js';
import type { CodeData, SourceLine } from './types.js';

const markdownProcessor = unified().use(remarkParse);

/** Parses Markdown with remark's parser and gives every code node the same `CodeData` the RST parser gives. */
export function parseMarkdown(text: string): Root {
  // The rewritten text differs only on fence lines, never in a block's content, and keeps every offset.
  const read = asRenderedFences(text);
  const source = new SourceText(read);
  const tree = parseWithContainers(read, source);
  annotateCode(tree, source);
  return tree;
}

/**
 * MkDocs admonitions and content tabs (`!!! note`, `??? tip "Title"`, `=== "AWS CLI"`) hold Markdown indented by four
 * spaces under their opening line. CommonMark reads that as a paragraph's continuation or as indented code; MkDocs
 * (Python-Markdown's admonition and pymdownx's tabbed extensions) renders it as blocks of its own, fences included.
 * Each body is read as a document of its own, its nodes placed where the body stands (positions in the source).
 */
function parseWithContainers(read: string, source: SourceText): Root {
  const tree = markdownProcessor.parse(read);
  if (!CONTAINER_OPENER_ANYWHERE.test(read)) return tree;
  const containers = containerBodies(source, codeLines(tree));
  if (containers.length === 0) return tree;
  // The bodies' lines blanked (same lengths: every offset holds), the rest of the document is read as before.
  let outer = '';
  let from = 0;
  for (const { first, last } of containers) {
    const start = source.starts[first]!;
    const end = source.ends[last]!;
    outer += read.slice(from, start) + read.slice(start, end).replace(/[^\r\n]/g, ' ');
    from = end;
  }
  outer += read.slice(from);
  const outerTree = markdownProcessor.parse(outer);
  for (const container of containers) {
    const body = containerTree(source, container);
    const at = outerTree.children.findIndex((node) => (node.position?.start.offset ?? 0) > source.starts[container.first]!);
    outerTree.children.splice(at < 0 ? outerTree.children.length : at, 0, ...body.children);
  }
  return outerTree;
}

/** `!!! note`, `??? tip "Title"`, `???+ warning`, `=== "Tab"`, `===+ "Tab"`: a line that opens a container. */
const CONTAINER_OPENER = /^([ \t]*)(?:(?:!!!|\?\?\?\+?)[ \t]+[\w-]+(?:[ \t]+[\w-]+)*(?:[ \t]+"[^"\n]*")?|===\+?[ \t]+"[^"\n]*")[ \t]*$/;
const CONTAINER_OPENER_ANYWHERE = new RegExp(CONTAINER_OPENER.source, 'm');

/** The 0-based lines each code block of a tree covers: an opener inside one is the code's text. */
function codeLines(tree: Root): Set<number> {
  const lines = new Set<number>();
  const visit = (node: Nodes) => {
    if (node.type === 'code' && node.position) for (let line = node.position.start.line - 1; line < node.position.end.line; line++) lines.add(line);
    else if ('children' in node) for (const child of node.children as Nodes[]) visit(child);
  };
  visit(tree);
  return lines;
}

interface ContainerBody {
  /** The body's first and last lines (0-based), and the indentation its lines give up (the opener's plus four). */
  first: number;
  last: number;
  indent: number;
}

/** Each container's body: the lines after its opener that are blank or indented four more columns than it. */
function containerBodies(source: SourceText, inCode: ReadonlySet<number>): ContainerBody[] {
  const bodies: ContainerBody[] = [];
  for (let line = 0; line < source.lineCount; line++) {
    const opener = inCode.has(line) ? null : CONTAINER_OPENER.exec(source.lineText(line));
    if (!opener) continue;
    const indent = leadingBlanks(opener[1]!).width + 4;
    let last = line;
    for (let next = line + 1; next < source.lineCount; next++) {
      const text = source.lineText(next);
      if (text.trim() === '') continue;
      if (leadingBlanks(text).width < indent) break;
      last = next;
    }
    if (last === line) continue;
    bodies.push({ first: line + 1, last, indent });
    line = last;
  }
  return bodies;
}

/**
 * A line's leading blanks up to `limit` columns: how many characters they are and how wide, TABs to the next multiple
 * of four (as Python-Markdown reads them).
 */
function leadingBlanks(text: string, limit = Infinity): { chars: number; width: number } {
  let chars = 0;
  let width = 0;
  for (; chars < text.length && width < limit && (text[chars] === ' ' || text[chars] === '\t'); chars++) {
    width = text[chars] === '\t' ? width + 4 - (width % 4) : width + 1;
  }
  return { chars, width };
}

/** A container's body read as a document of its own, its positions moved to where the body stands in the source. */
function containerTree(source: SourceText, body: ContainerBody): Root {
  // How many characters each body line gives up to the container's indentation.
  const removed: number[] = [];
  const lines: string[] = [];
  for (let line = body.first; line <= body.last; line++) {
    const text = source.lineText(line);
    const cut = leadingBlanks(text, body.indent).chars;
    removed.push(cut);
    lines.push(text.slice(cut));
  }
  const bodyText = lines.join('\n');
  const tree = parseWithContainers(bodyText, new SourceText(bodyText));
  const move = (point: { line: number; column: number; offset?: number | undefined }) => {
    const line = body.first + point.line - 1;
    const column = point.column + (removed[point.line - 1] ?? 0);
    point.line = line + 1;
    point.column = column;
    point.offset = source.starts[line]! + column - 1;
  };
  const visit = (node: Nodes) => {
    if (node.position) {
      move(node.position.start);
      move(node.position.end);
    }
    if ('children' in node) for (const child of node.children as Nodes[]) visit(child);
  };
  visit(tree);
  return tree;
}

/**
 * Killercoda and Katacoda scenarios end a fence with an action (```` ```{{exec}} ````, `{{copy}}`), which CommonMark
 * reads as text inside the block. Blanking the action (same length, so every position holds) makes it the close.
 */
const FENCE_ACTION = /^([ \t>]*(?:`{3,}|~{3,}))(\{\{[^{}`\n]*\}\})(?=[ \t]*\r?$)/gm;

/**
 * Jekyll's Liquid code blocks (`{% highlight bash %}` ... `{% endhighlight %}`) render as code: they become fences
 * of the same length (```` ```bash ```` and blanks), so CommonMark reads them as code and every position holds.
 */
const LIQUID_HIGHLIGHT = /^([ \t]{0,3})\{%-?[ \t]*(?:highlight[ \t]+([\w+-]+)[^%\n]*|(endhighlight)[ \t]*)-?%\}[ \t]*(?=\r?$)/gm;

/**
 * Hugo's code shortcodes (`{{< highlight bash >}}`, a theme's `{{< code title="..." >}}` or `{{< code-block lang="bash" >}}`,
 * LocalStack's `{{< command >}}` transcripts, and their closing tags, also written `{{< / command >}}`) render as code too: written as fences the same way, at their own indentation (in a list item too).
 */
const HUGO_CODE_SHORTCODE = /^([ \t]*)\{\{[<%]-?[ \t]*(?:(?:highlight|code-block|code|command)(?![\w-])([^\n]*?)|(\/[ \t]*(?:highlight|code-block|code|command))[ \t]*)-?[>%]\}\}[ \t]*(?=\r?$)/gm;

/** The language a Hugo shortcode's arguments name: `bash` in `highlight bash "linenos=table"`, `lang="sh"`. */
function shortcodeLanguage(args: string): string {
  return /\b(?:lang|language)=["']?([\w+-]+)/.exec(args)?.[1] ?? /^[ \t]+([\w+-]+)(?=[ \t]|$)/.exec(args)?.[1] ?? '';
}

/** The text with Killercoda fence actions and Liquid and Hugo code tags written as the fences they render as. */
function asRenderedFences(text: string): string {
  let read = text;
  if (read.includes('{{')) {
    read = read.replace(FENCE_ACTION, (_, fence: string, action: string) => fence + ' '.repeat(action.length));
    read = read.replace(HUGO_CODE_SHORTCODE, (tag: string, indent: string, args: string | undefined, closing: string | undefined) => {
      const fence = `${indent}\`\`\`${closing === undefined ? shortcodeLanguage(args ?? '') : ''}`;
      return fence + ' '.repeat(Math.max(0, tag.length - fence.length));
    });
  }
  if (read.includes('{%')) {
    read = read.replace(LIQUID_HIGHLIGHT, (tag: string, indent: string, language: string | undefined) => {
      const fence = `${indent}\`\`\`${language ?? ''}`;
      return fence + ' '.repeat(Math.max(0, tag.length - fence.length));
    });
  }
  return read;
}

function annotateCode(parent: Parent, source: SourceText): void {
  parent.children.forEach((child: Nodes, index) => {
    if (child.type === 'code' && child.position) {
      const previous = parent.children[index - 1];
      // micromark keeps CR in code values; RST values (and examples) use `\n` only.
      child.value = child.value.replace(/\r\n?/g, '\n');
      child.data = codeData(child, source, previous?.type === 'paragraph' ? previous : undefined);
      asNestedFence(child);
    } else if (child.type === 'html' && child.position && /<pre\b/i.test(child.value)) {
      const code = preBlock(child, source);
      if (code) parent.children[index] = code;
    } else if ('children' in child) {
      annotateCode(child, source);
    }
  });
}

/** An HTML `<pre>` block's opening tag, with the language its attributes may name. */
const PRE_OPENING = /<pre\b[^>]*>/i;
const PRE_LANGUAGE = /\b(?:data-)?lang(?:uage)?=["']?([\w+-]+)|\bclass=["'][^"']*\b(?:language|lang)-([\w+-]+)/i;
const HTML_ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", nbsp: ' ' };

/**
 * A raw HTML `<pre>` block (`<pre>aws eks update-kubeconfig ...</pre>`) renders as code: it becomes a code node whose
 * lines are the text between the tags, inner tags dropped and entities decoded (positions stay on the source lines).
 */
function preBlock(node: Html, source: SourceText): Code | undefined {
  // CommonMark ends lines at CR too, as the document's lines do.
  const valueLines = node.value.split(/\r\n|\r|\n/);
  // The block may open with other tags (`<div align="center"> <pre>`): the code starts after `<pre ...>`.
  const openingLine = valueLines.findIndex((line) => PRE_OPENING.test(line));
  const opening = PRE_OPENING.exec(valueLines[openingLine]!)!;
  const closingLine = valueLines.findIndex((line, index) => index >= openingLine && /<\/pre>/i.test(index === openingLine ? line.slice(opening.index) : line));
  if (closingLine < 0) return undefined;
  const startLine = node.position!.start.line - 1;
  const lines: SourceLine[] = [];
  for (let index = openingLine; index <= closingLine; index++) {
    const line = startLine + index;
    if (line >= source.lineCount) break;
    let value = valueLines[index]!;
    let offset = contentStart(source, line, value, node.position!.start.column);
    if (index === openingLine) {
      const cut = opening.index + opening[0].length;
      offset += cut;
      value = value.slice(cut);
    }
    const close = value.search(/<\/pre>/i);
    if (index === closingLine) value = value.slice(0, close);
    if (index === openingLine && value.trim() === '') continue;
    const text = value.replace(/<\/?[A-Za-z][^>]*>/g, '').replace(/&(lt|gt|amp|quot|apos|nbsp|#\d+);/g, (entity, name: string) =>
      name.startsWith('#') ? String.fromCharCode(Number(name.slice(1))) : (HTML_ENTITIES[name] ?? entity),
    );
    const point = source.point(offset);
    lines.push({ text, line: point.line, column: point.column, offset });
  }
  while (lines.length > 0 && lines.at(-1)!.text.trim() === '') lines.pop();
  if (lines.length === 0) return undefined;
  const language = PRE_LANGUAGE.exec(opening[0]);
  const data: CodeData = { blockKind: 'fenced', lines };
  return { type: 'code', lang: language?.[1] ?? language?.[2] ?? null, meta: null, value: lines.map((line) => line.text).join('\n'), position: node.position!, data };
}

/** A shell block's info string, or none. */
const SHELL_FENCE = /^(?:(?:ba|z|k)?sh|shell|console|terminal|)$/i;
/** A line that is a fence of its own (```` ```bash ````, ```` ``` ````, `~~~`). */
const FENCE_LINE = /^[ \t]*(?:`{3,}[^`\s]*|~{3,}[^~\s]*)[ \t]*$/;

/**
 * Maps each line of the node's value (what CommonMark says the block holds, after list-item indentation,
 * `>` markers and the fence's own indentation are removed) back to its source line. A fence's content starts
 * on the line after its opening; indented code on its first line.
 */
function codeData(node: Code, source: SourceText, previous: Nodes | undefined): CodeData {
  const startLine = node.position!.start.line - 1;
  const fenced = isFence(source.text, node.position!.start.offset!);
  const firstContentLine = fenced ? startLine + 1 : startLine;
  const lines: SourceLine[] = [];
  const valueLines = node.value === '' ? [] : node.value.split('\n');
  // The node ends on its closing fence, or at the start of the line after its last one (an unclosed fence, indented code).
  const end = node.position!.end;
  const lastContentLine = end.line - 1 - (end.column === 1 ? 1 : 0) - (fenced && end.column > 1 && isClosingFence(source, end.line - 1) ? 1 : 0);
  // micromark's value has a line per source line, except where it merges blank lines (`\r` then blanks): then a value
  // line takes the next source line that shows it (a blank one the next blank line), skipping at most the surplus.
  let surplus = Math.max(0, lastContentLine - firstContentLine + 1 - valueLines.length);
  let line = firstContentLine;
  for (const value of valueLines) {
    let skip = 0;
    while (skip < surplus && !showsValue(source, line + skip, value)) skip++;
    if (skip < surplus || showsValue(source, line + skip, value)) {
      line += skip;
      surplus -= skip;
    }
    if (line >= source.lineCount) break;
    const offset = contentStart(source, line, value, node.position!.start.column);
    const point = source.point(offset);
    lines.push({ text: source.text.slice(offset, source.ends[line]), line: point.line, column: point.column, offset });
    line++;
  }
  // ```` ```bash ```` typed twice: the second opening line is no shell line of the block. (A fence line further down, as
  // one meant to close the block with an info string, stays: bash reads it, and shell-syntax says so.)
  const opening = source.text.slice(source.starts[startLine], source.ends[startLine]);
  const fenceChar = /^[ \t>]*([`~])/.exec(opening)?.[1];
  const doubledOpening = fenced && lines.length > 1 && FENCE_LINE.test(lines[0]!.text) && lines[0]!.text.trimStart().startsWith(fenceChar ?? '\u0000') && SHELL_FENCE.test(node.lang ?? '');
  const data: CodeData = { blockKind: fenced ? 'fenced' : 'literal', lines: doubledOpening ? lines.slice(1) : lines };
  if (previous?.type === 'paragraph' && previous.position) {
    const text = source.text.slice(previous.position.start.offset, previous.position.end.offset);
    if (text.trimEnd().endsWith(':')) {
      data.introducer = text.trimEnd();
      data.introducerPosition = previous.position;
    }
  }
  return data;
}

/**
 * Indented code that is a whole fenced block (```` ```bash ```` ... ```` ``` ````): MkDocs tabs and admonitions
 * (`=== "AWS CLI"`, `!!! note`) indent their content by four spaces, which CommonMark reads as indented code, while
 * the site renders the fence inside it. The block is read as that fence: its language and the lines between.
 */
function asNestedFence(node: Code): void {
  const data = node.data as CodeData;
  if (data.blockKind !== 'literal' || node.lang) return;
  const lines = data.lines;
  const opening = /^[ \t]*(`{3,}|~{3,})[ \t]*([\w+-]*)[^`\n]*$/.exec(lines[0]?.text ?? '');
  let last = lines.length - 1;
  while (last > 0 && lines[last]!.text.trim() === '') last--;
  if (!opening || last < 1) return;
  const fence = opening[1]!;
  if (!new RegExp(`^[ \\t]*${fence[0] === '`' ? '`' : '~'}{${fence.length},}[ \\t]*$`).test(lines[last]!.text)) return;
  const inner = lines.slice(1, last);
  const indent = Math.min(...inner.filter((line) => line.text.trim() !== '').map((line) => /^[ \t]*/.exec(line.text)![0].length), Infinity);
  const shift = Number.isFinite(indent) ? indent : 0;
  const content = inner.map((line) => {
    const cut = line.text.trim() === '' ? Math.min(shift, line.text.length) : shift;
    return { ...line, text: line.text.slice(cut), column: line.column + cut, offset: line.offset + cut };
  });
  node.lang = opening[2] || null;
  node.value = content.map((line) => line.text).join('\n');
  data.lines = content;
  data.blockKind = 'fenced';
}

function isFence(text: string, offset: number): boolean {
  return text.startsWith('```', offset) || text.startsWith('~~~', offset);
}

/** Whether a source line's text ends in a code value line (a blank one: the line is blank, block quote markers aside). */
function showsValue(source: SourceText, line: number, value: string): boolean {
  const text = source.lineText(line);
  return value === '' ? /^[ \t>]*$/.test(text) : text.endsWith(value);
}

/** A fence's closing line (```` ``` ```` or `~~~`, after its indentation and block quote markers). */
function isClosingFence(source: SourceText, line: number): boolean {
  return /^[ \t>]*(?:`{3,}|~{3,})[ \t]*$/.test(source.lineText(line));
}

/**
 * Where a value line starts in its source line. The value is the end of the source line, except where a TAB
 * was only partly consumed by the indentation CommonMark removed: micromark then shows its remaining columns
 * as spaces, and the line is given from that TAB, as written.
 */
function contentStart(source: SourceText, line: number, value: string, nodeColumn: number): number {
  const start = source.starts[line]!;
  const end = source.ends[line]!;
  let offset = end;
  let remaining = value.length;
  while (remaining > 0 && offset > start && source.text[offset - 1] === value[remaining - 1]) {
    offset--;
    remaining--;
  }
  if (remaining === 0) return offset;
  if (/^ +$/.test(value.slice(0, remaining)) && source.text[offset - 1] === '\t') return offset - 1;
  // Not expected from micromark; the node's own column is the best guess left.
  return Math.min(start + nodeColumn - 1, end);
}

/** unified parser plugin: `unified().use(markdownParse).parse(file)`. */
export const markdownParse: Plugin<[], string, Root> = function () {
  this.parser = (_document: string, file: VFile) => parseMarkdown(String(file.value));
};
