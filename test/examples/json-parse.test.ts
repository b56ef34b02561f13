import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsesAsJson } from '../../src/document/json-text.js';
import type { SourceLine } from '../../src/document/types.js';
import type { JsonRepairHint } from '../../src/examples/json/types.js';
import { escapePointerToken, parseJsonBlock } from '../../src/examples/json/parse.js';
import { corpusDir, describeWithCorpus } from '../support/shared.js';

/** A block as it would stand in a document: starting at `firstLine`, every line indented by `indent` spaces. */
function block(text: string, firstLine = 10, indent = 4): { lines: SourceLine[]; document: string } {
  const prefix = `${'\n'.repeat(firstLine - 3)}Output::\n\n`;
  let offset = prefix.length;
  const lines = text.split('\n').map((lineText, index) => {
    const line = { text: lineText, line: firstLine + index, column: indent + 1, offset: offset + indent };
    offset += indent + lineText.length + 1;
    return line;
  });
  const document = prefix + lines.map((line) => ' '.repeat(indent) + line.text).join('\n');
  return { lines, document };
}

function parse(text: string) {
  return parseJsonBlock(block(text).lines);
}

const jsonParseThrows = (text: string): boolean => !parsesAsJson(text);

/** The value a JSON pointer designates. */
function resolvePointer(root: unknown, pointer: string): unknown {
  if (pointer === '') return root;
  return pointer
    .slice(1)
    .split('/')
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((value, token) => (value as Record<string, unknown>)[token], root);
}

/** Serializes with whitespace drawn from `spaces` between every token. */
function serialize(value: unknown, spaces: string[]): string {
  let next = 0;
  const space = () => spaces[next++ % spaces.length] ?? '';
  const render = (item: unknown): string => {
    if (Array.isArray(item)) return `[${space()}${item.map((element) => `${render(element)}${space()}`).join(`,${space()}`)}]`;
    if (item !== null && typeof item === 'object') {
      const members = Object.entries(item).map(([key, member]) => `${JSON.stringify(key)}${space()}:${space()}${render(member)}${space()}`);
      return `{${space()}${members.join(`,${space()}`)}}`;
    }
    return JSON.stringify(item);
  };
  return `${space()}${render(value)}${space()}`;
}

const whitespace = fc.array(fc.stringMatching(/^[ \t\r\n]{0,6}$/), { minLength: 1, maxLength: 8 });

