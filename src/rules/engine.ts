import path from 'node:path';
import type { AwsCommand } from '../commands/types.js';
import type { Example, ExampleDocument } from '../examples/types.js';
import { translateCommand } from '../model/input/index.js';
import type { CommandTranslation } from '../model/input/types.js';
import { MASK, secretMasker, secretsIn } from '../model/secrets.js';
import { withoutModelLists } from '../model/suggest.js';
import type { ModelIndex } from '../model/types.js';
import { fingerprintOf } from './fingerprint.js';
import { commandReplays } from './replay-outcomes.js';
import type { CommandReplay } from './replay-results.js';
import { allRules } from './index.js';
import { UNUSED_SUPPRESSION_RULE_ID, applySuppressions } from './suppressions.js';
import type { Finding, Rule, RuleContext, SeveritySetting } from './types.js';

export type { SeveritySetting } from './types.js';

export interface EngineOptions {
  rules: readonly Rule[];
  /** Service models: without them, rules that need models do not run. */
  models?: ModelIndex;
  /** Severity overrides by rule id (from the configuration). */
  severities?: Readonly<Record<string, SeveritySetting>>;
  /** The folder being checked: `file://` values are never read outside it. */
  treeRoot: string;
  /** Extra members for the rule context (replay results), by the stage that computes them. */
  extend?: (context: RuleContext) => Promise<void> | void;
  /** Told of every file a command's values name (`file://`): the findings depend on them too. */
  consulted?: (filePath: string) => void;
  /** Told of each document once its rules ran, with the context they read (coverage reads the commands' translations there). */
  observe?: (context: RuleContext) => void;
  /** Record each finding as a message on the document's vfile (default true); the CLI, which reports from the findings, need not. */
  recordMessages?: boolean;
}

/**
 * Runs every applicable rule over one document, then applies the document's suppression comments
 * (which need every rule's findings, so they are the engine's last steps, not a rule's) and says each
 * grouped defect once (`groupFindings`). Each finding is also recorded on the document's vfile as a
 * message, so unified tooling sees the same findings (unless `recordMessages` is false).
 */
export async function runRules(document: ExampleDocument, options: EngineOptions): Promise<Finding[]> {
  const findings = await collectFindings(document, options);
  // Suppressions apply per line, before grouping: a comment covers the members on its lines only.
  const { kept, unused } = applySuppressions(String(document.file.value ?? ''), document.format, findings, {
    knownRuleIds: knownRuleIds(),
    severity: options.severities?.[UNUSED_SUPPRESSION_RULE_ID] ?? 'warning',
  });
  const reported = [...groupFindings(kept), ...unused].sort(byPosition);
  if (options.recordMessages === false) return reported;
  // A message's stack trace would point into docs-harness, not the document: not worth capturing.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    for (const finding of reported) recordOnFile(document, finding);
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
  return reported;
}

/** Every rule's findings on one document, one per problem found, before suppressions and grouping. */
export async function collectFindings(document: ExampleDocument, options: EngineOptions): Promise<Finding[]> {
  const findings: Finding[] = [];
  const translations = new Map<AwsCommand, CommandTranslation | undefined>();
  const { models } = options;
  const documentDir = path.dirname(path.isAbsolute(document.path) ? document.path : path.resolve(document.path));

  // One context for every rule: `report` files a finding under the rule that is running.
  let running: ActiveRule | undefined;
  const context: RuleContext = {
    document,
    models,
    report: (finding) => {
      if (!running) return;
      const { rule, setting } = running;
      // Built field by field: one shape for every finding (a spread of the rules' many shapes is a slow copy).
      const filed: Finding = { ruleId: rule.id, severity: setting ?? finding.severity ?? rule.severity, message: finding.message, start: finding.start, end: finding.end };
      if (finding.fingerprint !== undefined) filed.fingerprint = finding.fingerprint;
      if (finding.fix !== undefined) filed.fix = finding.fix;
      if (finding.related !== undefined) filed.related = finding.related;
      if (finding.group !== undefined) filed.group = finding.group;
      findings.push(filed);
    },
    translation(command: AwsCommand, example: Example) {
      if (!models) return undefined;
      if (!translations.has(command)) {
        translations.set(
          command,
          translateCommand(command, {
            models,
            documentDir,
            treeRoot: options.treeRoot,
            shownFiles: example.files.map((file) => ({ name: file.name, raw: file.raw, line: file.position.start.line })),
            ...(options.consulted ? { consulted: options.consulted } : {}),
          }),
        );
      }
      return translations.get(command);
    },
  };
  await options.extend?.(context);

  const active = activeRules(options);
  // A replay rule is silent unless the run replays (`check` never does): not run, it costs no call and no await.
  const replaying = context.replay !== undefined || context.liveReplay !== undefined;
  // An index loop: a for-of over the list, assigning the outer `running`, allocated an iterator result per rule and document.
  for (let index = 0; index < active.length; index++) {
    running = active[index]!;
    const { rule } = running;
    if (rule.replay !== undefined && !replaying) continue;
    // Most rules are synchronous: awaiting only promises saves a microtask per rule and file.
    const pending = rule.check(context);
    if (pending) await pending;
  }
  running = undefined;
  options.observe?.(context);
  // Reports show a document's text around its findings, and its replays: with its secrets masked, like findings.
  if (findings.length === 0 && !context.replay && !context.liveReplay) return findings;
  const secrets = documentSecrets(document, context);
  document.file.data.secrets = secrets;
  const mask = secretMasker(secrets);
  const replays = replaying ? await commandReplays(context, (value) => maskValue(value, mask, secrets)) : undefined;
  if (replays) document.file.data.replays = replays;
  return maskFindings(document, findings, mask, secrets.size > 0);
}

