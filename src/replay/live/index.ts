import * as cognito from '@aws-sdk/client-cognito-identity-provider';
import type { AwsCommand } from '../../commands/types.js';
import type { Example } from '../../examples/types.js';
import type { CommandTranslation } from '../../model/input/types.js';
import { compareOutput, mask, maskDeep, toCliOutput, type OutputDifference } from './compare.js';
import { CognitoFixture } from './fixture.js';
import { cognitoLocalProfile, serviceProfile, type TargetProfile } from './profiles.js';
import { startCognitoLocal } from './server.js';

export { mask, maskDeep, type OutputDifference } from './compare.js';
export { startCognitoLocal } from './server.js';

/** `cognito-local`: a server started for the run; `{ endpoint }`: one already running (cognito-local or the service). */
export type LiveTarget = 'cognito-local' | { endpoint: string; profile?: TargetProfile };

export interface LiveCommandResult {
  operationName: string;
  status: 'passed' | 'failed' | 'skipped';
  /** Why the command was not replayed, or what failed before a comparison was possible. */
  reason?: string;
  /** The request sent, secrets masked. */
  input?: unknown;
  /** Documented placeholder → live value (masked). */
  bindings: Array<[string, string]>;
  /** The live response in CLI v2 form, secrets masked. */
  output?: unknown;
  error?: { name: string; message: string };
  differences: OutputDifference[];
  /** Time in SDK calls (the fixture's and the command's own), and the whole replay, in ms. */
  sdkMs: number;
  totalMs: number;
}

export interface LiveExampleResult {
  example: Example;
  commandIndex: number;
  result: LiveCommandResult;
}

/** What a command's documented output says: a parsed JSON value, "no output", or something not compared. */
export type DocumentedOutput = { kind: 'json'; value: unknown } | { kind: 'none' } | { kind: 'unchecked'; reason: string };

export interface LiveSession {
  endpoint: string;
  profile: TargetProfile;
  replay(operationName: string, input: Record<string, unknown>, documented: DocumentedOutput): Promise<LiveCommandResult>;
  /** Deletes this run's pools and stops a server the session started. */
  close(): Promise<void>;
}

/** Opens a run against a target: a fresh fixture (its own pool and users), and a fresh server for `cognito-local`. */
export async function openLiveSession(target: LiveTarget): Promise<LiveSession> {
  const server = target === 'cognito-local' ? await startCognitoLocal() : undefined;
  const endpoint = server?.endpoint ?? (target as { endpoint: string }).endpoint;
  const profile = target === 'cognito-local' ? cognitoLocalProfile : (target.profile ?? serviceProfile);
  const fixture = new CognitoFixture(endpoint);
  return {
    endpoint,
    profile,
    replay: (operationName, input, documented) => replayOne(fixture, profile, operationName, input, documented),
    async close() {
      try {
        await fixture.dispose();
      } finally {
        fixture.client.destroy();
        await server?.stop();
      }
    },
  };
}

async function replayOne(
  fixture: CognitoFixture,
  profile: TargetProfile,
  operationName: string,
  input: Record<string, unknown>,
  documented: DocumentedOutput,
): Promise<LiveCommandResult> {
  const started = performance.now();
  const sdkBefore = fixture.sdkMs;
  const finish = (partial: Omit<LiveCommandResult, 'operationName' | 'sdkMs' | 'totalMs'>): LiveCommandResult => ({
    operationName,
    ...partial,
    sdkMs: fixture.sdkMs - sdkBefore,
    totalMs: performance.now() - started,
  });
  const Command = (cognito as unknown as Record<string, new (input: object) => { input: object }>)[`${operationName}Command`];
  if (typeof Command !== 'function') return finish({ status: 'skipped', reason: `no ${operationName} command in the SDK client`, bindings: [], differences: [] });

  let bound;
  try {
    bound = await fixture.bindInput(operationName, input);
  } catch (error) {
    return finish({ status: 'failed', reason: `setting up the fixture failed: ${describeError(error)}`, bindings: [], differences: [] });
  }
  const bindings: Array<[string, string]> = [...bound.bindings].map(([placeholder, live]) => [placeholder, JSON.parse(mask(live, 'token'))]);
  const report = { input: maskDeep(bound.input), bindings };
  let output: unknown;
  try {
    output = toCliOutput(await fixture.send(new Command(bound.input)));
  } catch (error) {
    const { name, message } = error as Error;
    return finish({ ...report, status: 'failed', reason: `the call failed: ${describeError(error)}`, error: { name, message }, differences: [] });
  }
  if (documented.kind === 'unchecked') return finish({ ...report, output: maskDeep(output), status: 'passed', reason: documented.reason, differences: [] });
  const expected = documented.kind === 'json' ? documented.value : {};
  const differences = compareOutput(expected, output, { bindings: bound.bindings, profile });
  const status = differences.some((difference) => difference.severity === 'error') ? 'failed' : 'passed';
  return finish({ ...report, output: maskDeep(output), status, differences });
}

function describeError(error: unknown): string {
  const { name, message } = error as Error;
  return `${name}: ${message}`;
}

export interface ReplayLiveOptions {
  target: LiveTarget;
  /** The command translator (`RuleContext.translation`, or `translateCommand`). */
  translate(command: AwsCommand, example: Example): CommandTranslation | undefined;
}

/** What a command documents, from the example's outputs and the command's output options. */
export function documentedOutputOf(example: Example, commandIndex: number, translation: CommandTranslation): DocumentedOutput {
  const output = example.outputs.find((candidate) => candidate.commandIndex === commandIndex);
  if (translation.output.query !== undefined) return { kind: 'unchecked', reason: 'the output is shaped by --query' };
  if (translation.output.format !== 'json') return { kind: 'unchecked', reason: `the output is ${translation.output.format}` };
  if (!output || output.kind === 'none') return { kind: 'none' };
  if (output.kind !== 'json' || output.value === undefined) return { kind: 'unchecked', reason: `the documented output is ${output.kind === 'json' ? 'not valid JSON' : output.kind}` };
  return { kind: 'json', value: output.value };
}

/** Replays every `aws cognito-idp` command of the examples against a live target and compares outputs. */
export async function replayLive(examples: Example[], options: ReplayLiveOptions): Promise<LiveExampleResult[]> {
  const session = await openLiveSession(options.target);
  const results: LiveExampleResult[] = [];
  try {
    for (const example of examples) {
      for (const [commandIndex, command] of example.commands.entries()) {
        if (command.service !== 'cognito-idp') continue;
        const translation = options.translate(command, example);
        if (!translation?.operationName || !translation.input) continue;
        const documented = documentedOutputOf(example, commandIndex, translation);
        results.push({ example, commandIndex, result: await session.replay(translation.operationName, translation.input, documented) });
      }
    }
  } finally {
    await session.close();
  }
  return results;
}
