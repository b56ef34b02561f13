import path from 'node:path';
import type { Code, Html, InlineCode, Nodes, Paragraph, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import { dialectOfContinuations, dialectOfPrompt, firstAwsLine, hereDocumentFiles, OUTPUT_LABEL_COMMENT, readCommandsInBlock, SHELL_COMMENT, startsPromptedAwsCommand, type BlockReadOptions, type ShellDialect } from '../commands/index.js';
import type { AwsCommand, ShellIssue } from '../commands/types.js';
import { MAX_JSON_DEPTH, nestedTooDeep, opensWithJson } from '../document/json-text.js';
import type { CodeData, DocumentFormat, Point, Position, SourceLine } from '../document/types.js';
import { fileNameTitle, introductionOf, isOutputLabel, lastSentenceOf, type Introduction } from './cues.js';
import { LazyJsonValueMap, parseJsonBlock } from './json/parse.js';
import { isNoOutputSentence } from './no-output.js';
import { classifyOutput } from './output-kind.js';
import type { Example, ExampleDocument, Link, Output, OutputCue, UnclaimedBlock } from './types.js';

/**
 * Splits a parsed document into examples. In RST, a new example starts at a title (a paragraph that is only
 * `**bold**`, or a heading) or at the start of the file. In Markdown, an example is a command and what belongs
 * to it: the commands under the nearest heading or bold title, their outputs and the files shown beside them;
 * headings with no command make no example, and an output heading (`### Output`) stays with the command above.
 * Blocks are given their role by their language, their content (`aws ...` is a command) and then by the prose
 * that introduces them (`Output::`, "The command returns:", `Contents of ``x``::`).
 */
export function extractExamples(tree: Root, format: DocumentFormat = 'rst', text = ''): Example[] {
  return readExamples(tree, format, text).examples;
}

/** Reads a whole document: the tree and its examples. */
export function buildExampleDocument(filePath: string, file: VFile, tree: Root, format: DocumentFormat): ExampleDocument {
  const { examples, unclaimed } = readExamples(tree, format, String(file.value ?? ''));
  return { path: filePath, format, file, tree, examples, unclaimed };
}

type Block = Extract<Nodes, { type: 'heading' | 'paragraph' | 'code' | 'rstDirective' | 'html' }>;

function readExamples(tree: Root, format: DocumentFormat, text: string): { examples: Example[]; unclaimed: UnclaimedBlock[] } {
  const markdown = format === 'markdown';
  const reader = new BlockReader(markdown, text);
  const examples: Example[] = [];
  let current = newExample(0, null, undefined, tree.position);
  // Words the prose tells the reader to replace: "In the preceding commands, replace *x* ..." may follow several
  // tabs' or sections' commands, so they are the document's.
  const placeholders = new Set<string>();
  const keep = (example: Example) => (markdown ? example.commands.length > 0 : example.title !== null || hasContent(example));

  const startExample = (title: string, titlePosition: Position | undefined) => {
    if (keep(current)) examples.push(current);
    current = newExample(examples.length, title, titlePosition, titlePosition);
    reader.newSection();
  };

  for (const block of blocksInOrder(tree)) {
    extendTo(current, block.position);
    if (block.type === 'heading') {
      const title = toString(block).trim();
      // `### Output` under the command's section belongs to that command.
      if (markdown && current.commands.length > 0 && (isOutputLabel(title) || OUTPUT_HEADING.test(title))) reader.outputHeading();
      // `### lifecycle.json` under the command's section shows the file the command reads: it stays with it.
      else if (!(markdown && current.commands.length > 0 && fileNameTitle(title) !== undefined)) startExample(title, block.position);
    } else if (block.type === 'paragraph') {
      const title = titleOf(block);
      // A bold question (`**What is this command doing?**`) opens an explanation of the command above, no example.
      if (title !== undefined && !isOutputLabel(title) && !(markdown && title.endsWith('?'))) {
        startExample(title, block.position);
        // `**Then run `aws ecs update-service ...` to redeploy.**`: a command the bold line shows is read too.
        reader.inlineCommands(current, block);
      } else {
        const text = reader.paragraph(current, block);
        if (PLACEHOLDER_CUE.test(text)) for (const name of placeholdersNamedIn(block)) placeholders.add(name);
      }
    } else if (block.type === 'code') {
      reader.code(current, block);
    } else if (block.type === 'rstDirective' && /^(note|important|warning|tip)$/i.test(block.name)) {
      current.notes.push(toString(block).trim());
    }
    if (block.type !== 'rstDirective') reader.previous = block;
  }
  if (keep(current)) examples.push(current);
  examples.forEach((example, index) => {
    example.index = index;
    markPlaceholders(example, placeholders);
  });
  const unclaimed = reader.unclaimed.length > 0 ? withEarlierCommands(reader.unclaimed, examples, text.split(/\r\n|\r|\n/)) : reader.unclaimed;
  return { examples, unclaimed };
}

/** What follows a name after "For": the reader chooses its value. */
const CHOOSE_VALUE = String.raw`,\s*(?:you\s+(?:can|may|must|should)\s+)?(?:specify|use|enter|choose|pick|select|set)\b`;
const FOR_NAME_CHOOSE = new RegExp(String.raw`^\s*${CHOOSE_VALUE}`, 'i');

/** The words placeholdersNamedIn looks for: most paragraphs have none, and skip the walk. */
const PLACEHOLDER_CUE = new RegExp(String.raw`\b(?:replace|substitute|where)\b|\bfor\b[^.]*?${CHOOSE_VALUE}`, 'i');

/** A name as prose marks it (`*statisticName*`, `` `my-bucket` ``): one token, not a sentence. */
const PLACEHOLDER_NAME = /^[A-Za-z][\w.:/-]{1,63}$/;

/**
 * The names a paragraph tells the reader to replace: the emphasized or code spans between "Replace" (or
 * "substitute") and "with", and the one in "where *X* is". Authors write placeholders as ordinary words
 * (`--statistics statisticName`) and say so only in the prose around the command.
 */
function placeholdersNamedIn(paragraph: Paragraph): string[] {
  const names: string[] = [];
  let collecting = false;
  let afterWhere = false;
  let afterFor = false;
  const pendingWhere: string[] = [];
  const pendingFor: string[] = [];
  for (const child of paragraph.children) {
    if (child.type === 'text') {
      const value = child.value;
      const replace = /\b(?:replace|substitute)\b/i.exec(value);
      // The spans after "with" are the values to put in: the collecting ends there, unless another "replace" follows.
      if (replace) collecting = !/\bwith\b/i.test(value.slice(replace.index));
      else if (/\bwith\b|[.!?:]\s*$/i.test(value)) collecting = false;
      if (afterWhere && /^\s*(?:is|are)\b/i.test(value)) names.push(...pendingWhere.splice(0));
      // "For *Monitoring-Level*, you can specify one of ...": the name stands for the value to choose.
      if (afterFor && FOR_NAME_CHOOSE.test(value)) names.push(...pendingFor.splice(0));
      pendingWhere.length = 0;
      pendingFor.length = 0;
      afterWhere = /\bwhere\s*$/i.test(value);
      afterFor = /(?:^|[.!?]\s+|\s)for\s*$/i.test(value) || (value.trim() === '' && afterFor);
      continue;
    }
    if (child.type !== 'emphasis' && child.type !== 'inlineCode' && child.type !== 'strong') {
      afterWhere = false;
      afterFor = false;
      continue;
    }
    const name = toString(child).trim().replace(/^["'“]|["'”]$/g, '');
    if (!PLACEHOLDER_NAME.test(name)) continue;
    if (collecting) names.push(name);
    else if (afterWhere) pendingWhere.push(name);
    else if (afterFor) pendingFor.push(name);
  }
  return names;
}

/** In the author's reading, each prose-named placeholder in a command's words is a value of unknown content. */
function markPlaceholders(example: Example, names: ReadonlySet<string>): void {
  if (names.size === 0) return;
  for (const command of example.commands) {
    for (const word of command.args) {
      for (const name of names) {
        let at = word.value.indexOf(name);
        while (at !== -1) {
          const end = at + name.length;
          const standsAlone = !/[\w-]/.test(word.value[at - 1] ?? '') && !/[\w-]/.test(word.value[end] ?? '');
          if (standsAlone && !(word.unknown ?? []).some((span) => span.start < end && at < span.end)) {
            word.unknown = [...(word.unknown ?? []), { start: at, end, kind: 'placeholder' as const }].sort((a, b) => a.start - b.start);
          }
          at = word.value.indexOf(name, end);
        }
      }
    }
  }
}

/** Block-level nodes in document order, looking inside lists, block quotes and directives. */
function* blocksInOrder(node: Nodes): Generator<Block> {
  if (!('children' in node)) return;
  for (const child of node.children as Nodes[]) {
    if (child.type === 'heading' || child.type === 'paragraph' || child.type === 'code') yield child;
    // Of HTML, only a fold whose summary names an output (`<summary>Expected output</summary>`) speaks for the block
    // after it; other HTML is passed over, as ever.
    else if (child.type === 'html' && namesAnOutput(child)) yield child;
    else if (child.type === 'rstDirective') {
      yield child;
      // A note's own paragraphs belong to the note; code inside a directive is still a block of the example.
      for (const inner of blocksInOrder(child)) if (inner.type === 'code') yield inner;
    } else yield* blocksInOrder(child);
  }
}

function namesAnOutput(html: Html): boolean {
  const summary = SUMMARY.exec(html.value)?.[1];
  return summary !== undefined && isOutputLabel(summary.replace(/<[^>]*>/g, ''));
}

function newExample(index: number, title: string | null, titlePosition: Position | undefined, position: Position | undefined): Example {
  const example: Example = {
    index,
    title,
    position: position ? { start: copyPoint(position.start), end: copyPoint(position.end) } : startOfFile(),
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
  if (position && position.end.offset! > example.position.end.offset!) example.position.end = copyPoint(position.end);
}

/** A point of its own (an example's end moves as it grows), built field by field: one shape for every point. */
function copyPoint(point: Point): Point {
  return point.offset === undefined ? { line: point.line, column: point.column } : { line: point.line, column: point.column, offset: point.offset };
}

/** `**Example 1: To do a thing**` alone in a paragraph. */
function titleOf(paragraph: Paragraph): string | undefined {
  let title: Nodes | undefined;
  for (const child of paragraph.children) {
    if (child.type === 'text' && child.value.trim() === '') continue;
    if (title !== undefined || child.type !== 'strong') return undefined;
    title = child;
  }
  return title === undefined ? undefined : toString(title).trim();
}

/** Fence languages read as shell commands; `null` (no language) lets the content decide. */
const SHELL_LANGUAGES = new Set([
  'bash', 'sh', 'shell', 'zsh', 'ksh', 'fish', 'shellscript', 'console', 'shell-session', 'shellsession', 'sh-session',
  'bash-session', 'zsh-session', 'terminal', 'powershell', 'pwsh', 'ps1', 'ps', 'posh', 'pwsh-session', 'ps1-session',
  'azurepowershell', 'azurepowershell-interactive', 'cmd', 'bat', 'batch', 'dos', 'doscon', 'aws', 'awscli', 'aws-cli', 'cli',
]);
const TRANSCRIPT_LANGUAGES = new Set(['console', 'shell-session', 'shellsession', 'sh-session', 'bash-session', 'zsh-session', 'terminal', 'pwsh-session', 'ps1-session', 'doscon']);
// `azurepowershell`: Microsoft's docs' name for PowerShell blocks.
const POWERSHELL_LANGUAGES = new Set(['powershell', 'pwsh', 'ps1', 'ps', 'posh', 'pwsh-session', 'ps1-session', 'azurepowershell', 'azurepowershell-interactive']);
const CMD_LANGUAGES = new Set(['cmd', 'bat', 'batch', 'dos', 'doscon']);
/** Languages of plain-text blocks, where a synopsis (`aws s3 ls <path>`) is no command but a `$ aws` transcript is. */
const PLAIN_TEXT_LANGUAGES = new Set(['text', 'txt', 'plaintext', 'plain', 'none', 'output']);

/**
 * A block tagged for how it looks holds commands all the same: a `json` block that starts with an `aws` command (no
 * JSON does), a `text` block that starts with one after a prompt (a transcript) or with a command written as it is
 * run, not a synopsis of one (`aws s3 ls [--recursive] <S3Uri>`).
 */
function holdsCommandsDespiteLanguage(language: string, lines: readonly SourceLine[]): boolean {
  if (isTextTranscript(language, lines)) return true;
  const first = lines.find((line) => line.text.trim() !== '' && !/^\s*#(?:\s|$)/.test(line.text));
  // A name no highlighter knows (`CloudShell`, `Cloud9`) is shown as plain code: a block opening with a complete
  // command (service and operation) is that command.
  if (!KNOWN_LANGUAGES.has(language) && !SHELL_LANGUAGES.has(language) && !PLAIN_TEXT_LANGUAGES.has(language)) {
    return first !== undefined && COMPLETE_COMMAND.test(first.text);
  }
  // So does one a program's language names (`python`) that opens with a command and its options: no statement of it.
  if (PROGRAM_LANGUAGES.has(language)) return first !== undefined && COMPLETE_COMMAND.test(first.text) && /\s--[a-z]/.test(first.text);
  if (language !== 'json' && language !== 'jsonc' && !PLAIN_TEXT_LANGUAGES.has(language)) return false;
  if (first === undefined || firstAwsLine([first]) !== 0) return false;
  if (!PLAIN_TEXT_LANGUAGES.has(language) || !/^\s*(?:aws|awslocal)\s/.test(first.text)) return true;
  // An `output` block is never commands: what it shows of `aws` is the CLI's own text (`aws s3: error: ...`). A text
  // block is a transcript without prompts when it shows what the command printed after it; a command alone is text.
  return language !== 'output' && !SYNOPSIS.test(first.text) && !CLI_MESSAGE.test(first.text) && showsWhatItPrinted(lines, lines.indexOf(first));
}

/**
 * A block that shows `$ aws ...` lines, wherever they start (a banner may come first): a terminal transcript, whatever
 * its fence says (`text`, or `python` in a tutorial whose code blocks all say so). YAML and output blocks never are.
 */
function isTextTranscript(language: string, lines: readonly SourceLine[]): boolean {
  return !NEVER_TRANSCRIPTS.has(language) && lines.some((line) => line.text.includes('aws') && startsPromptedAwsCommand(line.text));
}

const NEVER_TRANSCRIPTS = new Set(['output', 'yaml', 'yml', 'json', 'jsonc', 'json5']);

/** Programming languages in which `aws <service> <operation> --option` is no statement (unlike a Makefile's recipe line). */
const PROGRAM_LANGUAGES = new Set(['python', 'py', 'python3', 'javascript', 'js', 'typescript', 'ts', 'java', 'go', 'golang', 'ruby', 'rb', 'php', 'csharp', 'cs', 'kotlin', 'kt', 'rust', 'rs']);

/** Languages of code and data, whose blocks hold no shell commands (a line may still start with `aws`, as a name). */
const KNOWN_LANGUAGES = new Set([
  ...NEVER_TRANSCRIPTS, 'python', 'py', 'python3', 'ipython', 'javascript', 'js', 'typescript', 'ts', 'jsx', 'tsx', 'java', 'go', 'golang',
  'rust', 'rs', 'ruby', 'rb', 'php', 'c', 'cpp', 'c++', 'csharp', 'cs', 'kotlin', 'kt', 'swift', 'scala', 'sql', 'hcl', 'terraform',
  'tf', 'dockerfile', 'docker', 'makefile', 'make', 'xml', 'html', 'css', 'toml', 'ini', 'groovy', 'perl', 'lua', 'diff', 'patch',
  'markdown', 'md', 'mermaid', 'graphql', 'properties', 'env', 'dotenv', 'csv', 'http', 'dart', 'r', 'matlab', 'nginx', 'jinja',
  'jinja2', 'vue', 'svelte', 'elixir', 'erlang', 'haskell', 'clojure', 'ocaml', 'fsharp', 'vb', 'vbnet', 'julia', 'cue', 'rego',
]);

/** Lines after the command at `index` (and the lines its continuations join to it) that are neither options nor commands. */
function showsWhatItPrinted(lines: readonly SourceLine[], index: number): boolean {
  let last = index;
  while (last < lines.length - 1 && /[\\`^][ \t]*$/.test(lines[last]!.text)) last++;
  const after = lines.slice(last + 1);
  // A sketch (`aws sso login   (signs in)`, then `|` and `+-- assume DeployRole`) shows no output.
  if (after.some((line) => isDiagramLine(line.text))) return false;
  return after.some((line) => line.text.trim() !== '' && !/^\s*(?:-{1,2}[A-Za-z]|(?:aws|awslocal)\s)/.test(line.text));
}

/**
 * A line of a diagram: a lone connector (`|`, `v`), a tree's branch (`├──`, `└──`, `│`), or `+-- ...` that no table
 * row closes (the CLI's `--output table` borders and rows end in `+` or `|`).
 */
function isDiagramLine(text: string): boolean {
  const trimmed = text.trim();
  return /^[│├└┌╰╭▼↓]/.test(trimmed) || trimmed === '|' || trimmed === 'v' || (trimmed.startsWith('+-') && !/[+|]$/.test(trimmed));
}

/** The CLI's usage and error lines name the command they are about: `aws cognito-idp admin-create-user: error: ...`. */
const CLI_MESSAGE = /^\s*(?:aws|awslocal)(?:\s+[\w-]+)*:\s/;

/** A command line written as a synopsis: optional parts in brackets, alternatives, repetition (`[--recursive]`, `<a> | <b>`, `...`). */
const SYNOPSIS = /\[\s*-{1,2}[A-Za-z]|\[\s*<|\]\s*\.\.\.|\[[a-z-]+\]|>\s*\|\s*<|\s\|\s*-{1,2}[a-z]|^\s*(?:aws|awslocal)\s+\S+\s*$|<command>|<subcommand>/;

/** A fence's language: `bash` from `bash`, `bash=+` (HackMD's line numbers), `{.bash}` (pandoc). */
function fenceLanguage(info: string | null | undefined): string | null {
  return /^[{.]*([a-z0-9][a-z0-9_-]*)/.exec(info?.toLowerCase() ?? '')?.[1] ?? null;
}

/** Languages a command's output may be written in (`--output json|text|table|yaml`, or an unlabelled block). */
const OUTPUT_LANGUAGES = new Set(['json', 'jsonc', 'json5', 'javascript', 'text', 'txt', 'plaintext', 'plain', 'output', 'yaml', 'yml', 'none', ...SHELL_LANGUAGES]);
/** Text that opens as JSON: `{`, or `[` then a value or `]` (not `[root@host ~]#`, `[INFO]`, `[default]`). */
const JSON_START = /^\s*(?:\{|\[\s*(?:$|[[{\]"0-9-]|true\b|false\b|null\b))/;
/** A fence's title in its meta string (`title="Output"`, as Docusaurus and others show it). */
const FENCE_TITLE = /\btitle=(?:"([^"]*)"|'([^']*)'|(\S+))/;
/** `NAME=value` or `export NAME=value` at the start of a line. */
const ASSIGNMENT = /^\s*(?:export\s+)?[A-Za-z_]\w*=/m;

/** Reading state over the blocks of one document, in order. */
class BlockReader {
  readonly unclaimed: UnclaimedBlock[] = [];
  /** The block before the one being read (headings, paragraphs and code). */
  previous: Block | undefined;
  /** Assignments the document made so far (`POOL_ID=...`): later commands read them. */
  private readonly variables = new Map<string, string>();
  /** Variables whose assignment bash refuses (`TAG=<GIT_SHA>`), until a command that uses one says so. */
  private readonly refusedAssignments = new Map<string, ShellIssue>();
  /** Markdown: an output heading was seen since the last command, and no block has used it yet. */
  private afterOutputHeading = false;

  /** The last block read as commands: a JSON block right after it is its output. */
  private commandBlock: Code | undefined;
  /** The index, among its example's commands, of that block's first command. */
  private commandBlockFirst = 0;

  constructor(
    private readonly markdown: boolean,
    private readonly text: string,
  ) {}

  newSection(): void {
    this.afterOutputHeading = false;
  }

  outputHeading(): void {
    this.afterOutputHeading = true;
  }

  /** Reads a paragraph's links, output sentences and inline commands; returns its text (whitespace collapsed). */
  paragraph(example: Example, paragraph: Paragraph): string {
    const links = linksIn(paragraph);
    example.links.push(...links);
    const raw = toString(paragraph);
    if (/^\s*For\s+more\s+information\b/i.test(raw) && links[0] && !example.reference) example.reference = links[0];
    // Every wording says "output"; most paragraphs do not, and skip the sentence grammar.
    const speaksOfOutput = /output/i.test(raw);
    const text = speaksOfOutput ? raw.replace(/\s+/g, ' ').trim() : raw;
    if (paragraph.position && speaksOfOutput && sentencesOf(text).some(isNoOutputSentence)) {
      example.outputs.push({
        kind: 'none',
        position: paragraph.position,
        raw: text,
        lines: [],
        // A sentence before the first command speaks of the command to come.
        commandIndex: Math.max(example.commands.length - 1, 0),
      });
    }
    this.inlineCommands(example, paragraph);
    return text;
  }

  /** The complete commands a paragraph shows in inline code. */
  inlineCommands(example: Example, paragraph: Paragraph): void {
    for (const code of inlineCodeIn(paragraph)) this.inlineCommand(example, code);
  }

  /** A complete command (service, operation and an option) written as inline code is read and checked too. */
  private inlineCommand(example: Example, code: InlineCode): void {
    // Most inline code is a name or a value: one search tells, before the line is worked out.
    if (!code.value.includes('aws')) return;
    const line = inlineCodeLine(code, this.text, this.markdown);
    if (!line || !COMPLETE_COMMAND.test(line.text)) return;
    for (const { command } of readCommandsInBlock([line], { dialect: 'bash', variables: this.variables })) {
      if (command.operationWord && command.args.some((word) => word.value.startsWith('--'))) example.commands.push({ ...command, inProse: true });
    }
  }

  code(example: Example, code: Code): void {
    const data = code.data as CodeData | undefined;
    if (!data || !code.position) return;
    const language = fenceLanguage(code.lang);
    const { lines } = data;
    // An aws-shell session (`aws> s3api list-buckets`): commands typed without `aws` into another program, no shell
    // lines; not read as bash, whose `aws >` would be a redirection.
    if (code.value.includes('aws>') && lines.some((line) => AWS_SHELL_PROMPT.test(line.text))) return;
    const mislabelled = language !== null && holdsCommandsDespiteLanguage(language, lines);
    // An untagged block without `aws` and without an assignment (most outputs) holds nothing the commands reader wants.
    // So does an RST block its introducer calls output (`Output::`) that opens with JSON: its commands would have to
    // start on its first line.
    const mayHoldCommands =
      language !== null || ((code.value.includes('aws') || (code.value.includes('=') && ASSIGNMENT.test(code.value))) && !(!this.markdown && opensWithJson(code.value) && this.introducedAsOutput(code)));
    if ((language === null && mayHoldCommands) || (language !== null && SHELL_LANGUAGES.has(language)) || mislabelled) {
      // A transcript (`$ aws ...`) in a bash block is still bash: its ` ^` line ends are the author's slip, not cmd's.
      const options = this.readOptions(example, code, mislabelled && dialectOf(language) !== 'bash' ? null : language);
      if (mislabelled && isTextTranscript(language, lines)) options.transcript = true;
      else if (mislabelled && PLAIN_TEXT_LANGUAGES.has(language)) options.plainText = true;
      const commands = this.readsAsCommands(code, language, options);
      // A shell block without `aws` may still set variables later commands use (`export POOL_ID=...`).
      const read = commands || (!this.introducedAsOutput(code) && (language !== null || ASSIGNMENT.test(code.value))) ? readCommandsInBlock(lines, options) : [];
      // `cat > policy.json <<'EOF'` ... `EOF`: the block shows the file a later `file://policy.json` reads.
      const files = hereDocumentFiles(lines);
      for (const file of files) example.files.push({ name: file.name, raw: file.lines.map((line) => line.text).join('\n'), position: spanOf(file.lines), lines: file.lines });
      if (commands || read.length > 0) {
        this.commandBlockFirst = example.commands.length;
        for (const { command, output } of read) {
          example.commands.push(command);
          if (output && output.length > 0) this.attachOutput(example, code, output, options.transcript ? 'transcript' : 'same-block');
        }
        this.afterOutputHeading = false;
        this.commandBlock = code;
        return;
      }
      // A block that only writes files holds no output.
      if (files.length > 0) return;
    }
    if (this.markdown) this.markdownBlock(example, code, language);
    else this.rstBlock(example, code);
  }

  private readOptions(example: Example, code: Code, language: string | null): BlockReadOptions {
    const options: BlockReadOptions = { variables: this.variables, refusedAssignments: this.refusedAssignments };
    const declared = dialectOf(language) ?? (language === null ? windowsDialectOf(example.title, (code.data as CodeData).introducer) : undefined);
    // A `PS C:\>` or `C:\>` prompt says which shell the transcript was typed in, whatever the fence says.
    const { lines, introducer } = code.data as CodeData;
    // An untagged block's continuations (` ^`, a backtick) say the same, where no prose did, nor said it runs in bash too.
    // Most blocks hold neither ` ^` nor a backtick: one look at the block's text tells.
    const continuations = language === null && (code.value.includes('^') || code.value.includes('`')) ? dialectOfContinuations(lines) : undefined;
    const inferred = continuations && !namesUnixShells(example.title, introducer) ? continuations : undefined;
    const dialect = declared === 'powershell' || declared === 'cmd' ? declared : (dialectOfPrompt(lines) ?? inferred ?? declared);
    if (dialect) options.dialect = dialect;
    if (language !== null && TRANSCRIPT_LANGUAGES.has(language)) options.transcript = true;
    return options;
  }

  /**
   * Content first: a block that starts with `aws` is commands; one that holds `aws` lines after some shell
   * set-up or prose is commands too, unless the prose before it says it is output (which may quote a command).
   */
  private readsAsCommands(code: Code, language: string | null, options: BlockReadOptions): boolean {
    const { lines } = code.data as CodeData;
    const awsLine = firstAwsLine(lines, options);
    if (awsLine < 0) return false;
    // Only comments before it (`# 1. Check the spend`): a script, whatever label stands above the block.
    if (awsLine === 0 || lines.filter((line) => line.text.trim() !== '').slice(0, awsLine).every((line) => SHELL_COMMENT.test(line.text))) return true;
    // A block tagged as shell with commands in it is a script, unless a label (`Output:`) says otherwise: a sentence
    // that merely names outputs ("`UserPoolId` is a stack output.") does not.
    // A prompted command (`$ aws ...`) shows a run, whatever the sentence above calls the block: it is read.
    if (!this.markdown || language === null) return !this.introducedAsOutput(code) || (this.markdown && startsPromptedAwsCommand(lines.filter((line) => line.text.trim() !== '')[awsLine]!.text));
    const introduction = this.introduction(code);
    return !(introduction?.role === 'output' && introduction.cue === 'introducer');
  }

  private introducedAsOutput(code: Code): boolean {
    if (this.markdown) return this.introduction(code)?.role === 'output' || this.afterOutputHeading;
    // The sentence that ends in `::` says what the block is; earlier ones may speak of other outputs.
    return OUTPUT_INTRODUCER.test(lastSentenceOf(((code.data as CodeData).introducer ?? '').trim()));
  }

  /**
   * What the fence's title (`title="Output"`) or the paragraph right before a Markdown block says about it. A
   * title speaks for the command block right before it; after other prose, the prose decides.
   */
  private introduction(code: Code): Introduction {
    const match = FENCE_TITLE.exec(code.meta ?? '');
    const title = match?.[1] ?? match?.[2] ?? match?.[3];
    if (title !== undefined && isOutputLabel(title) && (this.previous === undefined || this.previous === this.commandBlock)) return { role: 'output', cue: 'introducer' };
    const previous = this.previous;
    if (previous?.type === 'heading') {
      const name = fileNameTitle(toString(previous));
      return name === undefined ? undefined : { role: 'file', name };
    }
    if (previous?.type === 'html') return { role: 'output', cue: 'introducer' };
    if (previous?.type !== 'paragraph' || !code.position || !previous.position) return undefined;
    return introductionOf(toString(previous));
  }

  private markdownBlock(example: Example, code: Code, language: string | null): void {
    const { lines } = code.data as CodeData;
    // `// pipeline.json` (or `# template.yaml`) on the block's first line names the file the rest of the block holds.
    const named = FILE_NAME_COMMENT.exec(lines[0]?.text ?? '');
    if (named) {
      const content = lines.slice(1);
      example.files.push({ name: path.posix.basename(named[1]!), raw: content.map((line) => line.text).join('\n'), position: code.position!, lines: content });
      return;
    }
    const introduction = this.introduction(code);
    // "Edit group_settings.json", then the commands that open it (`vi group_settings.json`): a JSON file's content opens
    // with its value.
    if (introduction?.role === 'file') {
      const notTheFile = introduction.name?.endsWith('.json') && !JSON_START.test(code.value);
      if (introduction.name && !notTheFile) example.files.push({ name: path.posix.basename(introduction.name), raw: code.value, position: code.position!, lines });
      return;
    }
    const mayBeOutput = language === null || OUTPUT_LANGUAGES.has(language);
    const looksJson = language === 'json' || language === 'jsonc' || (mayBeOutput && JSON_START.test(code.value));
    const hasCommand = example.commands.length > 0;
    let cue: OutputCue | undefined;
    if (hasCommand && mayBeOutput) {
      if (introduction) cue = introduction.cue;
      else if (this.afterOutputHeading && this.previous?.type !== 'code') cue = 'heading';
      else if (this.previous !== undefined && this.previous === this.commandBlock && (looksJson || language === 'output')) cue = 'adjacent';
      // `[OUTPUT]` alone on the block's first line labels it.
      else if (OUTPUT_LABEL_LINE.test(lines.find((line) => line.text.trim() !== '')?.text ?? '')) cue = 'introducer';
    }
    this.afterOutputHeading = false;
    if (cue) this.attachOutput(example, code, lines, cue);
    else if (looksJson) this.unclaimed.push(unclaimedBlock(example, code.position!));
  }

  private rstBlock(example: Example, code: Code): void {
    const data = code.data as CodeData;
    const introducer = (data.introducer ?? '').trim();
    const file = FILE_INTRODUCER.exec(introducer) ?? FILE_NAME_INTRODUCER.exec(introducer);
    if (file) {
      example.files.push({ name: path.posix.basename(file[1]!.trim()), raw: code.value, position: code.position!, lines: data.lines });
      return;
    }
    const outputIntroduced = OUTPUT_INTRODUCER.test(lastSentenceOf(introducer));
    const followsCommand = example.commands.length > 0;
    if (outputIntroduced) this.attachOutput(example, code, data.lines, isOutputLabel(introducer) ? 'introducer' : 'sentence');
    else if (followsCommand && introducer === '' && JSON_START.test(code.value)) this.attachOutput(example, code, data.lines, 'adjacent');
    else if (JSON_START.test(code.value) && introductionOf(introducer)?.role !== 'file') this.unclaimed.push(unclaimedBlock(example, code.position!));
  }

  private attachOutput(example: Example, code: Code, given: SourceLine[], cue: OutputCue): void {
    // `[OUTPUT]` (or `# Result` after a prompted command) alone on the block's first line labels what follows: it is no
    // part of the output.
    const first = given.findIndex((line) => line.text.trim() !== '');
    const labelled = first >= 0 && given.length > first + 1 && (OUTPUT_LABEL_LINE.test(given[first]!.text) || (cue === 'transcript' && OUTPUT_LABEL_COMMENT.test(given[first]!.text)));
    const lines = labelled ? given.slice(first + 1) : given;
    const whole = cue === 'transcript' || cue === 'same-block' || labelled ? undefined : code;
    const raw = whole ? whole.value : lines.map((line) => line.text).join('\n');
    const kind = classifyOutput(raw);
    // What a transcript printed is introduced by a comment over it, else by the sentence before the transcript
    // ("Only the relevant part of the output:").
    const introducer = labelled
      ? given[first]!.text.trim()
      : whole
        ? (code.data as CodeData).introducer
        : (commentBefore((code.data as CodeData).lines, lines[0]) ?? (this.markdown && (cue === 'transcript' || cue === 'same-block') ? (code.data as CodeData).introducer : undefined));
    const output: Output = {
      kind,
      position: whole?.position ?? spanOf(lines),
      raw,
      lines,
      commandIndex: lastOuterCommand(example.commands),
      cue: labelled && cue === 'adjacent' ? 'introducer' : cue,
    };
    if (introducer !== undefined) output.introducer = introducer;
    if (kind === 'json') readJson(output, lines);
    // `{...}` then `{...}`: one JSON document per run (`xargs -I{} aws ...`, a loop), each an output of the command.
    const documents = output.json?.error ? jsonDocuments(lines) : undefined;
    if (whole) {
      // A block after the commands' block: the command its introducer names, else the one of that block whose
      // operation names what the output holds (`list-queues` for `{"QueueUrls": ...}`), else the last.
      const named = commandNamedIn(example.commands, introducer ?? (this.previous?.type === 'paragraph' ? toString(this.previous) : undefined));
      output.commandIndex = named ?? commandShowing(example.commands, this.commandBlockFirst, output.value) ?? lastOuterCommand(example.commands);
    }
    if (documents === undefined) {
      example.outputs.push(output);
      return;
    }
    for (const document of documents) {
      const part: Output = { kind: 'json', position: spanOf(document), raw: document.map((line) => line.text).join('\n'), lines: document, commandIndex: output.commandIndex };
      if (output.cue !== undefined) part.cue = output.cue;
      if (output.introducer !== undefined) part.introducer = output.introducer;
      readJson(part, document);
      example.outputs.push(part);
    }
  }
}

/**
 * The command an output's introducer names (`**Expected Output (get-account):**` under a block that runs get-account
 * and then get-email-identity): the latest one running that operation.
 */
function commandNamedIn(commands: readonly AwsCommand[], introducer: string | undefined): number | undefined {
  if (introducer === undefined || commands.length < 2) return undefined;
  const named = new Set(introducer.toLowerCase().match(/[a-z0-9]+(?:-[a-z0-9]+)+/g) ?? []);
  const index = commands.findLastIndex((command) => command.operation !== undefined && named.has(command.operation));
  return index === -1 ? undefined : index;
}

/**
 * Of the commands from `first` on (one block's), the one whose operation names what the output's members hold: the
 * nouns of `list-landing-zones` in `{"landingZones": ...}`, of `describe-transit-gateways` in `{"TransitGateways": ...}`
 * (not `describe-transit-gateway-route-tables`, whose `gateway` is singular). A noun found as written counts twice,
 * found only in the singular once; the highest count wins, the later command on a tie; none when no noun is there.
 */
function commandShowing(commands: readonly AwsCommand[], first: number, value: unknown): number | undefined {
  if (commands.length - first < 2 || value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const words = Object.keys(value).flatMap((key) => key.split(/(?<=[a-z0-9])(?=[A-Z])|[_-]/).map((word) => word.toLowerCase()));
  const asWritten = new Set(words);
  const singulars = new Set(words.map(singular));
  let best: number | undefined;
  let bestScore = 0;
  for (let index = first; index < commands.length; index++) {
    let score = 0;
    for (const noun of commands[index]!.operation?.split('-').slice(1) ?? []) score += asWritten.has(noun) ? 2 : singulars.has(singular(noun)) ? 1 : 0;
    if (score > 0 && score >= bestScore) {
      best = index;
      bestScore = score;
    }
  }
  return best;
}

/**
 * The last command no other holds: `aws sns publish --topic-arn "$(aws sns create-topic ...)"` prints publish's output,
 * not the output of the command inside its `$(...)`.
 */
function lastOuterCommand(commands: readonly AwsCommand[]): number {
  const holds = (outer: AwsCommand, inner: AwsCommand) =>
    outer !== inner && outer.shell.position.start.offset! < inner.shell.position.start.offset! && inner.shell.position.start.offset! < outer.shell.position.end.offset!;
  for (let index = commands.length - 1; index >= 0; index--) {
    if (!commands.some((other) => holds(other, commands[index]!))) return index;
  }
  return commands.length - 1;
}

/** A noun's singular, as the model's member names and the CLI's operation names differ in number (`Queue`, `queues`). */
function singular(word: string): string {
  const lower = word.toLowerCase();
  if (lower.endsWith('ies')) return `${lower.slice(0, -3)}y`;
  if (/(?:s|x|z|ch|sh)es$/.test(lower)) return lower.slice(0, -2);
  return /[^s]s$/.test(lower) ? lower.slice(0, -1) : lower;
}

/** `[OUTPUT]`, `[Result]`, `[Response]:` alone on a line: a label over the output, as a log would print it. */
const OUTPUT_LABEL_LINE = /^[ \t]*\[(?:output|outputs|result|results|response)\]:?[ \t]*$/i;

/** The comment on the line before `first` in a block (`# Output should include:`): it introduces what follows. */
function commentBefore(blockLines: readonly SourceLine[], first: SourceLine | undefined): string | undefined {
  const index = first === undefined ? -1 : blockLines.findIndex((line) => line.line === first.line);
  const comment = index > 0 ? /^\s*#+\s*(.*\S)\s*$/.exec(blockLines[index - 1]!.text) : null;
  return comment?.[1];
}

/**
 * Most outputs are strict JSON and most never need a position (only findings do), so the native parser
 * reads them and the positioned parse runs on first use of `map`. Text that is not strict JSON
 * (elisions, syntax errors) gets the positioned parse at once. The two parsers agree on what is valid
 * (a property test holds them to it).
 */
function readJson(output: Output, lines: SourceLine[]): void {
  const text = lines.map((line) => line.text).join('\n');
  let strict: unknown;
  try {
    // JSON nested too deep is never given as a value (nothing may walk it): the positioned parse says where.
    strict = JSON.parse(text);
    if (mayNestTooDeep(text) && nestedTooDeep(strict)) strict = undefined;
  } catch {
    strict = undefined;
  }
  if (strict === undefined) {
    const json = parseJsonBlock(lines);
    output.json = json;
    if (json.value !== undefined) output.value = json.value;
    if (json.map) output.map = json.map;
    return;
  }
  output.value = strict;
  // Strict JSON has no syntax error and no elision by definition; only the positions wait.
  const map = new LazyJsonValueMap(lines);
  output.json = { value: strict, elisions: [], map };
  output.map = map;
}

/**
 * The JSON documents of an output that shows several, one after another, each opening on a line of its own (what a
 * command run once per item prints); none unless there are two or more and each parses.
 */
function jsonDocuments(lines: SourceLine[]): SourceLine[][] | undefined {
  const documents: SourceLine[][] = [];
  let rest = lines;
  while (rest.length > 0) {
    const { error } = parseJsonBlock(rest);
    if (error === undefined) {
      documents.push(rest);
      break;
    }
    const at = rest.findIndex((line) => line.line === error.start.line);
    const line = rest[at];
    const opensAt = line === undefined ? -1 : line.column + line.text.length - line.text.trimStart().length;
    if (at <= 0 || error.start.column !== opensAt || !/^[{[]/.test(line!.text.trimStart()) || !/after the end of the JSON value/.test(error.message)) return undefined;
    documents.push(rest.slice(0, at));
    rest = rest.slice(at);
  }
  return documents.length > 1 ? documents : undefined;
}

/** Whether JSON text holds enough brackets to nest deeper than MAX_JSON_DEPTH: most outputs hold far fewer, and skip the walk. */
function mayNestTooDeep(text: string): boolean {
  let brackets = 0;
  for (const bracket of ['{', '[']) {
    for (let at = text.indexOf(bracket); at !== -1; at = text.indexOf(bracket, at + 1)) if (++brackets > MAX_JSON_DEPTH) return true;
  }
  return false;
}

function unclaimedBlock(example: Example, position: Position): UnclaimedBlock {
  const command = example.commands.at(-1);
  if (command) return { position, commandLine: command.shell.position.start.line };
  return example.titlePosition ? { position, titleLine: example.titlePosition.start.line } : { position };
}


/** A comment line that is only a file name: `// pipeline.json`, `# template.yaml`. */
const FILE_NAME_COMMENT = /^[ \t]*(?:\/\/|#)[ \t]*([\w./-]*\w\.(?:json|ya?ml|txt|xml)):?[ \t]*$/i;

/** A heading that names the output of what it is for: `Example Response for completed jobs filter`, `Output of the command`. */
const OUTPUT_HEADING = /^(?:(?:example|sample|expected|typical)\s+)?(?:outputs?|responses?|results?)\s+(?:for|of|from|when|with|after)\b/i;

/** aws-shell's prompt, at a line's start. */
const AWS_SHELL_PROMPT = /^[ \t]*aws>(?:[ \t]|$)/;

/** A paragraph in bold alone on its line: read as a title, though it is often a note between a command and its output. */
const BOLD_LINE = /^[ \t]*(?:\*\*|__)/;

/**
 * A block whose example has no command may still follow one, in an earlier example, when what started its example
 * is a bold paragraph rather than a heading: its message names that command and the title between them.
 */
function withEarlierCommands(unclaimed: UnclaimedBlock[], examples: readonly Example[], lines: readonly string[]): UnclaimedBlock[] {
  return unclaimed.map((block) => {
    if (block.titleLine === undefined) return block;
    const { titleLine } = block;
    if (!BOLD_LINE.test(lines[titleLine - 1] ?? '')) return { position: block.position };
    let commandLine: number | undefined;
    for (const example of examples) {
      for (const command of example.commands) {
        const line = command.shell.position.start.line;
        if (line < titleLine) commandLine = line;
      }
    }
    return commandLine === undefined ? { position: block.position } : { position: block.position, commandLine, titleLine };
  });
}

function dialectOf(language: string | null): ShellDialect | undefined {
  if (language === null) return undefined;
  if (POWERSHELL_LANGUAGES.has(language)) return 'powershell';
  if (CMD_LANGUAGES.has(language)) return 'cmd';
  return SHELL_LANGUAGES.has(language) ? 'bash' : undefined;
}

/**
 * An example its title or introducer presents as written for Windows: "(Windows PowerShell)", "Windows command
 * prompt", "Command (Windows)::". Prose that names Linux or macOS too speaks of a command that works in both.
 */
function windowsDialectOf(...texts: (string | null | undefined)[]): ShellDialect | undefined {
  for (const text of texts) {
    // Most titles and introducers name no shell at all: one test tells.
    if (!text || !/powershell|windows|cmd|command prompt/i.test(text) || namesUnixShells(text)) continue;
    if (/\bpowershell\b/i.test(text)) return 'powershell';
    // A bare `cmd` is as often short for "command" (a heading `#### cmd` over a bash block): only `cmd.exe` names the shell.
    if (/\bwindows\s+(?:command\s+(?:prompt|line)|cmd)\b|\bcommand prompt\b|\bcmd\.exe\b|\(windows\)|\bwindows version\b/i.test(text)) return 'cmd';
  }
  return undefined;
}

/** Prose that says a command runs on Linux or macOS (too): it must work in bash. */
function namesUnixShells(...texts: (string | null | undefined)[]): boolean {
  return texts.some((text) => text !== null && text !== undefined && /\b(?:linux|mac ?os|unix|bash)\b/i.test(text));
}

function spanOf(lines: SourceLine[]): Position {
  const first = lines[0]!;
  const last = lines.at(-1)!;
  const end = last.offset + last.text.length;
  return {
    start: { line: first.line, column: first.column, offset: first.offset },
    end: { line: last.line, column: last.column + last.text.length, offset: end },
  };
}

const OUTPUT_INTRODUCER = /\b(output|result|results|response)\b/i;
/** The summary line of an HTML `<details>` fold, which names what the fold holds. */
const SUMMARY = /<summary\b[^>]*>([\s\S]*?)<\/summary>/i;
// `Contents of ``x.json``:`, also with more words after the name (`... with line breaks added for readability:`).
const FILE_INTRODUCER = /^(?:[-*]\s*)?(?:the\s+)?contents of\s+(?:the\s+)?(?:file\s+)?``?([^`\s]+?)``?(?:[\s,].*)?:?$/i;
// A file name alone (``output.json``::): the block is that file (an outfile, an input file), not the command's output.
const FILE_NAME_INTRODUCER = /^``([^`\s]+\.[A-Za-z0-9]+)``:?$/;
/** A global option in inline code, with its value. */
const INLINE_OPTION = String.raw`--[a-z][\w-]*(?:=\S+|\s+(?!-)\S+)?\s+`;
/**
 * A complete command, worth reading where nothing else says it is one (inline code, a block of a language no highlighter
 * knows): `aws <service> <operation> ...` (a prompt allowed), global options before the service or the operation
 * (`aws eks --region x update-kubeconfig ...`).
 */
const COMPLETE_COMMAND = new RegExp(String.raw`^\s*(?:\$\s+)?(?:aws|awslocal)\s+(?:${INLINE_OPTION})*[a-z0-9][\w-]*\s+(?:${INLINE_OPTION})*[a-z0-9][\w-]*(?:\s|$)`);

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

/** What stands before a cell's content on a GitHub table row: the row's leading `|`. */
const TABLE_ROW = /^[ \t]*\|/;

function inlineCodeIn(node: Nodes, into: InlineCode[] = []): InlineCode[] {
  if (node.type === 'inlineCode') into.push(node);
  else if ('children' in node) for (const child of node.children as Nodes[]) inlineCodeIn(child, into);
  return into;
}

/**
 * The source line of a one-line inline code span, without its backticks: CommonMark strips one space on each
 * side when both are there; RST's ``literal`` has no such rule.
 */
function inlineCodeLine(code: InlineCode, text: string, markdown: boolean): SourceLine | undefined {
  const position = code.position;
  if (!position || position.start.line !== position.end.line) return undefined;
  const span = text.slice(position.start.offset, position.end.offset);
  const ticks = /^`*/.exec(span)![0].length;
  let start = position.start.offset! + ticks;
  let inner = span.slice(ticks, span.length - ticks);
  if (markdown && inner.length === code.value.length + 2 && inner.startsWith(' ') && inner.endsWith(' ')) {
    start += 1;
    inner = inner.slice(1, -1);
  }
  if (ticks === 0 || inner !== code.value) return undefined;
  // In a GitHub table row a cell's `\|` is its `|` (also inside code); a blank in the backslash's place keeps columns.
  if (markdown && inner.includes('\\|') && TABLE_ROW.test(text.slice(text.lastIndexOf('\n', position.start.offset! - 1) + 1, position.start.offset))) inner = inner.replaceAll('\\|', ' |');
  return { text: inner, line: position.start.line, column: position.start.column + ticks + (start - position.start.offset! - ticks), offset: start };
}
