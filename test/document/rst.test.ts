import fc from 'fast-check';
import type { Heading, Link, LinkReference, List, Paragraph } from 'mdast';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/document/index.js';
import { documentFromText } from '../../src/document/read.js';
import { parseRst, rstParse } from '../../src/document/rst.js';
import type { RstComment, RstDirective } from '../../src/document/types.js';
import { allNodes, codeNodes, positionProblems } from './support.js';

/** A command as it stands once its block indentation is removed. */
const command = 'aws ec2 describe-things \\\n    --thing-id t-1';
const indented = (text: string, by: string) => text.replace(/^/gm, by);

describe('literal blocks', () => {
  it('opens a literal block after `text::`, keeping `text:` in the paragraph', () => {
    const text = `Output::\n\n    {\n        "A": 1\n    }\n\nAfter.\n`;
    const tree = parseRst(text);
    const [paragraph, code, after] = tree.children;
    expect(paragraph?.type).toBe('paragraph');
    expect((paragraph as Paragraph).children).toMatchObject([{ type: 'text', value: 'Output:' }]);
    expect(code).toMatchObject({ type: 'code', value: '{\n    "A": 1\n}', data: { blockKind: 'literal', introducer: 'Output:' } });
    expect(after?.type).toBe('paragraph');
    expect(positionProblems(tree, text)).toEqual([]);
  });

  it('drops ` ::` and a lone `::` paragraph', () => {
    const tree = parseRst(`Run this ::\n\n${indented(command, '    ')}\n\n::\n\n    second\n`);
    expect(tree.children.map((node) => node.type)).toEqual(['paragraph', 'code', 'code']);
    expect((tree.children[0] as Paragraph).children).toMatchObject([{ value: 'Run this' }]);
    expect(codeNodes(tree).map((code) => code.data?.introducer)).toEqual(['Run this', '']);
    expect(codeNodes(tree)[0]!.value).toBe(command);
  });

  it('ends a literal block at the first line indented at or less than the paragraph', () => {
    const tree = parseRst('Text::\n\n  a\n    b\n\n  c\nback\n');
    expect(codeNodes(tree).map((code) => code.value)).toEqual(['a\n  b\n\nc']);
  });

  it('reads `- Output::` inside a list item from the item text column', () => {
    const text = '- Command::\n\n    aws s3 ls\n\n- Output::\n\n    {}\n';
    const tree = parseRst(text);
    expect(tree.children[0]?.type).toBe('list');
    expect(codeNodes(tree).map((code) => [code.value, code.data?.introducer])).toEqual([
      ['aws s3 ls', 'Command:'],
      ['{}', 'Output:'],
    ]);
    expect(positionProblems(tree, text)).toEqual([]);
  });

  it('keeps a one-line term followed by indented lines as a definition (no literal block, as docutils)', () => {
    expect(codeNodes(parseRst('Output::\n    {}\n'))).toEqual([]);
  });

  it('reads a quoted literal block', () => {
    expect(codeNodes(parseRst('Quoted::\n\n> one\n> two\n\nAfter.\n')).map((code) => code.value)).toEqual(['> one\n> two']);
  });

  it('reads code directives with a language and options', () => {
    const tree = parseRst('Example:\n\n.. code-block:: json\n   :linenos:\n\n   {"a": 1}\n\n.. code::\n\n  aws s3 ls\n');
    expect(codeNodes(tree).map((code) => [code.value, code.lang, code.data?.blockKind])).toEqual([
      ['{"a": 1}', 'json', 'code-directive'],
      ['aws s3 ls', null, 'code-directive'],
    ]);
    expect(codeNodes(tree)[0]!.data?.introducer).toBe('Example:');
  });

  it('turns block quotes holding an `aws` command into block-quote code', () => {
    const tree = parseRst(`Run:\n\n${indented('$ ' + command, '  ')}\n\nQuoted prose:\n\n    Just a quote.\n`);
    expect(codeNodes(tree).map((code) => [code.value, code.data?.blockKind])).toEqual([[`$ ${command}`, 'block-quote']]);
    expect(tree.children[3]?.type).toBe('blockquote');
  });

  it('expands TABs to multiples of 8 in values and keeps them in source lines', () => {
    const text = 'Tabs::\n\n\taws s3 ls\n\t  --x\n';
    const [code] = codeNodes(parseRst(text));
    expect(code!.value).toBe('aws s3 ls\n  --x');
    expect(code!.data?.lines?.map((line) => line.text)).toEqual(['aws s3 ls', '  --x']);
    expect(positionProblems(parseRst(text), text)).toEqual([]);
  });

  it('reads CRLF, lone CR and no final newline with exact positions', () => {
    for (const ending of ['\r\n', '\r', '\n']) {
      const text = ['**Example 1: A title**', '', 'Command::', '', '    aws s3 ls \\', '        --recursive', '', 'Output::', '', '    {}'].join(ending);
      const tree = parseRst(text);
      const codes = codeNodes(tree);
      expect(codes.map((code) => code.value)).toEqual(['aws s3 ls \\\n    --recursive', '{}']);
      expect(codes[0]!.data?.lines?.map((line) => [line.line, line.column])).toEqual([
        [5, 5],
        [6, 5],
      ]);
      expect(positionProblems(tree, text)).toEqual([]);
    }
  });
});

