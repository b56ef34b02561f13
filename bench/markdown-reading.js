// Commands read: how many of the `aws` / `awslocal` commands in a folder of Markdown documents the harness reads.
// Counts the commands itself with a plain line scan written apart from the harness (fenced and indented code
// blocks; a command word where a shell command starts: line start, after a prompt, `$(`, a backtick, `|`, `&&`,
// `||`, `;`, `sudo`, `time`, `env X=y`, `X=$(`, PowerShell's `$x = `, `then`/`do`/`else`), then compares by line with the commands
// `extract --format json` reports. Complete commands in inline code (service, operation, an option) are
// counted apart. Issue #10's target: ≥ 95 % of the commands in code blocks read.
//
//   node bench/markdown-reading.js <folder> [--harness bin/docs-harness.js] [--quiet]
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : fallback;
};
const harness = path.resolve(option('harness', path.join(root, 'bin/docs-harness.js')));
const quiet = args.includes('--quiet');
const folder = args.find((arg, index) => !arg.startsWith('--') && args[index - 1] !== '--harness');
if (!folder || !existsSync(folder) || !statSync(folder).isDirectory()) {
  console.log(`markdown-reading skipped: no folder ${folder ?? '(none given)'}`);
  process.exit(0);
}

// Fence languages whose lines are never shell commands.
const notShell = new Set(['json', 'jsonc', 'json5', 'yaml', 'yml', 'text', 'txt', 'plaintext', 'output', 'xml', 'html', 'javascript', 'js', 'jsx', 'typescript', 'ts', 'tsx', 'python', 'py', 'java', 'go', 'golang', 'csharp', 'cs', 'ruby', 'rb', 'php', 'rust', 'hcl', 'terraform', 'tf', 'toml', 'ini', 'sql', 'graphql', 'css', 'diff', 'log', 'csv', 'mermaid', 'dockerfile', 'makefile', 'kotlin', 'swift', 'c', 'cpp', 'scala']);
const consoleLike = new Set(['console', 'shell-session', 'sh-session', 'terminal', 'bash-session']);
const powershellLike = new Set(['powershell', 'pwsh', 'ps1', 'ps']);
const cmdLike = new Set(['cmd', 'bat', 'batch', 'dos']);

