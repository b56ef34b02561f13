/**
 * An `aws` command's words → the API call the AWS CLI v2 would make (awscli/clidriver.py,
 * argparser.py, argprocess.py, paramfile.py). Never throws on user input: every problem found
 * becomes an `InputProblem` at the words concerned.
 */
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { compile as compileJmesPath } from 'jmespath';
import path from 'node:path';
import type { AwsCommand, Word } from '../../commands/types.js';
import { NESTED_TOO_DEEP, tooDeepAt } from '../../document/json-text.js';
import type { Point } from '../../document/types.js';
import type { ModelIndex, OperationModel, Paginator, ServiceModel, Shape, ShapeRef } from '../types.js';
import { GLOBAL_OPTIONS } from '../../commands/aws.js';
import { ELIDED_VALUE } from '../../commands/shell.js';
import { documentedServiceAlias, operationApiName, operationCliName, unaliasedServiceName, xformName } from '../names.js';
import {
  ADDED_ARGUMENTS,
  OUTPUT_ONLY_ARGUMENTS,
  REQUIRED_ADDED_ARGUMENTS,
  CUSTOM_COMMANDS,
  CUSTOM_SERVICES,
  CUSTOM_VALUE_READERS,
  DEFAULTED_MEMBERS,
  HIDDEN_OPERATION_ALIASES,
  INTEGER_OPTIONS,
  OPERATION_OPTIONS,
  OPTION_CHOICES,
  ANY_USE,
  PATTERN_WAIVED_BY,
  REMOVED_ARGUMENTS,
  REMOVED_COMMANDS,
  VERSION_1_COMMANDS,
  hiddenAlias,
  renamedArgument,
} from './cli-table.js';
import { customCommandArguments, type Arity, type CustomCommandArguments } from './custom-arguments.js';
import { closest, didYouMean } from '../suggest.js';
import { knownCliServices } from '../cli-services.js';
import type { CommandTranslation, InputProblem, InputProblemKind, ParsedArgument, ProblemGroup } from './types.js';
import { memberRef } from '../members.js';
import { queryPathProblems } from '../query.js';
import { bucketNameProblem, s3PathProblems } from './s3.js';
import { shapeOf, toApiValue, unpackArgument, usesOldListCase, validateValue, type UnpackContext } from './values.js';
import { hasUnknown, holdsUnknown, isUnreliable, isWhollyUnknown, jsonErrorBeforeUnknown, markedText, sliceSpans } from './unknown.js';

export type { CommandTranslation, InputProblem, InputProblemKind, ParsedArgument } from './types.js';

export interface TranslateOptions {
  models: ModelIndex;
  /** Folder of the document: `file://` paths are relative to it. */
  documentDir: string;
  /** Nothing outside this folder is ever read. */
  treeRoot: string;
  /** Told of every file a value names inside the tree, read or missing: results depend on them. */
  consulted?: (filePath: string) => void;
  /**
   * Files whose contents the example shows (`Contents of ``input.json``::`): a `file://` value naming one
   * that is not beside the document is read from there, as the reader would write it.
   */
  shownFiles?: readonly ShownFile[];
}

/** A file's contents as the example shows them, and the line where the block starts. */
export interface ShownFile {
  name: string;
  raw: string;
  line: number;
}

/** A file a value names, read from the tree or from the example; `shownAt` says which block when from the example. */
interface FileRead {
  content: string | Uint8Array;
  /** ` (in x.json as shown at line 24)`: added to the messages of values read from a shown file. */
  shownAt?: string;
}

/** How an operation argument is read: its API member (absent for CLI-only ones) and how many words it takes. */
interface ArgumentSpec {
  member?: string;
  ref?: ShapeRef;
  values: Arity;
  /** The value a flag sets when given without words (`--flag`, `--no-flag`). */
  flagValue?: unknown;
  /** A customization's own reading of the value words, instead of shorthand or JSON. */
  read?: (words: readonly string[]) => unknown;
  /** Given again, it adds to the earlier values (argparse `append`, as s3's `--exclude`) instead of replacing them. */
  repeatable?: boolean;
}

type OutputFormat = CommandTranslation['output']['format'];
const OUTPUT_FORMATS = new Set<OutputFormat>(['json', 'text', 'table', 'yaml', 'yaml-stream']);
const NEGATIVE_NUMBER = /^-\d+$|^-\d*\.\d+$/;

/** argparse's test for a word that is an option rather than a value. */
/** argparse's test: a space makes a word positional, except in the value of `--name=value`. */
const TYPOGRAPHIC_OPTION = /^[\u2010-\u2015\u2212]-?[A-Za-z][\w-]*$/;

function isOptionLike(text: string): boolean {
  // `–-queue-name`, `—limit`: an option typed with a typographic dash (a word processor's doing) is still meant as one.
  if (TYPOGRAPHIC_OPTION.test(text)) return true;
  if (text.length <= 1 || !text.startsWith('-') || NEGATIVE_NUMBER.test(text)) return false;
  const equals = text.indexOf('=');
  return !(equals < 0 ? text : text.slice(0, equals)).includes(' ');
}

function span(words: readonly Word[]): { start: Point; end: Point } {
  return { start: words[0]!.start, end: words[words.length - 1]!.end };
}

const GLOBAL_OPTION_NAMES: ReadonlySet<string> = new Set(Object.keys(GLOBAL_OPTIONS));

const argumentTables = new WeakMap<OperationModel, Map<string, ArgumentSpec>>();

/** The CLI's argument table for one operation: model members (renamed as the CLI does) and added options; built once. */
function argumentTable(service: string, operation: string, model: ServiceModel, operationName: string): Map<string, ArgumentSpec> {
  const operationModel = model.operations[operationName]!;
  let table = argumentTables.get(operationModel);
  if (!table) {
    table = buildArgumentTable(service, operation, model, operationName);
    argumentTables.set(operationModel, table);
  }
  return table;
}

/** The members a paginator fills itself (its input tokens and page size), which the CLI hides behind its own options. */
function pagingMembersOf(paginator: Paginator | undefined): string[] {
  if (!paginator) return [];
  const members = typeof paginator.input_token === 'string' ? [paginator.input_token] : [...paginator.input_token];
  if (paginator.limit_key !== undefined) members.push(paginator.limit_key);
  return members;
}

/**
 * The input members an example can pass to an operation, each with the CLI option that fills it (`UserPoolId` →
 * `--user-pool-id`), in model order: members the CLI removes are left out, and so are a paginated operation's
 * token and page-size members, which the CLI hides behind `--starting-token`, `--page-size` and `--max-items`.
 */
export function inputMemberOptions(model: ServiceModel, operationName: string): Map<string, string> {
  const paginator = model.paginators[operationName];
  const hidden = new Set(pagingMembersOf(paginator));
  const options = new Map<string, string>();
  for (const [option, spec] of argumentTable(model.cliName, xformName(operationName), model, operationName)) {
    if (spec.member !== undefined && !hidden.has(spec.member) && !options.has(spec.member)) options.set(spec.member, option);
  }
  return options;
}

