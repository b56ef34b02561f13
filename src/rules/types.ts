import type { AwsCommand } from '../commands/types.js';
import type { Point } from '../document/types.js';
import type { Example, ExampleDocument } from '../examples/types.js';
import type { CommandTranslation, ProblemGroup } from '../model/input/types.js';
import type { ModelIndex } from '../model/types.js';
import type { LiveCommandResult, ReplayResult } from './replay-results.js';

export type Severity = 'error' | 'warning' | 'info';

/** A severity a configuration may give a rule, or `off`. */
export type SeveritySetting = Severity | 'off';

/** A document a rule's tests run: `messages` are the exact expected findings of this rule, formatted by `formatFinding`. */
export interface RuleExample {
  /** File name the document is checked under (decides the format and the service/operation from the path). */
  name: string;
  text: string;
  messages: string[];
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  start: Point;
  end: Point;
  /** What the finding is about, stable when lines move (a command's words, a JSON pointer): used by baselines. */
  fingerprint?: string;
  /** A safe edit that fixes the finding: replace `[start, end)` offsets in the file with `text`. */
  fix?: { start: number; end: number; text: string };
  /** The other places of one defect reported once (SARIF `relatedLocations`): what each adds, and where. */
  related?: RelatedLocation[];
  /**
   * Findings of one rule and severity with the same group key are one defect: the engine reports them as one
   * finding at the first, with the others as related locations (compiler-style: say each defect once).
   */
  group?: ProblemGroup;
}

export interface RelatedLocation {
  start: Point;
  end: Point;
  message: string;
}

export type Report = (finding: Omit<Finding, 'ruleId' | 'severity'> & { severity?: Severity }) => void;

export interface RuleContext {
  document: ExampleDocument;
  report: Report;
  /** Loaded service models; absent when a run has none (document rules only). */
  models?: ModelIndex;
  /** The command turned into API input, computed once per command and shared by rules; undefined without models. */
  translation(command: AwsCommand, example: Example): CommandTranslation | undefined;
  /** The command replayed through the SDK client with a mock transport, once per command (`extendWithReplay` in src/replay); absent when replay is off. */
  replay?(command: AwsCommand, example: Example): Promise<ReplayResult>;
  /** The command replayed against a live endpoint (`extendWithLiveReplay` in src/replay/live); undefined for commands not replayed; absent when live replay is off. */
  liveReplay?(command: AwsCommand, example: Example): Promise<LiveCommandResult | undefined>;
}

export interface Rule {
  /** Stable kebab-case id. */
  id: string;
  severity: Severity;
  /** One paragraph: what the rule finds and why it matters. */
  description: string;
  /** Rules that need service models (`check`) rather than the document alone (`extract`). */
  needsModels?: boolean;
  /** The replay a rule reports on: it is silent unless the run replays against a mock or a live target. */
  replay?: 'mock' | 'live';
  /** Documents the test suite runs through this rule. */
  examples: { ok: RuleExample[]; notOk: RuleExample[] };
  check(context: RuleContext): void | Promise<void>;
}

/** `line:column-endLine:endColumn: severity: message` — the exact form rule examples expect. */
export function formatFinding(finding: Pick<Finding, 'start' | 'end' | 'severity' | 'message'>): string {
  const { start, end } = finding;
  return `${start.line}:${start.column}-${end.line}:${end.column}: ${finding.severity}: ${finding.message}`;
}
