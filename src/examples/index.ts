import path from 'node:path';
import type { Code, Nodes, Paragraph, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import { firstAwsLine, readCommandsInBlock } from '../commands/index.js';
import type { CodeData, DocumentFormat, Position, SourceLine } from '../document/types.js';
import { parseJsonBlock } from './json/parse.js';
import { isNoOutputSentence } from './no-output.js';
import { classifyOutput } from './output-kind.js';
import type { JsonValueMap } from './json/types.js';
import type { Example, ExampleDocument, Link, Output } from './types.js';

/**
 * Splits a parsed document into examples. A new example starts at a title (a paragraph that is only
 * `**bold**`, or a heading) or at the start of the file; blocks are given their role by content first
 * (`aws ...` is a command) and then by the paragraph that introduces them (`Output::`, `Contents of ``x``::`).
 */
export function extractExamples(tree: Root): Example[] {
  const examples: Example[] = [];
  let current = newExample(0, null, undefined, tree.position);

  const startExample = (title: string, titlePosition: Position | undefined) => {
    if (current.title !== null || hasContent(current)) examples.push(current);
    current = newExample(examples.length, title, titlePosition, titlePosition);
  };

  for (const block of blocksInOrder(tree)) {
    extendTo(current, block.position);
    if (block.type === 'heading') {
      startExample(toString(block).trim(), block.position);
    } else if (block.type === 'paragraph') {
      const title = titleOf(block);
      if (title !== undefined) startExample(title, block.position);
      else readParagraph(current, block);
    } else if (block.type === 'code') {
      readCodeBlock(current, block);
    } else if (block.type === 'rstDirective' && /^(note|important|warning|tip)$/i.test(block.name)) {
      current.notes.push(toString(block).trim());
    }
  }
  if (current.title !== null || hasContent(current)) examples.push(current);
  examples.forEach((example, index) => (example.index = index));
  return examples;
}

/** Reads a whole document: the tree and its examples. */
export function buildExampleDocument(filePath: string, file: VFile, tree: Root, format: DocumentFormat): ExampleDocument {
  return { path: filePath, format, file, tree, examples: extractExamples(tree) };
}

type Block = Extract<Nodes, { type: 'heading' | 'paragraph' | 'code' | 'rstDirective' }>;

/** Block-level nodes in document order, looking inside lists, block quotes and directives. */
function* blocksInOrder(node: Nodes): Generator<Block> {
  if (!('children' in node)) return;
  for (const child of node.children as Nodes[]) {
    if (child.type === 'heading' || child.type === 'paragraph' || child.type === 'code') yield child;
    else if (child.type === 'rstDirective') {
      yield child;
      // A note's own paragraphs belong to the note; code inside a directive is still a block of the example.
      for (const inner of blocksInOrder(child)) if (inner.type === 'code') yield inner;
    } else yield* blocksInOrder(child);
  }
}

function newExample(index: number, title: string | null, titlePosition: Position | undefined, position: Position | undefined): Example {
  const example: Example = {
    index,
    title,
    position: position ? { start: { ...position.start }, end: { ...position.end } } : startOfFile(),
    commands: [],
    outputs: [],
    files: [],
    links: [],
    notes: [],
  };
  if (titlePosition) example.titlePosition = titlePosition;
  const number = title ? /^Example\s+(\d+)\b/i.exec(title) : null;
  if (number) example.titleNumber = Number(number[1]);
  return example;
}

function startOfFile(): Position {
  return { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };
}

function hasContent(example: Example): boolean {
  return example.commands.length > 0 || example.outputs.length > 0 || example.files.length > 0;
}

function extendTo(example: Example, position: Position | undefined): void {
  if (position && position.end.offset! > example.position.end.offset!) example.position.end = { ...position.end };
}

/** `**Example 1: To do a thing**` alone in a paragraph. */
function titleOf(paragraph: Paragraph): string | undefined {
  const meaningful = paragraph.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''));
  if (meaningful.length !== 1 || meaningful[0]!.type !== 'strong') return undefined;
  return toString(meaningful[0]).trim();
}

