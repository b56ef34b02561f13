import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { readShellCommand } from '../../src/commands/shell.js';
import { corpusDir, describeWithCorpus } from '../support/shared.js';
import { corpusCommands } from './corpus.js';

/** Text bash could do more with than split words and remove quotes: such commands are left out of the comparison. */
const SHELL_METACHARACTERS = /[$`|;&<>()]/;
const BASH = ['/bin/bash', '/usr/bin/bash'].find((candidate) => existsSync(candidate));
const RECORD_END = '\0';
const COMMAND_START = '\x01';

/**
 * Makes bash harmless before it reads any example text: no globbing, no PATH, every builtin but `printf`
 * disabled, and `~` expanding to itself. Lines bash reads as further commands (parameter lines after a missing
 * continuation) then fail with "command not found" and run nothing.
 */
const PRELUDE = [
  'set -f',
  "HOME='~'",
  'PATH=/nonexistent',
  'readonly PATH HOME',
  'for builtin in $(compgen -b); do case $builtin in printf|enable) ;; *) enable -n "$builtin" ;; esac; done',
  'enable -n enable',
  '',
].join('\n');

/**
 * bash's words for each command text (its leading `aws` replaced by `printf`), in one bash process. Each command
 * is preceded by a marker record, so the result holds every command bash reached: lines after a command (output
 * pasted into the block, a lone `}`) can be a syntax error that stops bash once it has printed that command's words.
 */
function bashWords(commandTexts: string[], workDir: string): string[][] {
  const script = PRELUDE + commandTexts.map((text) => `printf '${COMMAND_START}\\0'\nprintf '%s\\0' ${text.replace(/^aws/, '')}\n\n`).join('');
  const result = spawnSync(BASH!, ['--noprofile', '--norc', '-s'], {
    input: script,
    cwd: workDir,
    env: { PATH: '/nonexistent', LC_ALL: 'C' },
    maxBuffer: 256 * 1024 * 1024,
  });
  const commands: string[][] = [];
  for (const record of result.stdout.toString('utf8').split(RECORD_END).slice(0, -1)) {
    if (record === COMMAND_START) commands.push([]);
    else commands.at(-1)?.push(record);
  }
  return commands;
}

describeWithCorpus('shell reader over the corpus', () => {
  test('every word of every command stands in the file where its raw text is', () => {
    const files = new Map<string, string>();
    let words = 0;
    for (const { file, lines } of corpusCommands(corpusDir)) {
      if (!files.has(file)) files.set(file, readFileSync(path.join(corpusDir, file), 'utf8'));
      const source = files.get(file)!;
      for (const word of readShellCommand(lines).intendedWords) {
        if (word.start.line !== word.end.line) continue;
        expect(source.slice(word.start.offset, word.end.offset), `${file}:${word.start.line}`).toBe(word.raw);
        words++;
      }
    }
    expect(words).toBeGreaterThan(40_000);
  });
});

describeWithCorpus('bash conformance over the corpus', () => {
  const workDir = mkdtempSync(path.join(tmpdir(), 'docs-harness-bash-'));
  afterAll(() => rmSync(workDir, { recursive: true, force: true }));

  test.skipIf(BASH === undefined)('argv equals the words bash passes, for every metacharacter-free command', () => {
    const commands = corpusCommands(corpusDir)
      .map((command) => ({ ...command, shell: readShellCommand(command.lines) }))
      .filter(({ shell }) => !SHELL_METACHARACTERS.test(shell.text) && !shell.issues.some((issue) => issue.kind === 'unbalanced-quote'));
    const texts = commands.map(({ shell }) => shell.text);
    const words: string[][] = [];
    let bashRuns = 0;
    while (words.length < texts.length) {
      const reached = bashWords(texts.slice(words.length, words.length + 1000), workDir);
      bashRuns++;
      if (reached.length === 0) throw new Error(`bash printed nothing for ${commands[words.length]!.file}`);
      words.push(...reached);
    }
    const differences: string[] = [];
    commands.forEach(({ file, lines, shell }, index) => {
      const expected = ['aws', ...words[index]!];
      if (JSON.stringify(expected) !== JSON.stringify(shell.argv)) {
        differences.push(`${file}:${lines[0]!.line}: bash ${JSON.stringify(expected)} ≠ reader ${JSON.stringify(shell.argv)}`);
      }
    });
    console.info(`bash conformance: ${commands.length} commands compared in ${bashRuns} bash runs, ${differences.length} differ`);
    expect(commands.length).toBeGreaterThan(6000);
    expect(differences.slice(0, 20)).toEqual([]);
  });
});

describeWithCorpus('placeholders against bash -n over the corpus', () => {
  test.skipIf(BASH === undefined)('an unquoted <placeholder> is an error exactly where bash -n refuses the command', () => {
    // `bash -n` only parses: nothing is run.
    const checked = corpusCommands(corpusDir)
      .map(({ file, lines }) => ({ file, shell: readShellCommand(lines) }))
      .flatMap(({ file, shell }) => {
        const placeholder = shell.issues.find((issue) => issue.kind === 'placeholder-redirection' || issue.kind === 'placeholder-syntax-error');
        return placeholder === undefined ? [] : [{ file, text: shell.text, refusedAsRead: placeholder.kind === 'placeholder-syntax-error' }];
      });
    const differences = checked.filter(({ text, refusedAsRead }) => (spawnSync(BASH!, ['-n'], { input: `${text}\n`, env: { PATH: '/nonexistent' } }).status !== 0) !== refusedAsRead);
    console.info(`placeholders: ${checked.length} commands compared with bash -n, ${differences.length} differ`);
    expect(checked.length).toBeGreaterThan(10);
    expect(differences.map(({ file, text }) => `${file}: ${text}`)).toEqual([]);
  });
});