function buildArgumentTable(service: string, operation: string, model: ServiceModel, operationName: string): Map<string, ArgumentSpec> {
  const table = new Map<string, ArgumentSpec>();
  const operationModel = model.operations[operationName]!;
  const input = operationModel.input ? shapeOf(model, operationModel.input) : undefined;
  for (const [member, ref] of Object.entries(input?.members ?? {})) {
    const shape = shapeOf(model, ref);
    const cliName = xformName(member);
    const add = (name: string, spec: ArgumentSpec) => {
      table.set(`--${renamedArgument(service, operation, name)}`, spec);
      const alias = hiddenAlias(service, operation, name);
      if (alias) table.set(`--${alias}`, spec);
    };
    if (shape.type === 'boolean' && !ref.jsonvalue) {
      add(cliName, { member, ref, values: 0, flagValue: true });
      add(`no-${cliName}`, { member, ref, values: 0, flagValue: false });
    } else if (service === 'ec2' && isBooleanValueStructure(model, shape)) {
      // toplevelbool.py: ec2's `{"Value": boolean}` structures take `--flag`, `--flag Value=false` and `--no-flag`.
      add(cliName, { member, ref, values: '?', flagValue: { Value: true } });
      add(`no-${cliName}`, { member, ref, values: 0, flagValue: { Value: false } });
    } else {
      // arguments.py's ListArgument takes nargs='*': `--layers` alone sends an empty list (and removes every layer).
      add(cliName, { member, ref, values: shape.type === 'list' ? '*' : 1 });
    }
  }
  // Customizations name a few operations: most tables have nothing to change here.
  const operationKey = `${service}.${operation}`;
  const readers = CUSTOM_VALUE_READERS[operationKey];
  if (readers) {
    for (const [name, read] of Object.entries(readers)) {
      const spec = table.get(name);
      if (spec) table.set(name, { ...spec, read });
    }
  }
  for (const [name, spec] of OPERATION_OPTIONS) table.set(name, { values: spec.values });
  for (const name of REMOVED_ARGUMENTS[operationKey] ?? []) table.delete(name);
  const added = ADDED_ARGUMENTS[operationKey];
  if (added) for (const [name, values] of Object.entries(added)) table.set(name, { values });
  const paginator = model.paginators[operationName];
  if (paginator) {
    table.set('--starting-token', { values: 1 });
    table.set('--max-items', { values: 1 });
    if (paginator.limit_key) table.set('--page-size', { values: 1 });
  }
  return table;
}

function isBooleanValueStructure(model: ServiceModel, shape: Shape): boolean {
  const names = Object.keys(shape.members ?? {});
  return shape.type === 'structure' && names.length === 1 && shape.members?.Value !== undefined && shapeOf(model, shape.members.Value).type === 'boolean';
}

/** An option name resolved the way argparse does: exact, else a unique prefix. */
type Resolution = { name: string; abbreviated: boolean } | { ambiguous: string[] } | undefined;

/** Each prefix of a global option's name (`--out`, `--outp`, ...) and the names it starts: looked up for every option written. */
const GLOBAL_OPTION_PREFIXES = new Map<string, string[]>();
for (const name of GLOBAL_OPTION_NAMES) {
  for (let end = 1; end < name.length; end++) {
    const prefix = name.slice(0, end);
    GLOBAL_OPTION_PREFIXES.set(prefix, [...(GLOBAL_OPTION_PREFIXES.get(prefix) ?? []), name]);
  }
}

/**
 * Resolves a written option among `names`: exact, else a unique prefix. `prefixes` (each prefix of each name, and the
 * names it starts) answers the prefix question without a scan, for names asked about on every option (the global ones).
 */
function resolveOption(written: string, names: ReadonlySet<string> | ReadonlyMap<string, unknown>, prefixes?: ReadonlyMap<string, readonly string[]>): Resolution {
  // Almost every option is written in full: one look-up answers that without the prefix scan.
  if (names.has(written)) return { name: written, abbreviated: false };
  const candidates = prefixes ? [...(prefixes.get(written) ?? [])] : [...names.keys()].filter((name) => name.startsWith(written));
  if (candidates.length === 1) return { name: candidates[0]!, abbreviated: true };
  if (candidates.length > 1) return { ambiguous: candidates.sort() };
  return undefined;
}

/**
 * Has an outfile positional: the output's payload is a blob (`s3api get-object`, `lambda invoke`) or an
 * event stream the CLI writes to a file (`s3api select-object-content`, aws-cli's s3events customization).
 */
function takesOutfile(model: ServiceModel, operationModel: OperationModel): boolean {
  if (!operationModel.output) return false;
  const output = shapeOf(model, operationModel.output);
  const payload = typeof output.payload === 'string' ? output.members?.[output.payload] : undefined;
  if (payload === undefined) return false;
  const shape = shapeOf(model, payload);
  return shape.type === 'blob' || shape.eventstream === true;
}