function readParagraph(example: Example, paragraph: Paragraph): void {
  const links = linksIn(paragraph);
  example.links.push(...links);
  const text = toString(paragraph).replace(/\s+/g, ' ').trim();
  if (/^For more information\b/i.test(text) && links[0] && !example.reference) example.reference = links[0];
  // Every wording says "output"; most paragraphs do not, and skip the sentence grammar.
  if (paragraph.position && /output/i.test(text) && sentencesOf(text).some(isNoOutputSentence)) {
    example.outputs.push({
      kind: 'none',
      position: paragraph.position,
      raw: text,
      lines: [],
      // A sentence before the first command speaks of the command to come.
      commandIndex: Math.max(example.commands.length - 1, 0),
    });
  }
}

function sentencesOf(text: string): string[] {
  return text.split(/(?<=[.!])\s+/);
}

function linksIn(node: Nodes): Link[] {
  const links: Link[] = [];
  const visit = (current: Nodes) => {
    if (current.type === 'link' && current.position) {
      links.push({ url: current.url, text: toString(current), position: current.position });
    }
    if ('children' in current) for (const child of current.children as Nodes[]) visit(child);
  };
  visit(node);
  return links;
}

const outputIntroducer = /\b(output|result|results|response)\b/i;
// `Contents of ``x.json``:`, also with more words after the name (`... with line breaks added for readability:`).
const fileIntroducer = /^(?:[-*]\s*)?(?:the\s+)?contents of\s+(?:the\s+)?(?:file\s+)?``?([^`\s]+?)``?(?:[\s,].*)?:?$/i;
// A file name alone (``output.json``::): the block is that file (an outfile, an input file), not the command's output.
const fileNameIntroducer = /^``([^`\s]+\.[A-Za-z0-9]+)``:?$/;

function readCodeBlock(example: Example, code: Code): void {
  const data = code.data as CodeData | undefined;
  if (!data || !code.position) return;
  const { lines } = data;
  const introducer = (data.introducer ?? '').trim();
  // Content first: a block that starts with `aws` is commands; one that holds `aws` lines after some shell
  // set-up or prose is commands too, unless its introducer says it is output (which may quote a command).
  const awsLine = firstAwsLine(lines);
  // The sentence that ends in `::` says what the block is; earlier ones may speak of other outputs.
  const outputIntroduced = outputIntroducer.test(lastSentenceOf(introducer));
  if (awsLine === 0 || (awsLine > 0 && !outputIntroduced)) {
    for (const { command } of readCommandsInBlock(lines)) example.commands.push(command);
    return;
  }
  const file = fileIntroducer.exec(introducer) ?? fileNameIntroducer.exec(introducer);
  if (file) {
    example.files.push({ name: path.posix.basename(file[1]!.trim()), raw: code.value, position: code.position, lines });
    return;
  }
  const followsCommand = example.commands.length > 0;
  if (outputIntroduced || (followsCommand && introducer === '' && /^\s*[[{]/.test(code.value))) {
    const kind = classifyOutput(code.value);
    const output: Output = {
      kind,
      position: code.position,
      raw: code.value,
      lines,
      commandIndex: example.commands.length - 1,
    };
    if (data.introducer !== undefined) output.introducer = data.introducer;
    if (kind === 'json') readJson(output, lines);
    example.outputs.push(output);
  }
}

/**
 * Most outputs are strict JSON and most never need a position (only findings do), so the native parser
 * reads them and the positioned parse runs on first use of `map`. Text that is not strict JSON
 * (elisions, syntax errors) gets the positioned parse at once. The two parsers agree on what is valid
 * (a property test holds them to it).
 */
function readJson(output: Output, lines: SourceLine[]): void {
  let strict: unknown;
  try {
    strict = JSON.parse(lines.map((line) => line.text).join('\n'));
  } catch {
    const json = parseJsonBlock(lines);
    output.json = json;
    if (json.value !== undefined) output.value = json.value;
    if (json.map) output.map = json.map;
    return;
  }
  output.value = strict;
  let map: JsonValueMap | undefined;
  const positions = () => (map ??= parseJsonBlock(lines).map);
  // Strict JSON has no syntax error and no elision by definition; only the positions wait.
  output.json = {
    value: strict,
    elisions: [],
    get map() {
      return positions();
    },
  };
  Object.defineProperty(output, 'map', { get: positions, enumerable: true, configurable: true });
}

function lastSentenceOf(text: string): string {
  return text.split(/(?<=[.!?])\s+/).at(-1) ?? '';
}