type ActiveRule = { rule: Rule; setting: Exclude<SeveritySetting, 'off'> | undefined };
const activeRuleLists = new WeakMap<readonly Rule[], { severities: EngineOptions['severities']; withModels: boolean; active: ActiveRule[] }>();

/** The rules that run, with their severity settings: the same for every document of a run, so worked out once. */
function activeRules(options: EngineOptions): ActiveRule[] {
  const withModels = options.models !== undefined;
  const known = activeRuleLists.get(options.rules);
  if (known && known.severities === options.severities && known.withModels === withModels) return known.active;
  const active: ActiveRule[] = [];
  for (const rule of options.rules) {
    const setting = options.severities?.[rule.id];
    if (setting === 'off' || (rule.needsModels && !withModels)) continue;
    active.push({ rule, setting });
  }
  activeRuleLists.set(options.rules, { severities: options.severities, withModels, active });
  return active;
}

/**
 * The document's secret values: of members the model marks sensitive or whose names carry secrets, in its
 * commands' input and its documented outputs.
 */
function documentSecrets(document: ExampleDocument, context: RuleContext): Set<string> {
  const secrets = new Set<string>();
  for (const example of document.examples) {
    example.commands.forEach((command, index) => {
      const translation = context.translation(command, example);
      const operation = translation?.model?.operations[translation.operationName ?? ''];
      if (!translation?.model || !operation) return;
      secretsIn(translation.input, translation.model, operation.input, '', secrets);
      for (const output of example.outputs) if (output.commandIndex === index) secretsIn(output.value, translation.model, operation.output, '', secrets);
    });
  }
  return secrets;
}

/** A JSON value with the secrets in its strings masked. */
function maskValue(value: unknown, mask: (text: string) => string, secrets: ReadonlySet<string>): unknown {
  if (typeof value === 'string') return mask(value);
  // A number can be a secret too (a documented `"Session": 123456789012`).
  if (typeof value === 'number' && secrets.has(String(value))) return MASK;
  if (Array.isArray(value)) return value.map((item) => maskValue(item, mask, secrets));
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, maskValue(item, mask, secrets)]));
  return value;
}

/**
 * Secrets never reach a report: the document's secret values and URL passwords are masked in every finding's
 * message, fingerprint, related locations and group, here, in one place for every rule.
 */
function maskFindings(document: ExampleDocument, findings: Finding[], mask: (text: string) => string, hasSecrets: boolean): Finding[] {
  const text = String(document.file.value ?? '');
  // Without secrets only a URL's password is masked: a document that writes no URL gives its findings none.
  if (!hasSecrets && !text.includes('://')) return findings;
  let lines: string[] | undefined;
  // A finding's source line, cut from the text at its offset where it can be (most documents need no splitting).
  const lineEndsAreLf = !text.includes('\r');
  const lineOf = (finding: Finding): string => {
    const { offset } = finding.start;
    if (offset === undefined || !lineEndsAreLf) return (lines ??= text.split(/\r\n|\r|\n/))[finding.start.line - 1] ?? '';
    const end = text.indexOf('\n', offset);
    return text.slice(text.lastIndexOf('\n', offset - 1) + 1, end === -1 ? text.length : end);
  };
  return findings.map((finding) => {
    // Without secrets only a URL's password is masked, and most findings quote no URL.
    if (!hasSecrets && !quotesUrl(finding, lineOf)) return finding;
    const masked: Finding = { ...finding, message: mask(finding.message) };
    if (finding.fingerprint !== undefined) masked.fingerprint = mask(finding.fingerprint);
    else {
      // The default fingerprint quotes the finding's source line, a command line with its secrets.
      lines ??= text.split(/\r\n|\r|\n/);
      // Without secrets, only a URL's password could need masking, and a URL with credentials holds `@`.
      if (hasSecrets || finding.message.includes('@') || lineOf(finding).includes('@')) {
        const fingerprint = fingerprintOf(masked, lines);
        const maskedFingerprint = mask(fingerprint);
        if (maskedFingerprint !== fingerprint) masked.fingerprint = maskedFingerprint;
      }
    }
    if (finding.related) masked.related = finding.related.map((related) => ({ ...related, message: mask(related.message) }));
    if (finding.group) {
      const { group } = finding;
      masked.group = { ...group, key: mask(group.key), item: mask(group.item), message: (items) => mask(group.message(items)) };
    }
    return masked;
  });
}