describe('parseJsonBlock agrees with JSON.parse', () => {
  it('parses any JSON value serialized with any whitespace, to the same value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), whitespace, fc.integer({ min: 0, max: 8 }), (value, spaces, indent) => {
        const text = serialize(value, spaces);
        const result = parseJsonBlock(block(text, 3, indent).lines);
        expect(result.error).toBeUndefined();
        expect(result.value).toStrictEqual(JSON.parse(text));
      }),
      { numRuns: 300 },
    );
  });

  it('locates every key and value in the document', () => {
    fc.assert(
      fc.property(fc.jsonValue(), whitespace, fc.integer({ min: 0, max: 8 }), (value, spaces, indent) => {
        const { lines, document } = block(serialize(value, spaces), 7, indent);
        const result = parseJsonBlock(lines);
        const parsed = result.value;
        for (const [pointer, location] of result.map!) {
          const valueText = document.slice(location.value.start.offset, location.value.end.offset);
          expect(JSON.parse(valueText)).toStrictEqual(resolvePointer(parsed, pointer));
          const startLine = document.split('\n')[location.value.start.line - 1]!;
          expect(startLine[location.value.start.column - 1]).toBe(valueText[0]);
          if (location.key) {
            const key = JSON.parse(document.slice(location.key.start.offset, location.key.end.offset)) as string;
            expect(pointer.endsWith(`/${escapePointerToken(key)}`)).toBe(true);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  const nearlyJson = fc
    .tuple(fc.jsonValue(), fc.nat(), fc.string({ maxLength: 3 }), fc.nat({ max: 3 }))
    .map(([value, at, insert, remove]) => {
      const text = JSON.stringify(value, null, 2);
      const index = at % (text.length + 1);
      return text.slice(0, index) + insert + text.slice(index + remove);
    });

  it('never throws, and reports an error exactly when JSON.parse throws (elisions and placeholders aside)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: fc.constantFrom(...'{}[]":,. \n-0123456789eEtrufalsn\\<>A') }), nearlyJson), (text) => {
        const result = parse(text);
        if (result.elisions.length > 0 || result.placeholders || result.notes) return;
        expect(result.error !== undefined).toBe(jsonParseThrows(text));
        if (result.error === undefined) expect(result.value).toStrictEqual(JSON.parse(text));
        else expect(result.value).toBeUndefined();
      }),
      { numRuns: 2000 },
    );
  });

  it("sets an author's `# note` aside, and reads a `# ...` one as an elision up to the bracket it stands in", () => {
    const noted = parse('{"Destination": "XRay"}   # as expected');
    expect(noted.error).toBeUndefined();
    expect(noted.value).toEqual({ Destination: 'XRay' });
    expect(noted.notes).toHaveLength(1);
    const elided = parse('{\n  "attempts": [ #... ],\n  # ... more output ...\n  "status": "SUCCEEDED"\n}');
    expect(elided.error).toBeUndefined();
    expect(elided.elisions).toHaveLength(2);
    // A `#` inside a string is text, as ever.
    expect(parse('{"tag": "#1"}').value).toEqual({ tag: '#1' });
    // So is `//`, set aside as a note only between tokens; a lone `/` is no note.
    const slashes = parse('{\n  "PublicIp": "203.0.113.25",  // your Elastic IP\n  "Url": "https://example.com/a"\n}');
    expect(slashes.value).toEqual({ PublicIp: '203.0.113.25', Url: 'https://example.com/a' });
    expect(slashes.notes).toHaveLength(1);
    expect(parse('{"a": 1 / 2}').error).toBeDefined();
    // A note in parentheses on the rest of a line: set aside, an elision where it says something was left out.
    const redacted = parse('{\n  "Items": [\n    {"Id": "a"},\n    (..redacted)\n  ]\n}');
    expect(redacted.error).toBeUndefined();
    expect(redacted.elisions).toHaveLength(1);
    expect(parse('{"a": (1)}').error).toBeDefined();
    // A note in another language that says so too (省略, "omitted"); one that says something else is a note.
    const omitted = parse('{\n  "Command": {\n    "CommandId": "c-1"\n  },\n  //（省略）\n}');
    expect(omitted.error).toBeUndefined();
    expect(omitted.elisions).toHaveLength(1);
    expect(parse('{\n  "PolicyName": "p",  // 策略\n  "Id": "a"\n}').notes).toHaveLength(1);
    // An elision that cut into an object: the brackets after it cannot be counted, so the output is set aside as cut.
    const cutInto = parse('{\n  "jobs": [\n    {\n      "status": "OK",\n      # ... more output ...\n        "exitCode": 0\n      }\n    }\n  ]\n}');
    expect(cutInto.error).toBeUndefined();
    expect(cutInto.value).toBeUndefined();
    // Without an elision before it, a bracket that does not match is an error.
    expect(parse('{"jobs": [{"status": "OK"}}]}').error).toBeDefined();
  });

  it('keeps the JavaScript semantics of JSON.parse for numbers, duplicates and __proto__', () => {
    for (const text of ['12345678901234567890123', '1e400', '-0', '0.1e-400', '{"a":1,"a":{"b":2}}', '{"__proto__":{"x":1}}']) {
      expect(parse(text).value).toStrictEqual(JSON.parse(text));
    }
  });

  it('reads JSON nested 100 levels deep, and sets deeper JSON aside (broken or not) at its 101st bracket, without recursion', () => {
    expect(parse('['.repeat(100) + ']'.repeat(100)).value).toBeDefined();
    const depth = 100_000;
    for (const text of ['['.repeat(depth) + ']'.repeat(depth), '['.repeat(depth)]) {
      const result = parse(text);
      expect(result).toEqual({ elisions: [], tooDeep: { start: expect.objectContaining({ line: 10, column: 105 }), end: expect.objectContaining({ line: 10, column: 106 }) } });
    }
  });
});

describe('positions', () => {
  it('maps pointers to document lines and columns', () => {
    const result = parse('{\n    "Items": [\n        {"Name": "a/b"}\n    ]\n}');
    expect([...result.map!.keys()]).toEqual(['', '/Items', '/Items/0', '/Items/0/Name']);
    expect(result.map!.get('/Items/0/Name')).toEqual({
      key: { start: { line: 12, column: 14, offset: expect.any(Number) }, end: { line: 12, column: 20, offset: expect.any(Number) } },
      value: { start: { line: 12, column: 22, offset: expect.any(Number) }, end: { line: 12, column: 27, offset: expect.any(Number) } },
    });
    expect(result.map!.get('')!.value.end).toMatchObject({ line: 14, column: 6 });
  });

  it('escapes pointer tokens', () => {
    expect([...parse('{"a/b~c": {"": 1}}').map!.keys()]).toEqual(['', '/a~1b~0c', '/a~1b~0c/']);
  });

  it('records duplicate member names and forgets where the earlier value stood', () => {
    const result = parse('{"A": {"B": 1},\n "A": 2}');
    expect(result.value).toEqual({ A: 2 });
    expect(result.duplicates).toEqual([{ start: expect.objectContaining({ line: 11, column: 6 }), end: expect.objectContaining({ line: 11, column: 9 }) }]);
    expect([...result.map!.keys()]).toEqual(['', '/A']);
    expect(result.map!.get('/A')!.value.start).toMatchObject({ line: 11, column: 11 });
  });
});

describe('elisions', () => {
  const cases: Array<[string, unknown, number]> = [
    ['{\n  "Items": [\n    {...},\n    ...\n  ]\n}', { Items: [{}] }, 2],
    ['{ "A": 1, ... }', { A: 1 }, 1],
    ['[\n  1,\n  ...,\n  2\n]', [1, 2], 1],
    ['[\n  1,\n  ...,\n]', [1], 1],
    ['{\n  "A": 1\n  ...\n}', { A: 1 }, 1],
    ['{\n  "A": ...output omitted...,\n  "B": 2\n}', { B: 2 }, 1],
    ['[\n  1,\n  ...some output truncated...\n]', [1], 1],
    ['[\n  1,\n  <...remaining output omitted...>\n]', [1], 1],
    ['["..."]', ['...'], 0],
    // An elision line stands for items with their commas.
    ['[\n  {"A": 1},\n  ...\n  {"A": 2}\n]', [{ A: 1 }, { A: 2 }], 1],
    ['{\n  ...\n  "B": [1]\n}', { B: [1] }, 1],
    ['{\n  "A": [\n    1,\n    (...remaining output omitted...)\n  ]\n}', { A: [1] }, 1],
    // An elision may cut an item short: the closing bracket after it closes what the elided text opened.
    ['[\n  {"A": 1},\n  ...some output truncated...\n  }\n]', [{ A: 1 }], 1],
    ['{\n  "A": 1,\n  ...\n  ]\n}', { A: 1 }, 1],
  ];
  it.each(cases)('%j', (text, value, count) => {
    const result = parse(text);
    expect(result.error).toBeUndefined();
    expect(result.value).toEqual(value);
    expect(result.elisions).toHaveLength(count);
  });

  it('may cut a string short at its line end: the output ends there, with no syntax error', () => {
    for (const text of ['{\n  "Output": "boot log\\r\\\n...', '{\n  "Output": "boot log\n  ...\n}']) {
      const result = parse(text);
      expect(result.error).toBeUndefined();
      expect(result.value).toBeUndefined();
      expect(result.elisions).toHaveLength(1);
    }
    expect(parse('{\n  "Output": "boot log\n  "B": 1\n}').error?.message).toMatch(/^Unterminated string/);
  });

  it('stand where the dots are', () => {
    expect(parse('[\n  1,\n  ...\n]').elisions).toEqual([
      { start: { line: 12, column: 7, offset: expect.any(Number) }, end: { line: 12, column: 10, offset: expect.any(Number) } },
    ]);
  });

  it('are not accepted at the root, glued to a value, or without their comma on the same line', () => {
    expect(parse('...').error).toBeDefined();
    expect(parse('[1 ...]').error?.message).toBe("Expected ',' or ']' after an array element, found '.'");
    expect(parse('{"A": 1, ... "B": 2}').error?.hint).toBe('missing-comma');
    expect(parse('[\n  {"A": 1},\n  (...) output omitted\n]').error).toBeDefined();
    expect(parse('[\n  {"A": 1}\n  }\n]').error?.message).toMatch(/brackets do not match/);
    // A closing bracket after an elision that leaves brackets open at the end was a mismatch after all.
    expect(parse('{\n  "A": [\n    1,\n    ...\n  }').error?.message).toBe("Expected ',' or ']' after an array element, found '}': brackets do not match the '[' at 11:12");
  });
});

describe('placeholders where values stand', () => {
  it('are set aside like elisions, at their place; elsewhere a `<` is still a syntax error', () => {
    const result = parse('{\n  "AccessKeyId": <AWS_ACCESS_KEY_ID>,\n  "Status": "Active",\n  "Ids": [<id one>, 2]\n}');
    expect(result.error).toBeUndefined();
    expect(result.value).toEqual({ Status: 'Active', Ids: [2] });
    expect(result.placeholders?.map((at) => `${at.start.line}:${at.start.column}-${at.end.line}:${at.end.column}`)).toEqual(['11:22-11:41', '13:15-13:23']);
    expect(result.elisions).toEqual([]);
    expect(parse('{\n  <KEY>: 1\n}').error).toBeDefined();
    expect(parse('{"A": <B> 1}').error).toBeDefined();
    expect(parse('<VALUE>').error).toBeDefined();
  });
});

describe('syntax errors', () => {
  const cases: Array<[string, string, JsonRepairHint?]> = [
    ['{\n  "A": 1\n  "B": 2\n}', "12:7-12:8: Expected ',' or '}' after a member: insert ',' at 11:13, after the previous member", 'missing-comma'],
    ['[\n  {}\n  {}\n]', "12:7-12:8: Expected ',' or ']' after an array element: insert ',' at 11:9, after the previous element", 'missing-comma'],
    ['{\n  "A": 1,\n}', "12:5-12:6: Trailing comma before '}': delete the ',' at 11:13", 'trailing-comma'],
    ['[1,]', "10:8-10:9: Trailing comma before ']': delete the ',' at 10:7", 'trailing-comma'],
    ['{\n  "A": "abc\n}', '11:12-11:16: Unterminated string: expected \'"\' before the end of the line'],
    ['{\n  "A": [\n    1', "12:10-12:10: Unexpected end of input: 2 brackets still open (the last is the '[' at 11:12)"],
    ['{"T": 2019-01-01T00:00:00Z}', "10:11-10:31: Unquoted value '2019-01-01T00:00:00Z': strings must be in double quotes"],
    ['{"T": None}', "10:11-10:15: Unquoted value 'None': strings must be in double quotes (the JSON literals are true, false and null)"],
    ['[01]', "10:6-10:8: Invalid number '01': leading zeros are not allowed"],
    ['["a\\x"]', "10:8-10:10: Invalid escape '\\x' in a string"],
    ['["a\tb"]', '10:8-10:9: Control character U+0009 must be escaped in a string'],
    ["{'A': 1}", "10:6-10:7: Expected a member name in double quotes, found a single quote: JSON strings use '\"'"],
    ['{"A" 1}', '10:10-10:11: Expected \':\' after the member name "A", found \'1\''],
    ['{"A": [1}', "10:13-10:14: Expected ',' or ']' after an array element, found '}': brackets do not match the '[' at 10:11"],
    ['{}\n{}', "11:5-11:6: Unexpected '{' after the end of the JSON value"],
    ['', '10:5-10:5: Unexpected end of input: expected a JSON value'],
  ];
  it.each(cases)('%j', (text, expected, hint) => {
    const { error } = parse(text);
    expect(error).toBeDefined();
    expect(`${error!.start.line}:${error!.start.column}-${error!.end.line}:${error!.end.column}: ${error!.message}`).toBe(expected);
    expect(error!.hint).toBe(hint);
    // The repair point is the one the message names.
    if (hint) expect(error!.message).toContain(` at ${error!.repairAt!.line}:${error!.repairAt!.column}`);
    else expect(error!.repairAt).toBeUndefined();
  });
});

/** The indented blocks after an `Output::` paragraph that look like JSON, as SourceLines. */
function* corpusJsonBlocks(): Generator<{ file: string; lines: SourceLine[] }> {
  for (const entry of readdirSync(corpusDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.rst')) continue;
    const file = path.join(entry.parentPath, entry.name);
    const rawLines = readFileSync(file, 'utf8').split('\n');
    const offsets: number[] = [];
    rawLines.reduce((offset, line) => (offsets.push(offset), offset + line.length + 1), 0);
    const text = rawLines.map((line) => line.replace(/\r$/, ''));
    for (let index = 0; index < text.length; index++) {
      if (!/Output::\s*$/.test(text[index]!)) continue;
      let first = index + 1;
      while (first < text.length && text[first]!.trim() === '') first++;
      const indent = /^ */.exec(text[first] ?? '')![0].length;
      if (indent === 0 || !/^\s*[[{]/.test(text[first]!)) continue;
      let last = first;
      while (last + 1 < text.length && (text[last + 1]!.trim() === '' || text[last + 1]!.startsWith(' '.repeat(indent)))) last++;
      while (text[last]!.trim() === '') last--;
      const lines = text
        .slice(first, last + 1)
        .map((lineText, at) => ({ text: lineText.slice(indent), line: first + at + 1, column: indent + 1, offset: offsets[first + at]! + indent }));
      yield { file, lines };
      index = last;
    }
  }
}

describeWithCorpus('parseJsonBlock on the aws-cli corpus', () => {
  it('agrees with JSON.parse on every documented JSON output, elisions aside', () => {
    let blocks = 0;
    for (const { file, lines } of corpusJsonBlocks()) {
      blocks++;
      const text = lines.map((line) => line.text).join('\n');
      const result = parseJsonBlock(lines);
      if (result.elisions.length > 0) continue;
      expect(result.error !== undefined, file).toBe(jsonParseThrows(text));
      if (result.error === undefined) expect(result.value).toStrictEqual(JSON.parse(text));
    }
    expect(blocks).toBeGreaterThan(4000);
  });
});

describe('outputs cut short', () => {
  it('reads an output that ends with an elision inside open brackets as truncated, not as a syntax error', () => {
    const result = parse('{\n    "UserPool": {\n        "Id": "us-west-2_EXAMPLE",\n    ...');
    expect(result.error).toBeUndefined();
    expect(result.value).toBeUndefined();
    expect(result.elisions.map((elision) => elision.start.line)).toEqual([13]);
  });

  it('reads an elision followed only by some of the closing brackets as the output cut there', () => {
    const result = parse('{\n    "Items": [\n        {\n            "A": 1,\n…\n}');
    expect(result.error).toBeUndefined();
    expect(result.elisions).toHaveLength(1);
    // Anything but closing brackets after the elision is still a broken output.
    expect(parse('{\n    "Items": [\n        {\n            "A": 1,\n…\n}\n"B"').error).toBeDefined();
  });

  it('still reports brackets left open without an elision', () => {
    expect(parse('{\n    "UserPool": {\n        "Id": "us-west-2_EXAMPLE"\n').error?.message).toMatch(/^Unexpected end of input: 2 brackets still open/);
  });

  it('takes … (U+2026) for the three dots of an elision, bare or narrated', () => {
    const bare = parse('{\n    "Services": [\n        …\n    ]\n}');
    expect(bare.error).toBeUndefined();
    expect(bare.value).toEqual({ Services: [] });
    const narrated = parse('{\n    "Services": [\n        …output omitted…\n    ],\n    "A": 1\n}');
    expect(narrated.error).toBeUndefined();
    expect(narrated.value).toEqual({ Services: [], A: 1 });
    expect(narrated.elisions.map((elision) => [elision.start.column, elision.end.column])).toEqual([[13, 29]]);
  });
});