/** Code blocks: { language, lines: [{ number, text }] } */
function codeBlocks(lines) {
  const blocks = [];
  let fence;
  let previousBlank = true;
  let lastTextWasListItem = false;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    const quote = /^((?:\s*>)*)/.exec(raw)[1];
    const line = raw.slice(quote.length);
    if (fence) {
      const closing = /^\s*(`{3,}|~{3,})\s*$/.exec(line);
      if (closing && closing[1][0] === fence.char && closing[1].length >= fence.length) {
        blocks.push(fence.block);
        fence = undefined;
      } else {
        const strip = Math.min(fence.indent, line.length - line.trimStart().length);
        fence.block.lines.push({ number: i + 1, text: line.slice(strip) });
      }
      continue;
    }
    const opening = /^(\s*(?:[-*+]\s+|\d+[.)]\s+)?)(`{3,}|~{3,})\s*([^`\s{]*)?/.exec(line);
    if (opening && !(opening[2][0] === '`' && line.slice(opening[0].length).includes('`'))) {
      fence = { char: opening[2][0], length: opening[2].length, indent: opening[1].length, block: { language: (opening[3] ?? '').toLowerCase().replace(/^language-/, ''), lines: [] } };
      previousBlank = false;
      continue;
    }
    // An indented code block: 4+ spaces after a blank line, not the continuation of a list item.
    if (previousBlank && !lastTextWasListItem && /^( {4}|\t)/.test(line) && line.trim()) {
      const block = { language: '', lines: [] };
      let j = i;
      for (; j < lines.length && (/^( {4}|\t)/.test(lines[j]) || !lines[j].trim()); j++) block.lines.push({ number: j + 1, text: lines[j].replace(/^( {4}|\t)/, '') });
      blocks.push(block);
      i = j - 1;
      previousBlank = false;
      continue;
    }
    if (line.trim()) {
      if (!/^\s/.test(line)) lastTextWasListItem = /^([-*+]|\d+[.)])\s/.test(line);
      else if (/^\s*([-*+]|\d+[.)])\s/.test(line)) lastTextWasListItem = true;
      previousBlank = false;
    } else previousBlank = true;
  }
  if (fence) blocks.push(fence.block);
  return blocks;
}

const commandWord = String.raw`(?:aws|awslocal)(?=[ \t]+\S)`;
// Where a shell command may start inside a line (after the line's own start and prompt).
const startsInside = new RegExp(String.raw`(?:\$\(\s*|\x60|\|\|?\s*|&&\s*|;\s*|\b(?:then|do|else)\s+|[({]\s+|\bcmd(?:\.exe)?\s+\/[cCkK]\s+")(?:(?:sudo|time)\s+|env\s+(?:\w+=\S*\s+)*|\w+=\S*\s+)*${commandWord}`, 'g');
// PowerShell assigns a command's output with `$name = aws ...`.
const startsLine = new RegExp(String.raw`^\s*(?:(?:sudo|time|exec|then|do|else|!)\s+|env\s+(?:\w+=\S*\s+)*|(?:export\s+)?\w+=\S*\s+|\$[\w:]+\s*=\s*|[({]\s*)*${commandWord}`);

/** The prompt at the start of a code line, or '' when there is none. */
function prompt(text, language) {
  const match =
    /^\s*(PS(?: [^>]*)?>\s?|[A-Za-z]:\\[^>]*>\s?|└──╼ ?\$ ?|(?:\S*[\w~\])] ?)?\$ (?:[A-Za-z]:\\[^>]*>\s?)?|% |[$~]> )/.exec(text) ??
    (consoleLike.has(language) ? /^\s*# /.exec(text) : null);
  return match ? match[0] : '';
}

function countCommands(text) {
  const lines = text.split(/\r?\n/);
  const found = [];
  for (const block of codeBlocks(lines)) {
    if (notShell.has(block.language.split(/[^a-z0-9-]/)[0])) continue;
    const continuation = powershellLike.has(block.language) ? /`\s*$/ : cmdLike.has(block.language) ? /\^\s*$/ : /\\\s*$/;
    let continued = false;
    for (const { number, text: line } of block.lines) {
      const lead = prompt(line, block.language);
      const body = line.slice(lead.length);
      // Where each command's `aws` word stands: one command per word, however many patterns find it.
      const wordAt = (match) => match.index + match[0].length - (match[0].endsWith('awslocal') ? 8 : 3);
      const starts = [];
      const atLineStart = continued ? null : startsLine.exec(body);
      if (atLineStart) starts.push(wordAt(atLineStart));
      for (const match of body.matchAll(startsInside)) starts.push(wordAt(match));
      const unique = [...new Set(starts)];
      for (let k = 0; k < unique.length; k++) found.push(number);
      continued = continuation.test(line) && !/^\s*#/.test(body);
    }
  }
  return found;
}

function countInline(text) {
  const lines = text.split(/\r?\n/);
  const inCode = new Set(codeBlocks(lines).flatMap((block) => block.lines.map((line) => line.number)));
  const found = [];
  lines.forEach((line, index) => {
    if (inCode.has(index + 1) || /^( {4}|\t)/.test(line)) return;
    for (const match of line.matchAll(/(`+)([^`]+)\1/g)) {
      if (/^\s*(?:sudo\s+)?(?:aws|awslocal)\s+[a-z0-9-]+\s+[a-z0-9-]+\s.*--[a-z]/.test(match[2])) found.push(index + 1);
    }
  });
  return found;
}

function markdownFiles(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? markdownFiles(path.join(dir, entry.name)).map((name) => path.join(entry.name, name)) : /\.(md|markdown)$/i.test(entry.name) ? [entry.name] : []))
    .sort();
}

/** Every command the harness reports: objects with an `argv` and a `line`, wherever the schema puts them. */
function harnessCommandLines(node, out = []) {
  if (Array.isArray(node)) node.forEach((item) => harnessCommandLines(item, out));
  else if (node && typeof node === 'object') {
    if (Array.isArray(node.argv) && typeof node.line === 'number') out.push(node.line);
    for (const value of Object.values(node)) harnessCommandLines(value, out);
  }
  return out;
}

const files = markdownFiles(folder);
const run = spawnSync(process.execPath, [harness, 'extract', ...files.map((file) => path.join(folder, file)), '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 30 });
if (!run.stdout) {
  console.log(`extract failed: ${run.stderr.trim().split('\n').at(-1)}`);
  process.exit(1);
}
const extracted = new Map(JSON.parse(run.stdout).files.map((file) => [path.relative(path.resolve(folder), path.resolve(file.path)), harnessCommandLines(file)]));

const total = { counted: 0, read: 0, inline: 0, inlineRead: 0, extra: 0 };
const rows = [];
for (const file of files) {
  const text = readFileSync(path.join(folder, file), 'utf8');
  const counted = countCommands(text);
  const inline = countInline(text);
  const reported = new Map();
  for (const line of extracted.get(file) ?? []) reported.set(line, (reported.get(line) ?? 0) + 1);
  const take = (line) => {
    if (!reported.get(line)) return false;
    reported.set(line, reported.get(line) - 1);
    return true;
  };
  const missed = counted.filter((line) => !take(line));
  const inlineMissed = inline.filter((line) => !take(line));
  const extra = [...reported].flatMap(([line, left]) => Array(left).fill(line));
  total.counted += counted.length;
  total.read += counted.length - missed.length;
  total.inline += inline.length;
  total.inlineRead += inline.length - inlineMissed.length;
  total.extra += extra.length;
  rows.push({ file, counted: counted.length, read: counted.length - missed.length, missed, inline: inline.length, inlineMissed, extra });
}

console.log(`harness ${harness}; ${files.length} Markdown files in ${folder}`);
if (!quiet) {
  console.log(`${'file'.padEnd(72)} ${'cmds'.padStart(4)} ${'read'.padStart(4)}  missed (line) | inline read/all | harness lines not counted here`);
  for (const row of rows) {
    console.log(
      `${row.file.slice(0, 72).padEnd(72)} ${String(row.counted).padStart(4)} ${String(row.read).padStart(4)}  ${row.missed.join(',') || '-'} | ${row.inline - row.inlineMissed.length}/${row.inline} | ${row.extra.join(',') || '-'}`,
    );
  }
}
const percent = (part, whole) => (whole ? ((100 * part) / whole).toFixed(1) : '-');
console.log(`commands in code blocks: ${total.counted}, read by the harness: ${total.read} (${percent(total.read, total.counted)} %), missed: ${total.counted - total.read}`);
console.log(`complete commands in inline code: ${total.inline}, read: ${total.inlineRead} (${percent(total.inlineRead, total.inline)} %)`);
console.log(`harness commands on lines not counted here: ${total.extra}`);
