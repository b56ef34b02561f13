import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { SourceLine } from '../../src/document/types.js';
import { splitCommands } from '../../src/commands/shell.js';

export interface CorpusCommand {
  file: string;
  lines: SourceLine[];
}

function exampleFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.rst'))
    .sort()
    .map((name) => path.join(dir, name));
}

/**
 * The `aws` commands of the corpus, found by a plain scan (no document parser): the indented block after a
 * line ending in `::`, dedented, split by `splitCommands`; groups that start with `aws` or `$ aws`.
 */
export function corpusCommands(dir: string): CorpusCommand[] {
  const commands: CorpusCommand[] = [];
  for (const file of exampleFiles(dir)) {
    const source = readFileSync(file, 'utf8');
    const lines: SourceLine[] = [];
    let offset = 0;
    for (const [index, raw] of source.split('\n').entries()) {
      lines.push({ text: raw.replace(/\r$/, ''), line: index + 1, column: 1, offset });
      offset += raw.length + 1;
    }
    for (let i = 0; i < lines.length; i++) {
      if (!/::[ \t]*$/.test(lines[i]!.text)) continue;
      let end = i + 1;
      while (end < lines.length && (lines[end]!.text.trim() === '' || /^[ \t]/.test(lines[end]!.text))) end++;
      const block = lines.slice(i + 1, end);
      const indent = Math.min(...block.filter((l) => l.text.trim() !== '').map((l) => /^[ \t]*/.exec(l.text)![0].length));
      if (!Number.isFinite(indent)) continue;
      const dedented = block.map((l) => {
        const cut = l.text.trim() === '' ? l.text.length : indent;
        return { text: l.text.slice(cut), line: l.line, column: cut + 1, offset: l.offset + cut };
      });
      for (const group of splitCommands(dedented)) {
        if (/^(?:\$[ \t]+)?aws(?:[ \t]|$)/.test(group[0]!.text)) commands.push({ file: path.relative(dir, file), lines: group });
      }
      i = end - 1;
    }
  }
  return commands;
}
