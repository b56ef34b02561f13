import * as cognito from '@aws-sdk/client-cognito-identity-provider';
import { randomBytes } from 'node:crypto';
import type { AwsCommand } from '../../commands/types.js';
import type { Example, ExampleDocument } from '../../examples/types.js';
import type { CommandTranslation } from '../../model/input/types.js';
import type { RuleContext } from '../../rules/types.js';
import { documentedOutcome } from '../index.js';
import type { DocumentedOutcome } from '../types.js';
import type { LiveCommandResult } from '../../rules/replay-results.js';
import { compareOutput, mask, maskDeep, toCliOutput } from './compare.js';
import { CognitoFixture } from './fixture.js';
import { cognitoLocalProfile, serviceProfile, type TargetProfile } from './profiles.js';
import { resolveReferences, ScenarioGuard, type Scenario, type ScenarioLookup, type ScenarioStep } from './scenario.js';
import { startCognitoLocal } from './server.js';
import { ServiceTargets } from './services.js';

export { mask, maskDeep, type OutputDifference } from './compare.js';
export type { LiveCommandResult } from '../../rules/replay-results.js';
export { createScenarioFinder, loadScenario, type Scenario, type ScenarioLookup } from './scenario.js';
export { startCognitoLocal, startLocalServer, type LocalServer, type LocalServerKind } from './server.js';
export { localServers } from './services.js';

/**
 * `local`: a local server per service the documents use (cognito-local, dynalite, s3rver, kinesalite), each
 * started on first use; `cognito-local`: that one server only; `{ endpoint }`: one already running (cognito-local,
 * LocalStack or the service), every service through it; `{ aws }`: the real cognito-idp service in a region with
 * the SDK's default credentials (`endpoint` only for tests).
 */
/** `guarded`: the endpoint is not a throwaway local server, so scenario steps are held to the run's own resources (always so for `aws`). */
export type LiveTarget = 'local' | 'cognito-local' | { endpoint: string; profile?: TargetProfile; guarded?: boolean } | { aws: { region: string; endpoint?: string } };

export interface LiveExampleResult {
  document: ExampleDocument;
  example: Example;
  commandIndex: number;
  result: LiveCommandResult;
}

/** Replayed commands and where their time went: the harness overhead is `(totalMs - sdkMs) / commands`. */
export interface LiveStats {
  commands: number;
  sdkMs: number;
  totalMs: number;
}

export interface LiveSession {
  endpoint: string;
  profile: TargetProfile;
  /** Every pool, client and group the session creates is named with it. */
  namePrefix: string;
  /** Scenario steps may only read or act on what this run created (real AWS, a remote endpoint). */
  guarded: boolean;
  /** `bindings`: a scenario's explicit placeholder → live value, applied over the fixture's. */
  replay(operationName: string, input: Record<string, unknown>, documented: DocumentedOutcome, bindings?: Map<string, string>): Promise<LiveCommandResult>;
  /** One scenario step: an API call whose output is returned for later references. */
  call(step: ScenarioStep, captured: Record<string, unknown>): Promise<unknown>;
  /** Values scenario inputs may refer to as `${fixture.Name}`. */
  fixtureValues(): Promise<Record<string, string>>;
  stats(): LiveStats;
  /** Where commands of other services than cognito-idp go (through the generic client); absent: not replayed. */
  services?: ServiceTargets;
  /** Deletes this run's pools and stops the servers the session started. */
  close(): Promise<void>;
}

/** Operations whose input carries a code Cognito delivers by email or SMS: only a scenario can supply it. */
const deliveredCodes: Record<string, string> = {
  ConfirmSignUp: 'ConfirmationCode',
  ConfirmForgotPassword: 'ConfirmationCode',
  VerifyUserAttribute: 'Code',
};

