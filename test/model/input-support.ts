import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseAwsCommand } from '../../src/commands/aws.js';
import { readShellCommand } from '../../src/commands/shell.js';
import type { AwsCommand } from '../../src/commands/types.js';
import type { SourceLine } from '../../src/document/types.js';

/** An AwsCommand from plain words, as if written on one line starting at line 1 column 1. */
export function commandOf(text: string): AwsCommand {
  return parseAwsCommand(readShellCommand([{ text, line: 1, column: 1, offset: 0 }]));
}

/**
 * Every `aws` command in an RST file, found by a plain scan (indented lines starting with `aws `,
 * joined while a line ends with `\`): enough to measure the translator over the corpus.
 */
export function scanCommands(text: string): AwsCommand[] {
  const lines = text.split(/\r?\n/);
  const commands: AwsCommand[] = [];
  let offset = 0;
  const starts = lines.map((line) => {
    const start = offset;
    offset += line.length + 1;
    return start;
  });
  for (let index = 0; index < lines.length; index++) {
    const match = /^(\s+)aws\s/.exec(lines[index]!);
    if (!match) continue;
    const indent = match[1]!.length;
    const group: SourceLine[] = [];
    for (let next = index; next < lines.length; next++) {
      const line = lines[next]!;
      group.push({ text: line.slice(indent), line: next + 1, column: indent + 1, offset: starts[next]! + indent });
      if (!line.trimEnd().endsWith('\\')) break;
      index = next + 1;
    }
    commands.push(parseAwsCommand(readShellCommand(group)));
  }
  return commands;
}

export function* corpusFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* corpusFiles(full);
    else if (entry.name.endsWith('.rst')) yield full;
  }
}

export function readText(file: string): string {
  return readFileSync(file, 'utf8');
}
