import * as cognito from '@aws-sdk/client-cognito-identity-provider';
import type { AwsCommand } from '../../commands/types.js';
import type { Example, ExampleDocument } from '../../examples/types.js';
import type { CommandTranslation } from '../../model/input/types.js';
import type { RuleContext } from '../../rules/types.js';
import { documentedOutcome } from '../index.js';
import type { DocumentedOutcome } from '../types.js';
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
  document: ExampleDocument;
  example: Example;
  commandIndex: number;
  result: LiveCommandResult;
}

export interface LiveSession {
  endpoint: string;
  profile: TargetProfile;
  replay(operationName: string, input: Record<string, unknown>, documented: DocumentedOutcome): Promise<LiveCommandResult>;
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
  documented: DocumentedOutcome,
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
  const bindings: Array<[string, string]> = [...bound.bindings].map(([placeholder, live]) => [
    placeholder,
    JSON.parse(mask(live, bound.members.get(placeholder))),
  ]);
  const report = { input: maskDeep(bound.input), bindings };
  let output: unknown;
  try {
    output = toCliOutput(await fixture.send(new Command(bound.input)));
  } catch (error) {
    fixture.forgetTouchedUsers();
    const { name, message } = error as Error;
    if (documented.kind === 'error' && documented.code === name) return finish({ ...report, status: 'passed', error: { name, message }, differences: [] });
    return finish({ ...report, status: 'failed', reason: `the call failed: ${describeError(error)}`, error: { name, message }, differences: [] });
  }
  fixture.forgetTouchedUsers();
  adoptCreatedPool(fixture, operationName, output);
  if (documented.kind === 'unchecked') return finish({ ...report, output: maskDeep(output), status: 'passed', reason: documented.reason, differences: [] });
  if (documented.kind === 'error') {
    return finish({ ...report, output: maskDeep(output), status: 'failed', reason: `the documented ${documented.code} did not occur: the call succeeded`, differences: [] });
  }
  const expected = documented.kind === 'json' ? documented.value : {};
  const differences = compareOutput(expected, output, { bindings: bound.bindings, profile });
  const status = differences.some((difference) => difference.severity === 'error') ? 'failed' : 'passed';
  return finish({ ...report, output: maskDeep(output), status, differences });
}

/** A pool an example created is deleted with the run's own. */
function adoptCreatedPool(fixture: CognitoFixture, operationName: string, output: unknown): void {
  const id = (output as { UserPool?: { Id?: unknown } }).UserPool?.Id;
  if (operationName === 'CreateUserPool' && typeof id === 'string') fixture.adoptPool(id);
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

/** Replays every `aws cognito-idp` command of the documents' examples against a live target and compares outputs. */
export async function replayLive(documents: ExampleDocument[], options: ReplayLiveOptions): Promise<LiveExampleResult[]> {
  const session = await openLiveSession(options.target);
  const results: LiveExampleResult[] = [];
  try {
    for (const document of documents) {
      for (const example of document.examples) {
        for (const [commandIndex, command] of example.commands.entries()) {
          if (command.service !== 'cognito-idp') continue;
          const translation = options.translate(command, example);
          if (!translation?.operationName || !translation.input || translation.customization) continue;
          const documented = documentedOutcome(document, example, commandIndex, translation);
          const result = await session.replay(translation.operationName, translation.input, documented);
          results.push({ document, example, commandIndex, result });
        }
      }
    }
  } finally {
    await session.close();
  }
  return results;
}

/**
 * The engine's `extend` hook for a live run: gives rules `context.liveReplay`, each command replayed once
 * against the session's target. Commands of other services are not replayed.
 */
export function extendWithLiveReplay(session: LiveSession): (context: RuleContext) => void {
  return (context) => {
    const results = new Map<AwsCommand, Promise<LiveCommandResult | undefined>>();
    context.liveReplay = (command, example) => {
      let result = results.get(command);
      if (!result) {
        const translation = context.translation(command, example);
        result =
          command.service === 'cognito-idp' && translation?.operationName && translation.input && !translation.customization
            ? session.replay(translation.operationName, translation.input, documentedOutcome(context.document, example, example.commands.indexOf(command), translation))
            : Promise.resolve(undefined);
        results.set(command, result);
      }
      return result;
    };
  };
}