describe('other nodes', () => {
  it('reads headings, inline markup, links, references and targets', () => {
    const text = [
      'Title',
      '=====',
      '',
      'Some **bold**, *italic*, ``code``, `a link <https://example.com/a>`__, `initiate-auth`_ and http://example.com/b.',
      '',
      '.. _initiate-auth: https://example.com/c',
    ].join('\n');
    const tree = parseRst(text);
    expect((tree.children[0] as Heading).depth).toBe(1);
    const types = allNodes(tree).map((node) => node.type);
    for (const type of ['strong', 'emphasis', 'inlineCode', 'link', 'linkReference', 'definition']) expect(types).toContain(type);
    const links = allNodes(tree).filter((node): node is Link => node.type === 'link');
    expect(links.map((link) => link.url)).toEqual(['https://example.com/a', 'http://example.com/b']);
    expect(links.map((link) => text.slice(link.position!.start.offset, link.position!.end.offset))).toEqual([
      '`a link <https://example.com/a>`__',
      'http://example.com/b',
    ]);
    expect(allNodes(tree).find((node): node is LinkReference => node.type === 'linkReference')?.identifier).toBe('initiate-auth');
    expect(tree.children.at(-1)).toMatchObject({ type: 'definition', identifier: 'initiate-auth', url: 'https://example.com/c' });
    expect(positionProblems(tree, text)).toEqual([]);
  });

  it('reads comments and directives', () => {
    const text = '.. docs-harness-disable-next-line non-ascii -- a reason\n\n.. note::\n\n   Inside a note::\n\n       aws s3 ls\n';
    const tree = parseRst(text);
    expect(tree.children[0]).toMatchObject({ type: 'rstComment', value: 'docs-harness-disable-next-line non-ascii -- a reason' } satisfies Partial<RstComment>);
    const directive = tree.children[1] as RstDirective;
    expect(directive).toMatchObject({ type: 'rstDirective', name: 'note' });
    expect(codeNodes(tree).map((code) => code.value)).toEqual(['aws s3 ls']);
    expect(positionProblems(tree, text)).toEqual([]);
  });

  it('reads bullet and enumerated lists', () => {
    const tree = parseRst('- one\n- two\n\n1. first\n2. second\n\n(a) x\n(b) y\n');
    const lists = tree.children as List[];
    expect(lists.map((list) => [list.ordered, list.children.length])).toEqual([
      [false, 2],
      [true, 2],
      [true, 2],
    ]);
  });

  it('is a unified parser plugin', () => {
    const tree = unified().use(rstParse).parse('Hello::\n\n    aws s3 ls\n');
    expect(codeNodes(tree)).toHaveLength(1);
  });
});

/** Text built from RST-significant pieces, so the generator reaches the interesting paths. */
const rstText = fc
  .array(
    fc.oneof(
      fc.constantFrom('::', ' ::', 'Output::', '- ', '* ', '1. ', '#. ', '(a) ', '.. ', '.. code:: json', '.. note::', '.. _x: ', '**', '*', '``', '`', '`a <http://x>`__', '_', '===', '----'),
      fc.constantFrom('\n', '\r\n', '\r', '\t', '    ', '  ', ' ', '\n\n'),
      fc.constantFrom('aws s3 ls', '$ aws ', '{', '}', '"a": 1', 'é', '\u05d0', '😀', '\\'),
      fc.string({ maxLength: 6 }),
      fc.string({ unit: 'grapheme', maxLength: 4 }),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

describe('parseDocument on arbitrary text', () => {
  it('never throws and gives positions inside the text, consistent with lines and columns', () => {
    fc.assert(
      fc.property(rstText, fc.constantFrom('doc.rst', 'doc.md'), (text, name) => {
        const { file } = documentFromText(name, text);
        const value = String(file.value);
        const { tree } = parseDocument(file);
        expect(positionProblems(tree, value)).toEqual([]);
      }),
      { numRuns: 1500 },
    );
  });

  it('never throws on unrestricted strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        const { tree } = parseDocument(documentFromText('doc.rst', text).file);
        expect(positionProblems(tree, text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });
});