export function translateCommand(command: AwsCommand, options: TranslateOptions): CommandTranslation {
  const problems: InputProblem[] = [];
  const translation: CommandTranslation = {
    problems,
    output: { format: 'json', maxItems: false, paginated: false },
    arguments: [],
  };
  // bash refuses the whole command at a syntax error (shell-syntax says so): nothing of it reaches the CLI to check.
  const refusedByShell = command.shell.issues.some((issue) => issue.kind === 'syntax-error');
  const report: Reporter = (kind, message, words, group) => {
    // Words read after a shell error get no model findings; a message quoting unknown content came from a check that needed it.
    if (refusedByShell || words.some(isUnreliable) || holdsUnknown(message)) return;
    // Messages quote values, and values read from files span lines: a finding is one line.
    if (words.length > 0) problems.push({ kind, message: message.replace(/\r?\n/g, '\\n'), ...span(words), ...(group ? { group } : {}) });
  };
  const service = command.service;
  // `aws ... | tr`, `aws $SERVICE list`: a service word that stands for any says nothing to check.
  if (service === undefined || command.serviceWord === undefined || isWhollyUnknown(command.serviceWord)) return translation;

  const model = options.models.get(unaliasedServiceName(service));
  const broken = model ? undefined : options.models.problem?.(unaliasedServiceName(service));
  if (broken) {
    report('broken-model', `The model of '${service}' cannot be used (${broken}): the command is not checked.`, [command.serviceWord]);
    return translation;
  }
  if (!model) {
    if (service === 'help' || service === '--help') {
      translation.customization = 'help';
      report('customization', `'aws ${service}' prints the CLI's help page: there is no API call to check.`, [command.serviceWord]);
    } else if (CUSTOM_SERVICES.has(service)) {
      translation.customization = `${service}${command.operation ? ` ${command.operation}` : ''}`;
      customization(translation, command, [command.serviceWord], report);
    } else if (command.operationWord && (CUSTOM_COMMANDS[service] ?? []).includes(command.operationWord.value)) {
      // A customization's own argument table needs no service model.
      translation.customization = `${service} ${command.operationWord.value}`;
      customization(translation, command, [command.operationWord], report);
    } else if (knownCliServices().has(unaliasedServiceName(service))) {
      // A real service this run has no model for: said once per service, never an error.
      const message = `No model for '${service}' here: its commands are not checked; install the AWS CLI or pass --models DIR.`;
      report('missing-model', message, [command.serviceWord], { key: `missing-model:${service}`, item: service, message: () => message });
    } else {
      const names = [...options.models.serviceNames(), ...knownCliServices()];
      const known = [...names, ...names.flatMap((name) => documentedServiceAlias(name) ?? []), ...CUSTOM_SERVICES];
      // `aws mb s3://b`, `aws cp a s3://b`: an s3 command with its `s3` left out.
      const s3Command = customCommandArguments('s3', service) ? ` Did you mean 'aws s3 ${service}'?` : undefined;
      report('unknown-service', `Unknown service '${service}'.${s3Command ?? didYouMean(service, known)}`, [command.serviceWord]);
    }
    return translation;
  }
  translation.model = model;
  if (command.operation === undefined || command.operationWord === undefined) {
    report('unknown-operation', `'aws ${service}' names no operation: the AWS CLI prints its usage and fails.`, [command.serviceWord]);
    return translation;
  }
  if (isWhollyUnknown(command.operationWord)) return translation;

  let operation = command.operation;
  let args = command.args;
  let operationWords: Word[] = [command.operationWord];

  if (operation === 'help') {
    translation.customization = `${service} help`;
    report('customization', `'aws ${service} help' prints the service's help page: there is no API call to check.`, operationWords);
    return translation;
  }
  if ((CUSTOM_COMMANDS[service] ?? []).includes(operation)) {
    translation.customization = `${service} ${operation}`;
    customization(translation, command, operationWords, report);
    return translation;
  }
  if (operation === 'wait') {
    const waiterWord = args[0];
    const waiters = new Map(Object.entries(model.waiters).map(([name, waiter]) => [xformName(name), waiter]));
    const waiter = waiterWord ? waiters.get(waiterWord.value) : undefined;
    if (!waiterWord || !waiter) {
      const written = waiterWord?.value ?? '';
      report('unknown-operation', `Unknown waiter '${written}' for 'aws ${service} wait'.${didYouMean(written, waiters.keys())}`, waiterWord ? [waiterWord] : operationWords);
      return translation;
    }
    translation.customization = `${service} wait ${waiterWord.value}`;
    report('customization', `'aws ${service} wait ${waiterWord.value}' polls ${waiter.operation} until the waiter's condition holds: a CLI customization.`, [command.operationWord, waiterWord]);
    operation = xformName(waiter.operation);
    args = args.slice(1);
    operationWords = [command.operationWord, waiterWord];
  }
  const instead = VERSION_1_COMMANDS[service]?.[operation];
  if (instead !== undefined) {
    report('unknown-operation', `'aws ${service} ${operation}' is a command of AWS CLI version 1 that version 2 removed: use ${instead}.`, operationWords);
    return translation;
  }
  if (REMOVED_COMMANDS[service]?.includes(operation)) {
    report('unknown-operation', `The AWS CLI has no command 'aws ${service} ${operation}': it takes the operation out (deprecated, or it streams events, which the CLI cannot print); call it through an SDK.`, operationWords);
    return translation;
  }
  const operationName = operationApiName(model.operations, HIDDEN_OPERATION_ALIASES[service]?.[operation] ?? operation);
  const operationModel = operationName ? model.operations[operationName] : undefined;
  if (!operationName || !operationModel) {
    const candidates = [...Object.keys(model.operations).map(operationCliName), ...(CUSTOM_COMMANDS[service] ?? []), ...(Object.keys(model.waiters).length ? ['wait'] : [])];
    report('unknown-operation', `Unknown operation '${operation}' for service '${service}'.${didYouMean(operation, candidates)}`, operationWords);
    return translation;
  }
  translation.operationName = operationName;
  readArguments(translation, { service, operation, operationName, model, operationModel, command, args, operationWords, report, options });
  return translation;
}

/** Says what a customization is and checks its arguments where their table is known here. */
function customization(translation: CommandTranslation, command: AwsCommand, words: Word[], report: Reporter): void {
  const name = translation.customization!;
  const known = command.operation === undefined || isWhollyUnknown(command.operationWord!) ? undefined : customCommandArguments(command.service!, command.operation);
  if (!known) {
    report('customization', `'aws ${name}' is a CLI customization, not an API call: its input is not checked.`, words);
    return;
  }
  report('customization', `'aws ${name}' is a CLI customization, not an API call: its options are checked, their values are not.`, words);
  readCustomArguments(translation, command, known, command.operationWord ? [command.operationWord] : words, report);
}

interface ReadState {
  service: string;
  operation: string;
  /** The operation's key in the model, which paginators use (cloudfront's wire names carry a version: `ListDistributions2020_05_31`). */
  operationName: string;
  model: ServiceModel;
  operationModel: OperationModel;
  command: AwsCommand;
  args: Word[];
  operationWords: Word[];
  report: Reporter;
  options: TranslateOptions;
}

type Reporter = (kind: InputProblemKind, message: string, words: readonly Word[], group?: ProblemGroup) => void;

/** A word split at `=` when it is `--name=value`. */
function splitOption(word: Word): { option: string; inlineValue?: Word } {
  const equals = word.value.indexOf('=');
  if (!word.value.startsWith('--') || equals < 0) return { option: word.value };
  const unknown = sliceSpans(word.unknown, equals + 1);
  const { unknown: _, ...known } = word;
  return { option: word.value.slice(0, equals), inlineValue: { ...known, value: word.value.slice(equals + 1), ...(unknown ? { unknown } : {}) } };
}

/** What argparse made of a command's words: options given, globals, positional words, and whether it stopped early. */
interface OptionReading {
  given: Map<string, { spec: ArgumentSpec; option: Word; values: Word[] }>;
  globals: Map<string, Word[]>;
  positionals: Word[];
  /**
   * argparse stops at an ambiguous prefix, an option without its value (or with one it takes none of), or a value
   * outside its choices or not an integer: the CLI never gets to its required-parameter check.
   */
  parserStopped: boolean;
  /** Options a misspelt one most likely meant (its did-you-mean). */
  misspelt: Set<string>;
  /** Whether an option was not known: where the words after it belong is a guess. */
  unknownOption: boolean;
}

