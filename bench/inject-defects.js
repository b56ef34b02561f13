// Injected defects: how well `check` finds one defect, and how many more findings that one defect causes.
// Takes a seeded random sample of aws-cli corpus files that have no error under the build measured, copies
// each into a temp folder (keeping <service>/<operation>.rst), injects ONE defect per copy, runs `check` on
// originals and copies, and counts per defect kind: detected (a new finding at the defect's line), and
// collateral (new findings beyond the first one the defect causes). Issue #10's target: collateral ≤ 5 %
// of defects. Needs ../shared beside the checkout (skips otherwise); no network.
//
//   node bench/inject-defects.js [--harness bin/docs-harness.js] [--count 300] [--seed 1] [--verbose]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

const root = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const option = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : fallback;
};
const harness = path.resolve(option('harness', path.join(root, 'bin/docs-harness.js')));
const count = Number(option('count', '300'));
const seed = Number(option('seed', '1'));
const verbose = process.argv.includes('--verbose');
const shared = path.resolve(root, '../shared/corpus/aws-cli');
const corpus = path.join(shared, 'examples');
const models = path.join(shared, 'botocore-data');
if (!existsSync(corpus) || !existsSync(models)) {
  console.log(`inject-defects skipped: ${corpus} or ${models} is absent`);
  process.exit(0);
}