/** Whether any text of a finding (or the source line its default fingerprint quotes) holds a URL. */
function quotesUrl(finding: Finding, lineOf: (finding: Finding) => string): boolean {
  const quotes = (text: string) => text.includes('://');
  return (
    quotes(finding.message) ||
    quotes(finding.fingerprint ?? lineOf(finding)) ||
    (finding.related?.some((related) => quotes(related.message)) ?? false) ||
    (finding.group !== undefined && (quotes(finding.group.key) || quotes(finding.group.item)))
  );
}

/**
 * Findings of one rule and severity that share a group key become one: at the first member in the document,
 * with the group's message over every member's item, the other members as related locations, and a
 * fingerprint made of the key and the items (stable when lines move). A group of one stays as reported.
 */
export function groupFindings(findings: readonly Finding[]): Finding[] {
  const groups = new Map<string, Finding[]>();
  const result: (Finding | Finding[])[] = [];
  for (const finding of findings) {
    if (!finding.group) {
      result.push(finding);
      continue;
    }
    const key = `${finding.ruleId}\0${finding.severity}\0${finding.group.key}`;
    const members = groups.get(key);
    if (members) members.push(finding);
    else {
      const created = [finding];
      groups.set(key, created);
      result.push(created);
    }
  }
  return result.map((entry) => {
    if (!Array.isArray(entry)) return entry;
    // A group of one (most) stays as reported, without its group.
    if (entry.length === 1) return withoutGroup(entry[0]!, true);
    const [first, ...others] = [...entry].sort(byPosition);
    const { group } = first!;
    // A member's fix mends that member only, not the defect the group names.
    const items = [first!, ...others].map((member) => member.group!.item);
    return {
      ...withoutGroup(first!, false),
      message: group!.message(items),
      // What the model lists (valid values, members) is no part of what the finding is about: a model update keeps it known.
      fingerprint: `${group!.key}: ${items.map(withoutModelLists).join(', ')}`,
      // Members at the same place as one before them (required members one object lacks) add no place.
      related: others
        .filter((member, index) => ![first!, ...others.slice(0, index)].some((earlier) => samePlace(earlier, member)))
        .map((member) => ({ start: member.start, end: member.end, message: member.group!.item })),
    };
  });
}

/** A finding without its group (and without its fix, unless `keepFix`), built field by field: one shape, no object rest. */
function withoutGroup(finding: Finding, keepFix: boolean): Finding {
  const single: Finding = { ruleId: finding.ruleId, severity: finding.severity, message: finding.message, start: finding.start, end: finding.end };
  if (finding.fingerprint !== undefined) single.fingerprint = finding.fingerprint;
  if (finding.related !== undefined) single.related = finding.related;
  if (keepFix && finding.fix !== undefined) single.fix = finding.fix;
  return single;
}

let ruleIds: ReadonlySet<string> | undefined;

/** Every rule id a suppression may name; built once (the rule list is complete only after every module loaded). */
function knownRuleIds(): ReadonlySet<string> {
  return (ruleIds ??= new Set(allRules.map((rule) => rule.id)));
}

function samePlace(a: Finding, b: Finding): boolean {
  return a.start.offset === b.start.offset && a.end.offset === b.end.offset && a.start.line === b.start.line && a.end.line === b.end.line;
}

function byPosition(a: Finding, b: Finding): number {
  // Rule ids are lowercase ASCII words and hyphens: code-unit order is the collation's order, without its cost.
  return a.start.line - b.start.line || a.start.column - b.start.column || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}

function recordOnFile(document: ExampleDocument, finding: Finding): void {
  const message = document.file.message(finding.message, {
    place: { start: finding.start, end: finding.end },
    ruleId: finding.ruleId,
    source: 'docs-harness',
  });
  // vfile's convention: fatal true is an error, false a warning, undefined information.
  message.fatal = finding.severity === 'error' ? true : finding.severity === 'warning' ? false : undefined;
}

declare module 'vfile' {
  interface DataMap {
    /** The document's secret values, when it has findings or replays (reports mask them in the text they show). */
    secrets: ReadonlySet<string>;
    /** Each command's replay outcome, when the run replays (secrets masked). */
    replays: globalThis.Map<AwsCommand, CommandReplay>;
  }
}