/** Reads a command's words against its argument table and the global options, as the CLI's parsers do. */
function readOptions(translation: CommandTranslation, words: Word[], table: ReadonlyMap<string, ArgumentSpec>, service: string, operation: string, report: Reporter): OptionReading {
  const reading: OptionReading = { given: new Map(), globals: new Map(), positionals: [], parserStopped: false, misspelt: new Set(), unknownOption: false };
  const { given, globals, positionals, misspelt } = reading;
  /** Unknown option as written → the parameter it is closest to: said in the unknown options' one finding. */
  const suggestions = new Map<string, string>();

  for (let index = 0; index < words.length; index++) {
    const word = words[index]!;
    if (word.value === '--') {
      positionals.push(...words.slice(index + 1));
      break;
    }
    if (!isOptionLike(word.value)) {
      positionals.push(word);
      continue;
    }
    const { option, inlineValue } = splitOption(word);
    // The CLI's main parser reads global options first, wherever they stand; the operation's parser gets the rest.
    let resolution = resolveOption(option, GLOBAL_OPTION_NAMES, GLOBAL_OPTION_PREFIXES);
    const isGlobal = resolution !== undefined;
    resolution ??= resolveOption(option, table);
    if (resolution === undefined) {
      const values = takeValues(words, index + 1, '+');
      index += values.length;
      // `--$OPTION`, `--<name>`: which option the reader means is not known.
      if (hasUnknown(word)) continue;
      reading.unknownOption = true;
      // `-–container-name=demo` (a typographic dash, so no option the CLI splits at its `=`): the name is before the `=`.
      const name = option.includes('=') ? option.slice(0, option.indexOf('=')) : option;
      const meant = closest(name, [...table.keys(), ...GLOBAL_OPTION_NAMES]) ?? widened(name, table.keys()) ?? narrowed(name, table.keys()) ?? unprefixed(name, table.keys(), operation);
      // A misspelt option is one defect: the option it names is not also reported as missing; nor is one it names from
      // memory (`--partitions` for `--partition-count`), too far from it for a did-you-mean.
      if (meant !== undefined) misspelt.add(meant);
      for (const other of table.keys()) if (sameStem(name, other) || endsOption(name, other) || sharesTopic(name, other, operation)) misspelt.add(other);
      const suggestion = meant === undefined ? '' : ` Did you mean '${meant}'?`;
      // Unknown options of one command are one finding (another tool's parameter names, as PowerShell's `-QueueName`).
      if (meant !== undefined) suggestions.set(option, meant);
      report('unknown-parameter', `Unknown parameter '${option}' for 'aws ${service} ${operation}'.${suggestion}`, [word], {
        key: 'unknown options',
        // The option as written is what the finding is about; the suggestion comes from the model.
        item: option,
        message: (items) => {
          const named = [...new Set(items)].map((item) => `'${item}'${suggestions.has(item) ? ` (did you mean '${suggestions.get(item)}'?)` : ''}`);
          return `Unknown parameter${named.length > 1 ? 's' : ''} ${named.join(', ')} for 'aws ${service} ${operation}'.`;
        },
      });
      continue;
    }
    if ('ambiguous' in resolution) {
      report('ambiguous-parameter', `Ambiguous option '${option}': could match ${resolution.ambiguous.join(', ')}.`, [word]);
      reading.parserStopped = true;
      index += takeValues(words, index + 1, '+').length;
      continue;
    }
    const name = resolution.name;
    if (resolution.abbreviated) report('abbreviated-parameter', `'${option}' is an abbreviation of '${name}': write the full name.`, [word]);
    if (isGlobal && name === '--version') {
      // `aws eks create-cluster --version 1.27`: the CLI prints its own version and exits, whatever the command.
      const own = [...table.keys()].filter((candidate) => candidate.endsWith('-version'));
      const meant = own.length > 0 ? `; this command's own is ${own.map((candidate) => `'${candidate}'`).join(' or ')}` : '';
      report('invalid-parameter-value', `'--version' is the AWS CLI's own option: the CLI prints its version and exits without running the command${meant}.`, [word]);
      reading.parserStopped = true;
      break;
    }
    const spec: ArgumentSpec = isGlobal ? { values: GLOBAL_OPTIONS[name] === 'value' ? 1 : 0 } : table.get(name)!;
    const values = inlineValue ? [inlineValue] : takeValues(words, index + 1, spec.values);
    if (!inlineValue) index += values.length;
    const needed = spec.values === '+' ? 1 : spec.values === '?' || spec.values === '*' ? 0 : spec.values;
    if (values.length < needed) {
      const expected = spec.values === '+' ? 'at least one value' : needed === 1 ? 'a value' : `${needed} values`;
      // `--name --region` (values left out): argparse stops at the first, and the author made one slip. One finding names them all.
      report('invalid-parameter-value', `'${name}' expects ${expected}.`, [word], {
        key: 'options without values',
        item: `'${name}' expects ${expected}`,
        message: (items) => `${items.join('; ')}.`,
      });
      reading.parserStopped = true;
      continue;
    }
    if (spec.values === 0 && inlineValue) {
      report('invalid-parameter-value', `'${name}' takes no value.`, [word]);
      reading.parserStopped = true;
      continue;
    }
    const argument: ParsedArgument = spec.member ? { name, member: spec.member, words: [word] } : { name, words: [word] };
    if (!inlineValue) argument.words.push(...values);
    translation.arguments.push(argument);
    // A projection is what the author documents, even one the CLI would refuse: the output is not the response.
    if (name === '--query' && values[0] !== undefined) translation.output.query = values[0].value;
    const rest = name === '--query' && !inlineValue ? splitQueryRest(words, index, values) : [];
    if (rest.length > 0) {
      // `--query [Count, ScannedCount]`: one defect, said once for the expression and the words bash split off it.
      const whole = [values[0]!, ...rest].map((each) => each.value).join(' ');
      report('invalid-parameter-value', `The --query expression '${whole}' is not quoted: bash splits it at its blanks and the CLI refuses '${values[0]!.value}'; quote the whole expression.`, [word, ...values, ...rest]);
      index += rest.length;
      reading.parserStopped = true;
      continue;
    }
    if (!optionValueAccepted(name, values, word, report)) {
      reading.parserStopped = true;
      continue;
    }
    if (isGlobal) {
      readGlobal(translation, name, values);
      globals.set(name, values);
      continue;
    }
    const key = spec.member ?? name;
    const earlier = given.get(key);
    if (earlier && !spec.repeatable) {
      report('duplicate-parameter', `'${name}' is given more than once: the CLI keeps only the last value.`, [word]);
    }
    given.set(key, { spec, option: word, values });
    // `--s3-destination-configuration ...`: the author left the value out, so nothing of it can be checked (said, not skipped).
    if (values.length === 1 && (ELISIONS.has(values[0]!.raw) || ELIDED_VALUE.test(values[0]!.value))) {
      report('elided-value', `\`${name} ${values[0]!.raw}\` leaves the value out: it is not checked.`, [word, values[0]!]);
    }
  }

  return reading;
}