/** Why no target can replay this call from the document alone (SRP, delivered codes); undefined when it can. */
function needsMoreThanTheDocument(operationName: string, input: Record<string, unknown>): string | undefined {
  if (input.AuthFlow === 'USER_SRP_AUTH' || input.ChallengeName === 'PASSWORD_VERIFIER' || input.ChallengeName === 'DEVICE_SRP_AUTH') {
    return 'needs SRP, which the harness does not compute';
  }
  const member = deliveredCodes[operationName];
  if (member) return `needs the ${member} Cognito sends by email or SMS (bind it in a scenario file)`;
  return undefined;
}

/** Opens a run against a target: a fresh fixture (its own pool and users), and a fresh server for `cognito-local`. */
export async function openLiveSession(target: LiveTarget): Promise<LiveSession> {
  if (target === 'local') return openLocalSession();
  const server = target === 'cognito-local' ? await startCognitoLocal() : undefined;
  const aws = typeof target === 'object' && 'aws' in target ? target.aws : undefined;
  const endpoint = server?.endpoint ?? (aws ? (aws.endpoint ?? `AWS ${aws.region}`) : (target as { endpoint: string }).endpoint);
  const profile = target === 'cognito-local' ? cognitoLocalProfile : typeof target === 'object' && 'endpoint' in target && !aws ? (target.profile ?? serviceProfile) : serviceProfile;
  const fixture = new CognitoFixture({
    namePrefix: `docs-harness-${randomBytes(4).toString('hex')}-`,
    ...(aws ? { region: aws.region, defaultCredentials: true, ...(aws.endpoint ? { endpoint: aws.endpoint } : {}) } : { endpoint }),
  });
  const stats: LiveStats = { commands: 0, sdkMs: 0, totalMs: 0 };
  const guarded = aws !== undefined || (typeof target === 'object' && 'endpoint' in target && target.guarded === true);
  // Any service through a user's endpoint (LocalStack); the real service is asked for cognito-idp only.
  const services = typeof target === 'object' && 'endpoint' in target && !aws ? new ServiceTargets({ endpoint, fixtures: !guarded }, stats) : undefined;
  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      try {
        await fixture.dispose();
      } finally {
        fixture.client.destroy();
        await services?.close();
        await server?.stop();
      }
    })());
  // Against the service, Ctrl-C still deletes what the run created before the process ends.
  const onSignal = (signal: NodeJS.Signals) => {
    void close().finally(() => process.kill(process.pid, signal));
  };
  if (aws) {
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  }
  return {
    endpoint,
    profile,
    namePrefix: fixture.namePrefix,
    guarded,
    ...(services ? { services } : {}),
    async replay(operationName, input, documented, bindings) {
      const result = await replayOne(fixture, profile, operationName, input, documented, bindings);
      if (result.status !== 'skipped') {
        stats.commands++;
        stats.sdkMs += result.sdkMs;
        stats.totalMs += result.totalMs;
      }
      return result;
    },
    async call(step, captured) {
      const Command = commandClass(step.operation);
      if (!Command) throw new Error(`no ${step.operation} command in the SDK client`);
      return toCliOutput(await fixture.send(new Command(resolveReferences(step.input ?? {}, captured) as object)));
    },
    async fixtureValues() {
      const { userPoolId, clientId } = await fixture.poolAndClient();
      const user = await fixture.ensureUser(fixture.defaultUsername, 'confirmed');
      return { UserPoolId: userPoolId, ClientId: clientId, Username: fixture.defaultUsername, Password: user.password, NamePrefix: fixture.namePrefix };
    },
    stats: () => ({ ...stats }),
    close,
  };
}

/**
 * `--target local`: each server started when a document first needs it, all stopped by `close`. A server that
 * does not start fails the first command that needs it, with its reason, and the run goes on.
 */