// mulberry32: a small seeded generator, so a run can be repeated exactly.
let state = seed >>> 0;
function random() {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (items) => items[Math.floor(random() * items.length)];
function shuffle(items) {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

// ---- Reading an RST example file (independently of the harness): lines, literal blocks, commands, outputs.
function splitLines(text) {
  return text.split(/(?<=\n)/).map((raw) => {
    const eol = raw.endsWith('\r\n') ? '\r\n' : raw.endsWith('\n') ? '\n' : '';
    return { text: raw.slice(0, raw.length - eol.length), eol };
  });
}
const joinLines = (lines) => lines.map((line) => line.text + line.eol).join('');
const indentOf = (text) => text.length - text.trimStart().length;

/** Literal blocks: { intro (the paragraph line ending in ::), start, end } as 0-based line indexes, end exclusive. */
function literalBlocks(lines) {
  const blocks = [];
  for (let i = 0; i < lines.length; i++) {
    if (!/::\s*$/.test(lines[i].text)) continue;
    const base = indentOf(lines[i].text);
    let j = i + 1;
    while (j < lines.length && lines[j].text.trim() === '') j++;
    const start = j;
    while (j < lines.length && (lines[j].text.trim() === '' || indentOf(lines[j].text) > base)) j++;
    let end = j;
    while (end > start && lines[end - 1].text.trim() === '') end--;
    if (end > start) blocks.push({ intro: lines[i].text.trim(), start, end });
  }
  return blocks;
}

/** aws commands in literal blocks: { start, end } line indexes (end inclusive), following quotes and `\`+newline. */
function commands(lines, blocks) {
  const found = [];
  for (const block of blocks) {
    for (let i = block.start; i < block.end; i++) {
      if (!/^aws\s/.test(lines[i].text.trim())) continue;
      let quote = '';
      let j = i;
      for (; j < block.end; j++) {
        const text = lines[j].text;
        let continued = false;
        for (let k = 0; k < text.length; k++) {
          const c = text[k];
          if (quote === "'") {
            if (c === "'") quote = '';
          } else if (c === '\\') {
            if (k === text.length - 1) continued = true;
            k++;
          } else if (quote === '"') {
            if (c === '"') quote = '';
          } else if (c === '"' || c === "'") quote = c;
        }
        if (!quote && !continued) break;
      }
      found.push({ start: i, end: Math.min(j, block.end - 1) });
      i = j;
    }
  }
  return found;
}
const outputBlocks = (blocks) => blocks.filter((block) => /^Output::$/.test(block.intro));

// ---- The service models, for required members and enums.
const modelCache = new Map();
const cliToModelFolder = { s3api: 's3', configservice: 'config', deploy: 'codedeploy' };
function loadModel(service) {
  if (modelCache.has(service)) return modelCache.get(service);
  let model;
  const folder = path.join(models, cliToModelFolder[service] ?? service);
  if (existsSync(folder)) {
    const version = readdirSync(folder).sort().at(-1);
    const file = path.join(folder, version, 'service-2.json.gz');
    const plain = path.join(folder, version, 'service-2.json');
    if (existsSync(file)) model = JSON.parse(gunzipSync(readFileSync(file)).toString('utf8'));
    else if (existsSync(plain)) model = JSON.parse(readFileSync(plain, 'utf8'));
  }
  modelCache.set(service, model);
  return model;
}
// botocore's xform_name with '-'.
function kebab(name) {
  const special = /[A-Z]{2,}s$/.exec(name);
  if (special) name = `${name.slice(0, -special[0].length)}-${special[0].toLowerCase()}`;
  return name
    .replace(/(.)([A-Z][a-z]+)/g, '$1-$2')
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase();
}
/** The CLI options of a command's operation: option name → { required, enum }. */
function operationOptions(commandText) {
  const words = commandText.split(/\s+/);
  const [, service, operation] = words;
  const model = service && loadModel(service);
  if (!model) return undefined;
  const name = Object.keys(model.operations).find((candidate) => kebab(candidate) === operation);
  const input = name && model.operations[name].input;
  if (!input) return undefined;
  const shape = model.shapes[input.shape];
  const options = new Map();
  for (const [member, reference] of Object.entries(shape.members ?? {})) {
    const target = model.shapes[reference.shape];
    options.set(`--${kebab(member)}`, {
      required: (shape.required ?? []).includes(member),
      enum: target?.type === 'string' ? target.enum : undefined,
    });
  }
  return options;
}

// ---- The defect kinds. Each returns undefined when the file offers no place for it, else
// { lines (the copy), first, last (1-based lines of the copy where a finding counts as detecting it), toOriginal }
// where toOriginal maps a line of the copy back to the original's.
const kinds = {
  'drop-continuation': (lines, { cmds }) => {
    const sites = cmds.flatMap((cmd) => range(cmd.start, cmd.end).filter((i) => / \\$/.test(lines[i].text) && /^\s+--/.test(lines[i + 1]?.text ?? '')));
    if (!sites.length) return undefined;
    const i = pick(sites);
    return edit(lines, i, lines[i].text.replace(/\s*\\$/, ''), i + 1, i + 2);
  },
  'space-after-continuation': (lines, { cmds }) => {
    const sites = cmds.flatMap((cmd) => range(cmd.start, cmd.end).filter((i) => /\\$/.test(lines[i].text)));
    if (!sites.length) return undefined;
    const i = pick(sites);
    return edit(lines, i, `${lines[i].text}  `, i + 1, i + 1);
  },
  'unbalanced-quote': (lines, { cmds }) => {
    // A plain option value gets an opening quote and no closing one.
    // Only in commands without quotes, so the quote left open is the injected one.
    const sites = cmds.filter((cmd) => !/["']/.test(commandText(lines, cmd))).flatMap((cmd) => range(cmd.start, cmd.end).flatMap((i) => [...lines[i].text.matchAll(/ --[a-z0-9-]+ ([A-Za-z0-9_.:/-]+)(?= |$)/g)].map((m) => [i, m.index + m[0].length - m[1].length])));
    if (!sites.length) return undefined;
    const [i, at] = pick(sites);
    const text = lines[i].text;
    return edit(lines, i, `${text.slice(0, at)}"${text.slice(at)}`, i + 1, i + 1);
  },
  'misspelt-parameter': (lines, { cmds }) => {
    const sites = cmds.flatMap((cmd) => {
      const options = operationOptions(commandText(lines, cmd));
      if (!options) return [];
      return range(cmd.start, cmd.end).flatMap((i) => [...lines[i].text.matchAll(/(?<= )--([a-z0-9-]+)(?=[ =]|$)/g)].filter((m) => options.has(`--${m[1]}`) && /[a-z]{2}/.test(m[1])).map((m) => [i, m.index, m[0]]));
    });
    if (!sites.length) return undefined;
    const [i, at, word] = pick(sites);
    // Swap two adjacent different letters: never a prefix of the right name, so never an accepted abbreviation.
    const spots = range(2, word.length - 2).filter((k) => /[a-z]/.test(word[k]) && /[a-z]/.test(word[k + 1]) && word[k] !== word[k + 1]);
    if (!spots.length) return undefined;
    const k = pick(spots);
    const misspelt = word.slice(0, k) + word[k + 1] + word[k] + word.slice(k + 2);
    const text = lines[i].text;
    return edit(lines, i, text.slice(0, at) + misspelt + text.slice(at + word.length), i + 1, i + 1);
  },
  'removed-required-parameter': (lines, { cmds }) => {
    // A required option on a continuation line of its own (ending in `\`) is deleted with its line.
    const sites = cmds.flatMap((cmd) => {
      const options = operationOptions(commandText(lines, cmd));
      if (!options) return [];
      return range(cmd.start + 1, cmd.end).filter((i) => {
        const match = /^\s+(--[a-z0-9-]+)(?:[ =].*)? \\$/.exec(lines[i].text);
        // One option and its whole value on that line: the next line starts another option.
        const optionCount = (lines[i].text.match(/(^|\s)--/g) ?? []).length;
        const given = commandText(lines, cmd).split(/[\s=]+/).filter((word) => word === match?.[1]).length;
        return match && optionCount === 1 && given === 1 && options.get(match[1])?.required && /^\s+--/.test(lines[i + 1].text);
      }).map((i) => [cmd, i]);
    });
    if (!sites.length) return undefined;
    const [cmd, i] = pick(sites);
    const copy = lines.slice();
    copy.splice(i, 1);
    return { lines: copy, first: cmd.start + 1, last: cmd.end, toOriginal: (line) => (line > i ? line + 1 : line) };
  },
  'invalid-enum': (lines, { cmds }) => {
    const sites = cmds.flatMap((cmd) => {
      const options = operationOptions(commandText(lines, cmd));
      if (!options) return [];
      return range(cmd.start, cmd.end).flatMap((i) => [...lines[i].text.matchAll(/(?<= )(--[a-z0-9-]+)[ =]([A-Za-z0-9_.-]+)(?= |$)/g)].filter((m) => options.get(m[1])?.enum?.includes(m[2])).map((m) => [i, m.index + m[0].length - m[2].length, m[2]]));
    });
    if (!sites.length) return undefined;
    const [i, at, value] = pick(sites);
    const text = lines[i].text;
    return edit(lines, i, `${text.slice(0, at)}NOT_A_VALUE${text.slice(at + value.length)}`, i + 1, i + 1);
  },
  'json-missing-comma': (lines, { outputs }) => {
    const sites = outputs.flatMap((block) => range(block.start, block.end - 2).filter((i) => /,$/.test(lines[i].text) && /^\s*"/.test(lines[i + 1].text)));
    if (!sites.length) return undefined;
    const i = pick(sites);
    return edit(lines, i, lines[i].text.replace(/,$/, ''), i + 1, i + 2);
  },
  'json-trailing-comma': (lines, { outputs }) => {
    const sites = outputs.flatMap((block) => range(block.start + 1, block.end - 2).filter((i) => /[^,{[\s]$/.test(lines[i].text) && /^\s*[}\]]/.test(lines[i + 1].text)));
    if (!sites.length) return undefined;
    const i = pick(sites);
    return edit(lines, i, `${lines[i].text},`, i + 1, i + 2);
  },
  'unknown-output-key': (lines, { outputs }) => {
    const sites = outputs.flatMap((block) => range(block.start + 1, block.end - 1).filter((i) => /^\s*"[A-Za-z0-9]+": [^{[]/.test(lines[i].text)));
    if (!sites.length) return undefined;
    const i = pick(sites);
    const text = lines[i].text;
    const at = indentOf(text);
    return edit(lines, i, `${text.slice(0, at)}"NoSuchMemberXyz": 1, ${text.slice(at)}`, i + 1, i + 1);
  },
  'wrong-typed-output-value': (lines, { outputs }) => {
    const sites = outputs.flatMap((block) => range(block.start + 1, block.end - 1).filter((i) => /^\s*"[A-Za-z0-9]+": (-?\d+(\.\d+)?|true|false),?$/.test(lines[i].text)));
    if (!sites.length) return undefined;
    const i = pick(sites);
    return edit(lines, i, lines[i].text.replace(/: (-?\d+(\.\d+)?|true|false)(,?)$/, ': "not-a-number"$3'), i + 1, i + 1);
  },
  'backslash-in-single-quotes': (lines, { cmds }) => {
    // A single-quoted JSON value wrapped after each of its commas with `\`+newline, as authors wrap long values.
    const sites = cmds.flatMap((cmd) =>
      range(cmd.start, cmd.end).flatMap((i) => {
        const match = / '([{[][^']*?, [^']*)'/.exec(lines[i].text);
        return match ? [[i, match.index + 2, match.index + 2 + match[1].length]] : [];
      }),
    );
    if (!sites.length) return undefined;
    const [i, from, to] = pick(sites);
    const text = lines[i].text;
    const indent = ' '.repeat(indentOf(text) + 4);
    const parts = text.slice(from, to).split(/(?<=, )/);
    const wrapped = parts.map((part, k) => (k === 0 ? text.slice(0, from) : indent) + (k < parts.length - 1 ? `${part}\\` : part + text.slice(to)));
    const copy = lines.slice();
    copy.splice(i, 1, ...wrapped.map((line) => ({ text: line, eol: lines[i].eol || '\n' })));
    const added = wrapped.length - 1;
    const toOriginal = (line) => (line <= i + 1 ? line : line <= i + 1 + added ? i + 1 : line - added);
    return { lines: copy, first: i + 1, last: i + 1 + added, toOriginal };
  },
};

function range(from, to) {
  const out = [];
  for (let i = from; i <= to; i++) out.push(i);
  return out;
}
function commandText(lines, cmd) {
  return range(cmd.start, cmd.end).map((i) => lines[i].text.replace(/\\$/, '')).join(' ').trim();
}
function edit(lines, index, text, first, last) {
  const copy = lines.slice();
  copy[index] = { ...copy[index], text };
  return { lines: copy, first, last, toOriginal: (line) => line };
}

// ---- Running check.
function check(folder) {
  const run = spawnSync(process.execPath, [harness, 'check', folder, '--models', models, '--format', 'json'], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  if (run.status === 2 || !run.stdout) throw new Error(`check failed: ${run.stderr.trim().split('\n').at(-1)}`);
  const byFile = new Map();
  // Reports name files relative to the working folder (or absolute): resolve them from there.
  for (const file of JSON.parse(run.stdout).files) byFile.set(path.relative(folder, path.resolve(file.path)), file.messages);
  if (!byFile.size) throw new Error(`check reported no files under ${folder}`);
  return byFile;
}

function listCorpus() {
  const files = [];
  for (const service of readdirSync(corpus, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort()) {
    const folder = path.join(corpus, service);
    for (const name of readdirSync(folder).sort()) if (name.endsWith('.rst') && !name.startsWith('_')) files.push(`${service}/${name}`);
  }
  return files;
}

const temp = mkdtempSync(path.join(os.tmpdir(), 'docs-harness-inject-'));
try {
  // 1. Candidates: a seeded sample, checked as copies laid out like the corpus; keep those without an error.
  const candidates = shuffle(listCorpus()).slice(0, count * 3);
  const originals = path.join(temp, 'originals');
  candidates.forEach((file, index) => {
    const target = path.join(originals, String(index), file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, readFileSync(path.join(corpus, file)));
  });
  const before = check(originals);
  const clean = candidates
    .map((file, index) => ({ file, key: path.join(String(index), file) }))
    .filter(({ key }) => (before.get(key) ?? []).every((message) => message.severity !== 'error'));

  // 2. One defect per copy; kinds take turns, each over the clean files in their shuffled order.
  const kindNames = Object.keys(kinds);
  const quota = Math.ceil(count / kindNames.length);
  const defects = [];
  const copies = path.join(temp, 'copies');
  for (const kind of kindNames) {
    let made = 0;
    for (const candidate of clean) {
      if (made >= quota || defects.length >= count) break;
      const lines = splitLines(readFileSync(path.join(corpus, candidate.file), 'utf8'));
      const blocks = literalBlocks(lines);
      const injected = kinds[kind](lines, { cmds: commands(lines, blocks), outputs: outputBlocks(blocks) });
      if (!injected) continue;
      const key = path.join(String(defects.length), candidate.file);
      mkdirSync(path.dirname(path.join(copies, key)), { recursive: true });
      writeFileSync(path.join(copies, key), joinLines(injected.lines));
      defects.push({ kind, ...candidate, copyKey: key, ...injected, lines: undefined });
      made++;
    }
  }

  // 3. Compare each copy's findings with its original's (lines mapped back), as a multiset of (rule, severity, line, message).
  const after = check(copies);
  const tally = new Map(kindNames.map((kind) => [kind, { defects: 0, detected: 0, collateral: 0, withCollateral: 0, undetected: [] }]));
  for (const defect of defects) {
    const original = new Map();
    for (const message of before.get(defect.key) ?? []) {
      const id = `${message.ruleId}|${message.severity}|${message.line}|${message.message}`;
      original.set(id, (original.get(id) ?? 0) + 1);
    }
    const unmatched = [];
    for (const message of after.get(defect.copyKey) ?? []) {
      const line = defect.toOriginal(message.line);
      const id = `${message.ruleId}|${message.severity}|${line}|${message.message}`;
      if (original.get(id)) original.set(id, original.get(id) - 1);
      else unmatched.push({ message, line });
    }
    // A finding of the same rule at the same line whose wording changed (a grouped finding now lists one
    // item fewer) is the original one, not a new one.
    const left = [...original].flatMap(([id, n]) => Array(n).fill(id.split('|').slice(0, 3).join('|')));
    const fresh = unmatched
      .filter(({ message, line }) => {
        const at = left.indexOf(`${message.ruleId}|${message.severity}|${line}`);
        if (at < 0) return true;
        left.splice(at, 1);
        return false;
      })
      .map(({ message }) => message);
    const detected = fresh.some((message) => message.line >= defect.first && message.line <= defect.last);
    const row = tally.get(defect.kind);
    row.defects++;
    if (detected) row.detected++;
    else row.undetected.push(`${defect.file}:${defect.first}`);
    const beyond = Math.max(0, fresh.length - 1);
    row.collateral += beyond;
    if (beyond) row.withCollateral++;
    if (verbose && (beyond || !detected)) {
      console.log(`${defect.kind} ${defect.file}:${defect.first}${detected ? '' : ' NOT DETECTED'}`);
      for (const message of fresh) console.log(`    ${message.line}:${message.column} ${message.severity} ${message.ruleId} ${message.message.slice(0, 160)}`);
    }
  }

  // 4. The table.
  console.log(`harness ${harness}; seed ${seed}; ${candidates.length} candidates, ${clean.length} without errors; ${defects.length} defects`);
  console.log(`${'kind'.padEnd(28)} ${'defects'.padStart(7)} ${'detected'.padStart(9)} ${'collateral'.padStart(10)} ${'copies w/ coll.'.padStart(15)}`);
  const total = { defects: 0, detected: 0, collateral: 0, withCollateral: 0 };
  for (const [kind, row] of tally) {
    for (const field of Object.keys(total)) total[field] += row[field];
    console.log(`${kind.padEnd(28)} ${String(row.defects).padStart(7)} ${String(row.detected).padStart(9)} ${String(row.collateral).padStart(10)} ${String(row.withCollateral).padStart(15)}`);
  }
  const percent = (part) => (total.defects ? ((100 * part) / total.defects).toFixed(1) : '0.0');
  console.log(`${'total'.padEnd(28)} ${String(total.defects).padStart(7)} ${String(total.detected).padStart(9)} ${String(total.collateral).padStart(10)} ${String(total.withCollateral).padStart(15)}`);
  console.log(`detected ${percent(total.detected)} % of defects; collateral findings ${percent(total.collateral)} % of defects (target ≤ 5 %)`);
  for (const [kind, row] of tally) if (row.undetected.length) console.log(`undetected ${kind}: ${row.undetected.slice(0, 8).join(', ')}${row.undetected.length > 8 ? ' ...' : ''}`);
} finally {
  rmSync(temp, { recursive: true, force: true });
}