function readArguments(translation: CommandTranslation, state: ReadState): void {
  const { service, operation, operationName, model, operationModel, command, report } = state;
  const table = argumentTable(service, operation, model, operationName);
  const words = [...command.leadingGlobals, ...state.args];
  const { given, globals, positionals, parserStopped, misspelt, unknownOption } = readOptions(translation, words, table, service, operation, report);

  // clidriver.py's operation parser has an optional positional `help`: the command prints its help page.
  if (positionals[0]?.value === 'help') {
    translation.customization = `${service} ${operation} help`;
    report('customization', `'aws ${service} ${operation} help' prints the command's help page: there is no API call to check.`, [positionals[0]]);
    return;
  }
  const outfile = takesOutfile(model, operationModel);
  // The outfile is the first word that is no stand-in: `get-object ... model.bin` elides the options before it.
  const standIns = positionals.filter(standsForOptions);
  const named = positionals.filter((word) => !standsForOptions(word));
  const strays = outfile ? named.slice(1) : named;
  reportStrays(strays, outfile ? `'aws ${service} ${operation}' takes one positional argument, the output file.` : `'aws ${service} ${operation}' takes no positional arguments here.`, report);
  // An unknown option takes no value in the CLI's parser: the word after it that is read here as its value may well
  // be the outfile, and the unknown option is the defect said.
  if (outfile && positionals.length === 0 && !unknownOption) {
    report('missing-required-parameter', `'aws ${service} ${operation}' needs an output file name after its options (outfile).`, state.operationWords);
  }

  // A stray word right after an option's value continues it (`Name=a, Value=b`: a space split one value): the CLI stops
  // at the stray words, and the value's own problems are the same defect, so that value is taken unchecked.
  const strayAt = new Set(strays.map((stray) => words.indexOf(stray)));
  const splitValues = new Set<string>();
  for (const [key, { option, values }] of given) {
    const last = values.length > 0 && words.includes(values.at(-1)!) ? values.at(-1)! : option;
    if (strayAt.has(words.indexOf(last) + 1)) splitValues.add(key);
  }
  // Words read after a shell error may hide the options the author gave: the required check would guess.
  // A positional `{}` (xargs -I, find -exec) is what the pipeline fills in, maybe options: its stray-word finding is the defect.
  const filledIn = strays.some((word) => word.raw === '{}');
  // `... --deployment-targets ...`: an elision ending the command stands for the rest of it, options too, even where
  // the option before it takes it for its value.
  const elidedTail = ELISIONS.has(words.at(-1)?.raw ?? '');
  buildInput(translation, state, given, globals, { parserStopped, requiredUnknown: parserStopped || words.some(isUnreliable) || standIns.length > 0 || filledIn || elidedTail }, splitValues, misspelt);
  const query = globals.get('--query')?.[0];
  if (query && !parserStopped && !translation.customization && operationModel.output && !hasUnknown(query)) {
    const compiled = compiledQuery(query.value);
    for (const problem of compiled instanceof Error ? [] : queryPathProblems(model, operationModel.output, compiled, operationModel.output.shape)) {
      report('query-path', problem.message, [wordPart(query, problem.name)]);
    }
  }
}

/** The first place in a one-line word where `name` stands as a whole identifier; the whole word where there is none. */
function wordPart(word: Word, name: string): Word {
  if (word.start.line !== word.end.line || name === '') return word;
  const partOfName = (char: string | undefined) => char !== undefined && /[\w$]/.test(char);
  let index = word.raw.indexOf(name);
  while (index !== -1 && (partOfName(word.raw[index - 1]) || partOfName(word.raw[index + name.length]))) index = word.raw.indexOf(name, index + 1);
  if (index === -1) return word;
  const at = (shift: number): Point => ({ line: word.start.line, column: word.start.column + shift, ...(word.start.offset !== undefined && { offset: word.start.offset + shift }) });
  return { ...word, value: name, raw: name, start: at(index), end: at(index + name.length) };
}

/**
 * An unquoted shell value (`$EXTRA_OPTS`, also `"$@"`), words of the command before (`!:3` at a prompt), an elision
 * (`...`) or what xargs appends (a word without text) may stand for options: no stray word, and no required parameter
 * can be called missing. A placeholder (`<role-name>`) stands for one value: a stray one is still stray.
 */
function standsForOptions(word: Word): boolean {
  return isWhollyUnknown(word) && /^(?:\$|"\$[@*]"$|!|\.\.\.$|…$|$)/.test(word.raw);
}

/** Stray words come from one cause (a lost quote, prose run into the command): one finding names them all. */
function reportStrays(strays: readonly Word[], takes: string, report: Reporter): void {
  const strayWords = (items: readonly string[]) => `Unexpected words '${clip(items.join(' '))}': ${takes}`;
  for (const stray of strays) {
    if (stray.splitFrom !== undefined) {
      // `--group-name $NAME` with NAME="my web group": the words bash split off the variable's value are one defect.
      const split = stray.splitFrom;
      const splitWords = (items: readonly string[]) => `bash splits the unquoted \`${split}\` at the blanks in its value, so the CLI gets '${clip(items.join(' '))}' as stray words (${takes.replace(/\.$/, '')}); quote it: "${split}".`;
      report('unknown-parameter', splitWords([stray.value]), [stray], { key: `split ${split}`, item: stray.value, message: splitWords });
    } else {
      report('unknown-parameter', `Unexpected word '${stray.value}': ${takes}`, [stray], { key: 'stray words', item: stray.value, message: strayWords });
    }
  }
}

/** The CLI names every missing argument in one error ("the following arguments are required: ..."): one finding. */
function reportMissing(missing: readonly string[], service: string, operation: string, words: readonly Word[], report: Reporter): void {
  if (missing.length === 0) return;
  const names = missing.length === 1 ? missing[0] : `${missing.slice(0, -1).join(', ')} and ${missing.at(-1)}`;
  report('missing-required-parameter', `Missing required parameter${missing.length > 1 ? 's' : ''} ${names} for 'aws ${service} ${operation}'.`, words);
}

/**
 * A customization whose argument table is known (`s3 cp`, `cloudformation deploy`): its options, their arity, the
 * required ones and the number of positional words are checked as argparse would; its values are not.
 */
function readCustomArguments(translation: CommandTranslation, command: AwsCommand, known: CustomCommandArguments, operationWords: Word[], report: Reporter): void {
  const [service, operation] = translation.customization!.split(' ') as [string, string];
  const table = new Map<string, ArgumentSpec>(Object.entries(known.options).map(([name, values]) => [name, { values, ...(known.repeatable?.includes(name) && { repeatable: true }) }]));
  const words = [...command.leadingGlobals, ...command.args];
  const { given, positionals, parserStopped, misspelt, unknownOption } = readOptions(translation, words, table, service, operation, report);
  // argparser.py: `help` as the command's only word prints its help page.
  if (positionals.length === 1 && positionals[0]!.value === 'help' && given.size === 0) {
    translation.customization = `${service} ${operation} help`;
    report('customization', `'aws ${service} ${operation} help' prints the command's help page: there is no API call to check.`, positionals);
    return;
  }
  // Where words belong is a guess after a shell error, where argparse stopped, and past a word that may stand for options.
  if (parserStopped || words.some(isUnreliable) || positionals.some(standsForOptions)) return;
  reportMissing(known.required.filter((name) => !given.has(name) && !misspelt.has(name)).map((name) => `'${name}'`), service, operation, operationWords, report);
  // An unknown option may have taken the words after it, or left them: the count of positional words would guess.
  if (unknownOption) return;
  const { min, max, what } = known.positionals;
  if (service === 's3') for (const { message, words: at } of s3PathProblems(operation, positionals.slice(0, max))) report('invalid-parameter-value', message, at);
  reportStrays(positionals.slice(max), `'aws ${service} ${operation}' takes ${what}.`, report);
  if (positionals.length < min) {
    report('missing-required-parameter', `'aws ${service} ${operation}' takes ${what}: ${positionals.length === 0 ? 'none' : positionals.length} given.`, operationWords);
  }
}