function openLocalSession(): LiveSession {
  const stats: LiveStats = { commands: 0, sdkMs: 0, totalMs: 0 };
  const services = new ServiceTargets({ local: true }, stats);
  let cognito: Promise<LiveSession> | undefined;
  let cognitoDown: { reason: string; said: boolean } | undefined;
  let opened: LiveSession | undefined;
  const cognitoSession = () =>
    (cognito ??= openLiveSession('cognito-local').then((session) => (opened = session)));
  return {
    endpoint: 'local servers on 127.0.0.1',
    profile: cognitoLocalProfile,
    get namePrefix() {
      return opened?.namePrefix ?? '';
    },
    guarded: false,
    services,
    async replay(operationName, input, documented, bindings) {
      try {
        return await (await cognitoSession()).replay(operationName, input, documented, bindings);
      } catch (error) {
        if (opened) throw error;
        const said = cognitoDown?.said === true;
        cognitoDown = { reason: (error as Error).message, said: true };
        return { operationName, status: said ? 'skipped' : 'failed', reason: said ? `${cognitoDown.reason} (said at its first command)` : cognitoDown.reason, bindings: [], differences: [], sdkMs: 0, totalMs: 0 };
      }
    },
    call: async (step, captured) => (await cognitoSession()).call(step, captured),
    fixtureValues: async () => (await cognitoSession()).fixtureValues(),
    stats: () => {
      const own = opened?.stats() ?? { commands: 0, sdkMs: 0, totalMs: 0 };
      return { commands: own.commands + stats.commands, sdkMs: own.sdkMs + stats.sdkMs, totalMs: own.totalMs + stats.totalMs };
    },
    async close() {
      try {
        await services.close();
      } finally {
        await (await cognito?.catch(() => undefined))?.close();
      }
    },
  };
}

function commandClass(operationName: string): (new (input: object) => { input: object }) | undefined {
  const Command = (cognito as unknown as Record<string, new (input: object) => { input: object }>)[`${operationName}Command`];
  return typeof Command === 'function' ? Command : undefined;
}

async function replayOne(
  fixture: CognitoFixture,
  profile: TargetProfile,
  operationName: string,
  input: Record<string, unknown>,
  documented: DocumentedOutcome,
  explicit: Map<string, string> = new Map(),
): Promise<LiveCommandResult> {
  const started = performance.now();
  const sdkBefore = fixture.sdkMs;
  const finish = (partial: Omit<LiveCommandResult, 'operationName' | 'sdkMs' | 'totalMs'>): LiveCommandResult => ({
    operationName,
    ...partial,
    sdkMs: fixture.sdkMs - sdkBefore,
    totalMs: performance.now() - started,
  });
  const skip = (reason: string) => finish({ status: 'skipped', reason, bindings: [], differences: [] });
  const Command = commandClass(operationName);
  if (!Command) return skip(`no ${operationName} command in the SDK client`);
  const unsupported = profile.cannotReplay?.(operationName, input);
  if (unsupported) return skip(unsupported);
  const needs = needsMoreThanTheDocument(operationName, input);
  if (needs && explicit.size === 0) return skip(needs);

  let bound;
  try {
    bound = await fixture.bindInput(operationName, input);
  } catch (error) {
    return finish({ status: 'failed', reason: `setting up the fixture failed: ${describeError(error)}`, bindings: [], differences: [] });
  }
  applyExplicitBindings(input, bound.input, explicit, bound);
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

/** A scenario's bindings win over the fixture's: every documented string equal to a bound placeholder is replaced, at any depth. */
function applyExplicitBindings(documented: unknown, bound: Record<string, unknown>, explicit: Map<string, string>, record: { bindings: Map<string, string>; members: Map<string, string> }): void {
  const walk = (doc: unknown, target: Record<string, unknown> | unknown[]) => {
    for (const [key, value] of Object.entries(doc as object)) {
      if (typeof value === 'string' && explicit.has(value)) {
        (target as Record<string, unknown>)[key] = explicit.get(value);
        record.bindings.set(value, explicit.get(value)!);
        record.members.set(value, key);
      } else if (value !== null && typeof value === 'object' && typeof (target as Record<string, unknown>)[key] === 'object') {
        walk(value, (target as Record<string, unknown>)[key] as Record<string, unknown>);
      }
    }
  };
  if (explicit.size > 0) walk(documented, bound);
}

/** A pool an example created is deleted with the run's own. */
function adoptCreatedPool(fixture: CognitoFixture, operationName: string, output: unknown): void {
  const id = (output as { UserPool?: { Id?: unknown } }).UserPool?.Id;
  if (operationName === 'CreateUserPool' && typeof id === 'string') fixture.adoptPool(id);
}

/** One line for a failed call: a server that answers oddly (HTML, `{}`, a bare 500) is said as such, not as a stack of SDK internals. */
function describeError(error: unknown): string {
  const { name, message, $response, $fault } = error as Error & { $fault?: string; $response?: { statusCode?: number; headers?: Record<string, string> } };
  const firstLine = String(message ?? error).split('\n')[0]!.slice(0, 200);
  // A service exception carries its fault; an answer the client could not read as one only the raw response.
  if ($response && !$fault) {
    const type = $response.headers?.['content-type'];
    return `the server's answer is not a response of the service (HTTP ${$response.statusCode ?? '?'}${type ? `, ${type}` : ''}): ${firstLine}`;
  }
  if (error instanceof TypeError) return `the server's answer lacks what the service returns (${firstLine})`;
  return `${name}: ${firstLine}`;
}

export interface ReplayLiveOptions {
  target: LiveTarget;
  /** The command translator (`RuleContext.translation`, or `translateCommand`). */
  translate(command: AwsCommand, example: Example): CommandTranslation | undefined;
  findScenario?: (documentPath: string) => ScenarioLookup;
}

/** Replays every `aws cognito-idp` command of the documents' examples against a live target and compares outputs. */
export async function replayLive(documents: ExampleDocument[], options: ReplayLiveOptions): Promise<LiveExampleResult[]> {
  const session = await openLiveSession(options.target);
  const results: LiveExampleResult[] = [];
  try {
    for (const document of documents) {
      const replayed = await replayDocumentLive(session, document, options.translate, options.findScenario?.(document.path));
      for (const example of document.examples) {
        for (const [commandIndex, command] of example.commands.entries()) {
          const result = replayed.get(command);
          if (result) results.push({ document, example, commandIndex, result });
        }
      }
    }
  } finally {
    await session.close();
  }
  return results;
}

/**
 * Replays a document's `aws cognito-idp` commands in order: a scenario's setup first, its bindings applied,
 * its teardown always run. A broken scenario fails every command with its one-line problem.
 */
export async function replayDocumentLive(
  session: LiveSession,
  document: ExampleDocument,
  translate: (command: AwsCommand, example: Example) => CommandTranslation | undefined,
  lookup: ScenarioLookup,
): Promise<Map<AwsCommand, LiveCommandResult>> {
  type Replayable = { command: AwsCommand; example: Example; index: number; translation: CommandTranslation & { operationName: string; input: Record<string, unknown> } };
  const commands: Replayable[] = [];
  const serviceCommands: Array<Replayable & { exampleIndex: number }> = [];
  for (const [exampleIndex, example] of document.examples.entries()) {
    for (const [index, command] of example.commands.entries()) {
      if (!command.service || (command.service !== 'cognito-idp' && !session.services?.serves(command.service))) continue;
      const translation = translate(command, example);
      if (!translation?.operationName || !translation.input || translation.customization || !translation.model) continue;
      const replayable = { command, example, index, translation: translation as Replayable['translation'] };
      if (command.service === 'cognito-idp') commands.push(replayable);
      else serviceCommands.push({ ...replayable, exampleIndex });
    }
  }
  const results = new Map<AwsCommand, LiveCommandResult>();
  if (serviceCommands.length > 0) {
    const replayed = await session.services!.replayDocument(
      serviceCommands.map(({ command, example, index, translation, exampleIndex }) => ({
        service: command.service!,
        exampleIndex,
        model: translation.model!,
        operationName: translation.operationName,
        input: translation.input,
        documented: documentedOutcome(document, example, index, translation),
        paginated: translation.output.paginated,
      })),
    );
    for (const [position, result] of replayed.entries()) results.set(serviceCommands[position]!.command, result);
  }
  const failAll = (reason: string) => {
    for (const { command, translation } of commands) {
      results.set(command, { operationName: translation.operationName, status: 'failed', reason, bindings: [], differences: [], sdkMs: 0, totalMs: 0 });
    }
    return results;
  };
  if (commands.length === 0) return results;
  if (lookup && 'problem' in lookup) return failAll(lookup.problem);
  const scenario: Scenario | undefined = lookup?.scenario;
  const captured: Record<string, unknown> = {};
  let guard: ScenarioGuard | undefined;
  try {
    let bindings = new Map<string, string>();
    if (scenario) {
      try {
        const fixtureValues = await session.fixtureValues();
        captured.fixture = fixtureValues;
        guard = session.guarded ? new ScenarioGuard(session.namePrefix, fixtureValues) : undefined;
        for (const [position, step] of scenario.setup.entries()) {
          const refusal = guard?.refusal(step, resolveReferences(step.input ?? {}, captured) as Record<string, unknown>);
          if (refusal) throw new Error(`setup step ${step.name ?? position + 1} ${refusal}`);
          const output = await session.call(step, captured).catch((error: unknown) => {
            throw new Error(`setup step ${step.name ?? position + 1} (${step.operation}) failed: ${describeError(error)}`);
          });
          guard?.record(step, output);
          if (step.name) captured[step.name] = output;
        }
        bindings = new Map(Object.entries(scenario.bindings).map(([placeholder, value]) => [placeholder, String(resolveReferences(value, captured))]));
      } catch (error) {
        return failAll(`scenario ${scenario.file.split(/[\\/]/).pop()}: ${(error as Error).message}`);
      }
    }
    for (const { command, example, index, translation } of commands) {
      const documented = documentedOutcome(document, example, index, translation);
      results.set(command, await session.replay(translation.operationName, translation.input, documented, bindings));
    }
  } finally {
    // Teardown is best effort: the session deletes the run's pools anyway.
    for (const [position, step] of (scenario?.teardown ?? []).entries()) {
      let input: unknown;
      try {
        input = resolveReferences(step.input ?? {}, captured);
      } catch {
        continue;
      }
      const refusal = guard?.refusal(step, input as Record<string, unknown>);
      if (refusal) {
        // Said at every command of the document, in place of its comparison: the scenario file is what needs mending.
        for (const [command, result] of results) results.set(command, { ...result, status: 'failed', differences: [], reason: `scenario ${scenario!.file.split(/[\\/]/).pop()}: teardown step ${step.name ?? position + 1} ${refusal}` });
        continue;
      }
      await session.call(step, captured).catch(() => undefined);
    }
  }
  return results;
}

/**
 * The engine's `extend` hook for a live run: gives rules `context.liveReplay`; a document's commands are replayed
 * once, in order, with its scenario (beside it or found by `findScenario`). Commands of other services are not replayed.
 */
export function extendWithLiveReplay(session: LiveSession, options: { findScenario?: (documentPath: string) => ScenarioLookup } = {}): (context: RuleContext) => void {
  return (context) => {
    let replayed: Promise<Map<AwsCommand, LiveCommandResult>> | undefined;
    context.liveReplay = async (command) => {
      replayed ??= replayDocumentLive(session, context.document, (candidate, example) => context.translation(candidate, example), options.findScenario?.(context.document.path));
      return (await replayed).get(command);
    };
  };
}

/** The report note on a session's time: commands replayed and the harness's own time per command beyond the SDK calls. */
export function overheadNote(stats: LiveStats): string {
  const overhead = stats.commands ? (stats.totalMs - stats.sdkMs) / stats.commands : 0;
  return `live replay: ${stats.commands} command(s), harness overhead ${overhead.toFixed(2)} ms/command (SDK calls ${stats.sdkMs.toFixed(0)} ms of ${stats.totalMs.toFixed(0)} ms)`;
}