/** A quoted value on one line of a message: long ones cut. */
function clip(text: string): string {
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

/** The value words of an option: `count` words that are not options themselves. */
const ELISIONS: ReadonlySet<string> = new Set(['...', '…']);

function takeValues(words: Word[], start: number, count: ArgumentSpec['values']): Word[] {
  const values: Word[] = [];
  const limit = count === '+' || count === '*' ? Infinity : count === '?' ? 1 : count;
  for (let index = start; index < words.length && values.length < limit; index++) {
    const word = words[index]!;
    if (isOptionLike(word.value) || word.value === '--') break;
    // `--instance-ids i-1 ...`: an elision after a value stands for what the author left out, options too.
    if (values.length > 0 && ELISIONS.has(word.raw)) break;
    values.push(word);
  }
  return values;
}

/**
 * The option an unknown one names with a word added at its end (`--cluster-name` for `--cluster`): further from it
 * than a misspelling, as plainly meant. The longest such wins. (A word left out is an abbreviation argparse takes.)
 */
function widened(option: string, names: Iterable<string>): string | undefined {
  let best: string | undefined;
  for (const name of names) if (option.startsWith(`${name}-`) && (best === undefined || name.length > best.length)) best = name;
  return best;
}

/**
 * The one option an unknown one-word option is the last word of (`--description` for create-replication-group's
 * `--replication-group-description`): the operation's name for that thing. Not a word that only says what kind of
 * value it is (`--name`, `--id`), which many options end in.
 */
function narrowed(option: string, names: Iterable<string>): string | undefined {
  const word = option.slice(2);
  if (word.includes('-') || word.length < 5 || VALUE_KIND_WORDS.has(word)) return undefined;
  const found = [...names].filter((name) => name.endsWith(`-${word}`));
  return found.length === 1 ? found[0] : undefined;
}

/**
 * The option an unknown one names with the operation's own words before it (`--pipeline-name` for get-pipeline-state's
 * `--name`, `--crawler-name` for get-crawler's): the thing the operation acts on, said again.
 */
function unprefixed(option: string, names: Iterable<string>, operation: string): string | undefined {
  const words = option.slice(2).split('-');
  const operationWords = new Set(operation.split('-'));
  let first = 0;
  while (first < words.length - 1 && operationWords.has(words[first]!)) first++;
  if (first === 0) return undefined;
  const rest = `--${words.slice(first).join('-')}`;
  return [...names].includes(rest) ? rest : undefined;
}

/** Words that say what kind of value an option takes, not what it is about: shared, they tie two options together by chance. */
const VALUE_KIND_WORDS: ReadonlySet<string> = new Set(['name', 'names', 'id', 'ids', 'arn', 'arns', 'type', 'types', 'key', 'value', 'values', 'config', 'configuration', 'list', 'count', 'size', 'time', 'mode', 'policy', 'document', 'file', 'path', 'url', 'source', 'target', 'output', 'input']);

/**
 * `--iam-role` for `--role-arn`: options of two words or more that share a word telling what they are about (not a word
 * of the operation's own name, which many of its options repeat: `--user-description` is not `--user-name` in create-user).
 */
function sharesTopic(option: string, name: string, operation: string): boolean {
  const words = option.slice(2).split('-');
  if (words.length < 2) return false;
  const nameWords = new Set(name.slice(2).split('-'));
  const operationWords = new Set(operation.split('-'));
  return words.some((word) => word.length >= 3 && !VALUE_KIND_WORDS.has(word) && !operationWords.has(word) && nameWords.has(word));
}

/** `--task-arn` for `--replication-task-arn`: an option of two words or more that is the end of the table's option, word for word. */
function endsOption(option: string, name: string): boolean {
  return option.indexOf('-', 2) > 2 && name.length > option.length && name.endsWith(`-${option.slice(2)}`);
}

/**
 * Whether an option of one word names another by its first word, plural or not (`--partitions` for `--partition-count`).
 * Longer names say more than their first word (`--user-description` is no `--user-name`).
 */
function sameStem(option: string, name: string): boolean {
  const word = option.slice(2).replace(/s$/, '');
  return !word.includes('-') && word.length >= 5 && name.slice(2).split('-', 1)[0]!.replace(/s$/, '') === word;
}

/**
 * The words after a `--query` value that bash split off it: the value alone does not compile as JMESPath, and with
 * the next few words that are no options it does. None when the value compiles, or no such words mend it.
 */
function splitQueryRest(words: readonly Word[], valueIndex: number, values: readonly Word[]): Word[] {
  const value = values[0];
  if (value === undefined || hasUnknown(value) || compiles(value.value)) return [];
  let text = value.value;
  for (let next = valueIndex + 1; next < words.length && next <= valueIndex + 8; next++) {
    const word = words[next]!;
    if (word.value.startsWith('--') || hasUnknown(word)) return [];
    text += ` ${word.value}`;
    if (compiles(text)) return words.slice(valueIndex + 1, next + 1);
  }
  return [];
}

/** A `--query` expression compiled once for the three readers of it (its split words, the CLI's own check, query-path). */
function compiledQuery(expression: string): ReturnType<typeof compileJmesPath> | Error {
  let compiled = compiledQueries.get(expression);
  if (compiled === undefined) {
    try {
      compiled = compileJmesPath(expression);
    } catch (error) {
      compiled = error as Error;
    }
    // A long-lived host (an editor, the vitest integration) checks many documents: the cache stays small.
    if (compiledQueries.size >= 2000) compiledQueries.clear();
    compiledQueries.set(expression, compiled);
  }
  return compiled;
}

const compiledQueries = new Map<string, ReturnType<typeof compileJmesPath> | Error>();

function compiles(expression: string): boolean {
  return !(compiledQuery(expression) instanceof Error);
}

/** A CLI option's value against the CLI's own rules (choices, integers); reports and says no when it breaks them. */
function optionValueAccepted(name: string, values: Word[], word: Word, report: ReadState['report']): boolean {
  const value = values[0]?.value;
  // `--output $FORMAT`, `--query "$QUERY"`: the choice or expression is not known here.
  if (value === undefined || hasUnknown(values[0]!)) return true;
  const choices = OPTION_CHOICES[name];
  if (choices && !choices.includes(value)) {
    report('invalid-parameter-value', `Invalid value '${value}' for '${name}': choose from ${choices.join(', ')}.`, [word, ...values]);
    return false;
  }
  if (INTEGER_OPTIONS.has(name) && !/^\s*[+-]?\d+\s*$/.test(value)) {
    report('invalid-parameter-value', `'${name}' takes an integer, not '${value}'.`, [word, ...values]);
    return false;
  }
  if (name === '--query') {
    // The CLI compiles the expression while it reads the options (argparse type `_query_type`).
    const compiled = compiledQuery(value);
    if (compiled instanceof Error) {
      report('invalid-parameter-value', `Bad value for --query ${value}: ${compiled.message}`, [word, ...values]);
      return false;
    }
  }
  return true;
}

/** What `--output` changes in what the CLI prints. */
function readGlobal(translation: CommandTranslation, name: string, values: Word[]): void {
  const value = values[0]?.value;
  if (name === '--output' && value !== undefined && OUTPUT_FORMATS.has(value as OutputFormat)) translation.output.format = value as OutputFormat;
}

function buildInput(
  translation: CommandTranslation,
  state: ReadState,
  given: Map<string, { spec: ArgumentSpec; option: Word; values: Word[] }>,
  globals: Map<string, Word[]>,
  /**
   * `parserStopped`: argparse refused the command line before reading any value. `requiredUnknown`: so did it, or
   * words the reading cannot trust may hold required members: none is called missing.
   */
  { parserStopped, requiredUnknown }: { parserStopped: boolean; requiredUnknown: boolean },
  splitValues: ReadonlySet<string>,
  misspelt: ReadonlySet<string>,
): void {
  const { model, operationModel, report, service, operation } = state;
  const binaryFormat = globals.get('--cli-binary-format')?.[0]?.value ?? 'base64';
  const fromCommandLine: Record<string, unknown> = {};
  const inputShape = operationModel.input ? shapeOf(model, operationModel.input) : undefined;
  const inputFile = readCliInput(given, state);
  const fromInputFile = inputFile?.members;

  const operationKey = `${service}.${operation}`;
  for (const [key, { spec, option, values }] of given) {
    if (!spec.member || !spec.ref) continue;
    const equals = option.value.indexOf('=');
    const name = equals < 0 ? option.value : option.value.slice(0, equals);
    const valueWords = values.length > 0 ? values : [option];
    if (spec.values === 0 || (spec.values === '?' && values.length === 0)) {
      fromCommandLine[spec.member] = spec.flagValue;
      continue;
    }
    // A whole value not known here (`--attributes $ATTRS`, `--limit <n>`) is taken as given, unchecked.
    if (values.some(isWhollyUnknown) || splitValues.has(key)) {
      fromCommandLine[spec.member] = values.length === 1 && spec.values !== '+' && spec.values !== '*' ? values[0]!.value : values.map((word) => word.value);
      continue;
    }
    const texts = resolveParamFiles(values, state, spec);
    if (texts === undefined) continue;
    const waivedBy = PATTERN_WAIVED_BY[operationKey]?.[spec.member];
    const context = { ...valueContext(state, spec.member, binaryFormat, valueWords, texts.shownAt ?? ''), ...(waivedBy !== undefined && (waivedBy === ANY_USE || given.has(waivedBy)) && { patternWaived: true }) };
    // argparse refused the command line first (an invalid choice, a missing value): the CLI never reads the values, so
    // their problems are no findings. They are still read, for the input's secrets to be masked.
    if (parserStopped) context.report = () => {};
    const shape = shapeOf(model, spec.ref);
    if (shape.type === 'blob' && shape.streaming) continue; // a file path the CLI opens: checked by resolveParamFiles
    if (texts.binary) {
      fromCommandLine[spec.member] = texts.binary;
      continue;
    }
    const value = spec.read ? spec.read(texts.values) : unpackArgument(spec.ref, texts.values, context, name);
    if (value === undefined) continue;
    validateValue(model, shape, value, spec.member, context);
    const bucketProblem = spec.member === 'Bucket' && model.metadata.serviceId === 'S3' && typeof value === 'string' && !values.some((word) => word.unknown) ? bucketNameProblem(value) : undefined;
    if (bucketProblem !== undefined) context.report('invalid-parameter-value', bucketProblem);
    fromCommandLine[spec.member] = texts.marked ? asWritten(state, spec, values, binaryFormat) : toApiValue(model, shape, value, binaryFormat);
  }

  const input = fromInputFile
    ? withInputFileMembers(fromInputFile, fromCommandLine, state, binaryFormat, given.get('--cli-input-json')!.values, inputFile.shownAt ?? '')
    : fromCommandLine;
  const inputFileUnseen = fromInputFile === undefined && (given.has('--cli-input-json') || given.has('--cli-input-yaml'));
  const skeleton = given.has('--generate-cli-skeleton');
  // Arguments added by customizations fill members in ways the model does not say (`--zip-file` → Code).
  const added = ADDED_ARGUMENTS[operationKey];
  const customizedInput = added !== undefined && [...given.keys()].some((key) => key in added && !OUTPUT_ONLY_ARGUMENTS.has(key));
  // awslambda.py loads `--zip-file` as a zip archive's bytes: only `fileb://` gives them (`file://` reads the file as text).
  const zipFile = added?.['--zip-file'] !== undefined ? given.get('--zip-file')?.values[0] : undefined;
  // A value that starts with what the reader fills in (`$ZIP`) may hold the prefix.
  if (zipFile !== undefined && !zipFile.unknown?.some((span) => span.start === 0) && !zipFile.value.startsWith('fileb://')) {
    const asText = zipFile.value.startsWith('file://');
    report(
      'invalid-parameter-value',
      `--zip-file takes a zip archive's bytes: '${clip(zipFile.value)}' ${asText ? 'reads the file as text' : 'names no file'}, and the CLI stops with "--zip-file must be a zip file with the fileb:// prefix"; write --zip-file fileb://${zipFile.value.replace(/^file:\/\//, '')}.`,
      [zipFile],
    );
  }
  const missing: string[] = [];
  if (!requiredUnknown && !inputFileUnseen && !skeleton && !customizedInput) {
    for (const member of inputShape?.required ?? []) {
      const ref = inputShape?.members?.[member];
      if (member in input || given.has(member) || ref?.idempotencyToken || DEFAULTED_MEMBERS[operationKey]?.includes(member)) continue;
      const shape = ref ? shapeOf(model, ref) : undefined;
      const cliName = `--${renamedArgument(service, operation, xformName(member))}`;
      if (misspelt.has(cliName)) continue;
      missing.push(`'${cliName}'${shape?.type === 'boolean' ? ` (or --no-${xformName(member)})` : ''}`);
    }
  }
  // Arguments a customization adds and requires: argparse names them in the same error.
  if (!requiredUnknown && !skeleton) for (const name of REQUIRED_ADDED_ARGUMENTS[operationKey] ?? []) if (!given.has(name) && !misspelt.has(name)) missing.push(`'${name}'`);
  reportMissing(missing, service, operation, state.operationWords, report);

  translation.input = input;
  const paginator = model.paginators[state.operationName];
  const pagingMembers = pagingMembersOf(paginator);
  translation.output.maxItems = given.has('--max-items');
  translation.output.paginated =
    paginator !== undefined && !globals.has('--no-paginate') && !pagingMembers.some((member) => given.has(member));
}

/**
 * The members `--cli-input-json` adds: those the command line does not give (aws-cli's cliinput.py), validated
 * as botocore validates any member and turned into the SDK's values (base64 blobs into bytes). Unknown members
 * are kept as written, so a replay shows what the client does with them.
 */
function withInputFileMembers(fromInputFile: Record<string, unknown>, input: Record<string, unknown>, state: ReadState, binaryFormat: string, words: Word[], shownAt: string): Record<string, unknown> {
  const { model, operationModel, report } = state;
  const inputShape = operationModel.input ? shapeOf(model, operationModel.input) : undefined;
  const added: [string, unknown][] = [];
  for (const [member, value] of Object.entries(fromInputFile)) {
    if (Object.hasOwn(input, member)) continue;
    const ref = memberRef(inputShape, member);
    if (!ref) {
      report('invalid-parameter-value', `Unknown parameter in input: "${member}", must be one of: ${Object.keys(inputShape?.members ?? {}).join(', ')}.${shownAt}`, words);
      added.push([member, value]);
      continue;
    }
    const context = valueContext(state, member, binaryFormat, words, shownAt);
    const shape = shapeOf(model, ref);
    validateValue(model, shape, value, member, context);
    added.push([member, toApiValue(model, shape, value, binaryFormat)]);
  }
  return Object.fromEntries([...added, ...Object.entries(input)]);
}

/** How a member's value is read and checked; its problems stand at `words`, noting the shown file it came from. */
function valueContext(state: ReadState, member: string, binaryFormat: string, words: readonly Word[], shownAt: string): UnpackContext {
  const { model, service, operation, report } = state;
  return {
    model,
    binaryFormat,
    // The CLI names every problem of the input in one "Parameter validation failed" error: a value's are one finding.
    // (Constraints the CLI does not check, as patterns, are the service's to refuse: each stays its own warning.)
    report: (kind, message) =>
      report(
        kind,
        message + shownAt,
        words,
        kind === 'invalid-parameter-value' ? { key: `value of ${member}`, item: message, message: (items) => `Parameter validation failed: ${items.join(' ')}${shownAt}` } : undefined,
      ),
    oldListCase: usesOldListCase(model, operation, renamedArgument(service, operation, xformName(member))),
  };
}

/**
 * A value holding unknown content as the SDK would get it: read from the words as written, without checks (those
 * were made on the marked text), or the text itself where it does not read.
 */
function asWritten(state: ReadState, spec: ArgumentSpec, values: Word[], binaryFormat: string): unknown {
  const unchecked: UnpackContext = { model: state.model, binaryFormat, report: () => undefined };
  const texts = values.map((word) => word.value);
  const value = spec.read ? spec.read(texts) : unpackArgument(spec.ref!, texts, unchecked, '');
  return value === undefined ? (texts.length === 1 ? texts[0] : texts) : toApiValue(state.model, shapeOf(state.model, spec.ref!), value, binaryFormat);
}

/**
 * The words of a value with `file://` / `fileb://` resolved, unknown content marked (`marked`); undefined when
 * the file cannot be seen.
 */
function resolveParamFiles(values: Word[], state: ReadState, spec: ArgumentSpec): { values: string[]; binary?: Uint8Array; shownAt?: string; marked?: boolean } | undefined {
  const single = values.length === 1 ? values[0]! : undefined;
  const shape = spec.ref ? shapeOf(state.model, spec.ref) : undefined;
  if (single && hasUnknown(single) && (/^fileb?:\/\//.test(single.value) || (shape?.type === 'blob' && shape.streaming))) {
    state.report('missing-file', `'${single.value}' names its file through a value not known here: its content is not checked.`, [single]);
    return undefined;
  }
  if (shape?.type === 'blob' && shape.streaming && single) {
    readDocumentFile(single, single.value, state, 'binary');
    return undefined;
  }
  const match = single ? /^(fileb?):\/\/(.*)$/s.exec(single.value) : null;
  if (!single || !match) return values.some(hasUnknown) ? { values: values.map(markedText), marked: true } : { values: values.map((word) => word.value) };
  const read = readDocumentFile(single, match[2]!, state, match[1] === 'fileb' ? 'binary' : 'text');
  if (read === undefined) return undefined;
  const shownAt = read.shownAt === undefined ? {} : { shownAt: read.shownAt };
  return typeof read.content === 'string' ? { values: [read.content], ...shownAt } : { values: [], binary: read.content, ...shownAt };
}

/** Reads a file named by a command, relative to the document; never outside the tree root. */
function readDocumentFile(word: Word, filePath: string, state: ReadState, mode: 'text' | 'binary'): FileRead | undefined {
  const { documentDir, treeRoot } = state.options;
  if (filePath === '') {
    // `file://<path>/x.json` unquoted: bash reads `<path>` as a redirection and leaves `file://` alone.
    state.report('missing-file', `'${word.value}' names no file: its content is not checked.`, [word]);
    return undefined;
  }
  const resolved = path.resolve(documentDir, filePath);
  const root = path.resolve(treeRoot);
  const inside = (candidate: string) => candidate === root || candidate.startsWith(root + path.sep);
  if (!inside(resolved)) {
    state.report('missing-file', `'${filePath}' is outside the documents folder: not read.`, [word]);
    return undefined;
  }
  state.options.consulted?.(resolved);
  if (!existsSync(resolved)) {
    const shown = state.options.shownFiles?.find((candidate) => candidate.name === path.basename(filePath));
    if (shown) return { content: mode === 'binary' ? new TextEncoder().encode(shown.raw) : shown.raw, shownAt: ` (in ${shown.name} as shown at line ${shown.line})` };
    state.report('missing-file', `'${filePath}' does not exist beside the document: its content is not checked.`, [word]);
    return undefined;
  }
  try {
    const real = realpathSync(resolved);
    if (!inside(real)) {
      state.report('missing-file', `'${filePath}' links outside the documents folder: not read.`, [word]);
      return undefined;
    }
    const bytes = readFileSync(real);
    return { content: mode === 'binary' ? new Uint8Array(bytes) : bytes.toString('utf8') };
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'EISDIR' ? 'is a folder, not a file' : 'cannot be read';
    state.report('missing-file', `'${filePath}' ${reason}: its content is not checked.`, [word]);
    return undefined;
  }
}

/** The members `--cli-input-json` supplies, when its JSON can be seen (inline or in a readable file). */
function readCliInput(given: Map<string, { values: Word[] }>, state: ReadState): { members: Record<string, unknown>; shownAt?: string } | undefined {
  const word = given.get('--cli-input-json')?.values[0];
  // `--cli-input-json "$JSON"`: what it supplies is not known here.
  if (!word || isWhollyUnknown(word)) return undefined;
  const match = /^file:\/\/(.*)$/s.exec(word.value);
  if (match && hasUnknown(word)) {
    state.report('missing-file', `'${word.value}' names its file through a value not known here: its content is not checked.`, [word]);
    return undefined;
  }
  const read = match ? readDocumentFile(word, match[1]!, state, 'text') : { content: markedText(word) };
  if (typeof read?.content !== 'string') return undefined;
  const shownAt = read.shownAt ?? '';
  if (tooDeepAt(read.content) >= 0) {
    state.report('invalid-parameter-value', `'--cli-input-json': the JSON is ${NESTED_TOO_DEEP}: it is not checked.${shownAt}`, [word]);
    return undefined;
  }
  let value: unknown;
  try {
    value = JSON.parse(read.content);
  } catch (error) {
    // The CLI rejects it; what it supplies stays unknown. Past an unknown JSON value the syntax depends on its content.
    if (!jsonErrorBeforeUnknown(read.content, error as Error)) return undefined;
    state.report('invalid-parameter-value', `Error parsing parameter '--cli-input-json': Invalid JSON: ${(error as Error).message}${shownAt}`, [word]);
    return undefined;
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return { members: value as Record<string, unknown>, ...(read.shownAt ? { shownAt: read.shownAt } : {}) };
  state.report('invalid-parameter-value', `'--cli-input-json' is not a JSON object.${shownAt}`, [word]);
  return undefined;
}

