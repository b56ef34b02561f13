import type { Paginator, ServiceModel } from '../../model/types.js';
import type { LiveCommandResult } from '../../rules/replay-results.js';
import { createGenericClient, eventStreamReason, genericProtocol, type GenericClient } from '../generic/client.js';
import type { DocumentedOutcome } from '../types.js';
import { asMergedPages, compareOutput, maskDeep, toCliOutput } from './compare.js';
import { DynamoDbFixture } from './fixture-dynamodb.js';
import { KinesisFixture } from './fixture-kinesis.js';
import { S3Fixture } from './fixture-s3.js';
import { localServerProfiles, serviceProfile, type TargetProfile } from './profiles.js';
import { startLocalServer, type LocalServer, type LocalServerKind } from './server.js';
import type { FixtureCall, ServiceFixture } from './service-fixture.js';

/** The local server that answers each CLI service under `--target local` (cognito-idp has its own session). */
export const localServers: Readonly<Record<string, LocalServerKind>> = { dynamodb: 'dynalite', s3api: 's3rver', kinesis: 'kinesalite' };


/** s3rver checks signatures against its one built-in key pair; the other servers take any. */
const serverCredentials: Partial<Record<LocalServerKind, { accessKeyId: string; secretAccessKey: string }>> = { s3rver: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } };

const fixtures: Record<string, new (call: FixtureCall) => ServiceFixture> = { dynamodb: DynamoDbFixture, s3api: S3Fixture, kinesis: KinesisFixture };

interface OpenService {
  client: GenericClient;
  profile: TargetProfile;
  /** A fresh fixture per document: what one document shows never shapes another's resources. */
  fixture?: () => ServiceFixture;
  server?: LocalServer;
  /** Set when the server ended or never started: later commands are not replayed, said once as a failure. */
  down?: { reason: string; said: boolean };
}

/**
 * Where the commands of services other than cognito-idp go, through the generic client: a local server per
 * service started on first use (`local`), or one endpoint for all (`endpoint`, e.g. LocalStack). Fixtures run
 * only where the run owns the data (a local server, a loopback endpoint).
 */
export class ServiceTargets {
  private readonly open = new Map<string, Promise<OpenService>>();

  /** `stats`: the session's figures, added to for every command replayed. */
  constructor(
    private readonly where: { local: true } | { endpoint: string; fixtures: boolean },
    private readonly stats: { commands: number; sdkMs: number; totalMs: number },
  ) {}

  /** Servers started for the run. */
  private readonly started: LocalServer[] = [];

  /** Whether a command of this service is replayed by this target at all. */
  serves(service: string): boolean {
    return service !== 'cognito-idp' && ('endpoint' in this.where || service in localServers);
  }

  private service(service: string, model: ServiceModel): Promise<OpenService> {
    let opened = this.open.get(service);
    if (!opened) {
      opened = this.openService(service, model);
      this.open.set(service, opened);
    }
    return opened;
  }

  private async openService(service: string, model: ServiceModel): Promise<OpenService> {
    let endpoint: string;
    let profile: TargetProfile = serviceProfile;
    let server: LocalServer | undefined;
    let down: OpenService['down'];
    if ('local' in this.where) {
      const kind = localServers[service]!;
      profile = localServerProfiles[kind];
      try {
        server = await startLocalServer(kind);
        this.started.push(server);
        endpoint = server.endpoint;
      } catch (error) {
        endpoint = 'http://127.0.0.1:9';
        const { message } = error as Error;
        down = { reason: message.startsWith(`${kind} `) ? message : `${kind} did not start: ${message}`, said: false };
      }
    } else {
      endpoint = this.where.endpoint;
    }
    const client = createGenericClient(model, { endpoint, region: 'us-east-1', ...(server && serverCredentials[server.kind] ? { credentials: serverCredentials[server.kind]! } : {}) });
    const Fixture = fixtures[service];
    const withFixture = Fixture && ('local' in this.where || this.where.fixtures);
    const opened: OpenService = { client, profile, ...(server ? { server } : {}), ...(down ? { down } : {}) };
    if (withFixture) opened.fixture = () => new Fixture((operationName, input) => client.send(operationName, input));
    void server?.exited.then(() => {
      opened.down ??= { reason: `${server!.kind} ended during the run`, said: false };
    });
    return opened;
  }

  /**
   * Replays one document's commands of this target's services, example by example: each example's fixture is
   * created before its first command and removed after its last.
   */
  async replayDocument(
    commands: Array<{ service: string; exampleIndex: number; model: ServiceModel; operationName: string; input: Record<string, unknown>; documented: DocumentedOutcome; paginated?: boolean }>,
  ): Promise<LiveCommandResult[]> {
    const results: LiveCommandResult[] = [];
    const documentFixtures = new Map<OpenService, ServiceFixture | undefined>();
    for (const command of commands) {
      if ('unsupported' in genericProtocol(command.model)) continue;
      const opened = await this.service(command.service, command.model);
      if (!documentFixtures.has(opened)) documentFixtures.set(opened, opened.fixture?.());
      documentFixtures.get(opened)?.learn(command.operationName, command.input, command.documented);
    }
    let current: { exampleIndex: number; touched: Set<OpenService> } | undefined;
    const finishExample = async () => {
      for (const opened of current?.touched ?? []) if (!opened.down) await documentFixtures.get(opened)?.cleanUp().catch(() => undefined);
    };
    for (const command of commands) {
      if (current?.exampleIndex !== command.exampleIndex) {
        await finishExample();
        current = { exampleIndex: command.exampleIndex, touched: new Set() };
      }
      const protocol = genericProtocol(command.model);
      const unsupported = 'unsupported' in protocol ? protocol.unsupported : eventStreamReason(command.model, command.operationName);
      if (unsupported) {
        results.push(skipped(command.operationName, unsupported));
        continue;
      }
      // A member in a file the document does not hold (`--delete file://delete.json`) is missing: the CLI would refuse it.
      const inputShape = command.model.shapes[command.model.operations[command.operationName]?.input?.shape ?? ''];
      const missing = (inputShape?.required ?? []).filter((member) => command.input[member] === undefined);
      if (missing.length > 0) {
        results.push(skipped(command.operationName, `the input lacks the required ${missing.join(', ')}, so the CLI would not send it`));
        continue;
      }
      const opened = await this.service(command.service, command.model);
      current.touched.add(opened);
      const paginator = command.paginated ? command.model.paginators[command.operationName] : undefined;
      const result = await replayOne(opened, documentFixtures.get(opened), command.operationName, command.input, command.documented, paginator);
      if (result.status !== 'skipped') {
        this.stats.commands++;
        this.stats.sdkMs += result.sdkMs;
        this.stats.totalMs += result.totalMs;
      }
      results.push(result);
    }
    await finishExample();
    return results;
  }

  async close(): Promise<void> {
    for (const opened of this.open.values()) (await opened).client.destroy();
    await Promise.all(this.started.map((server) => server.stop()));
  }
}

/** Lists an operation returns in no particular order (the API reference says so). */
const unorderedLists: Readonly<Record<string, RegExp>> = { BatchGetItem: /^\/Responses\/[^/]+$/ };

function skipped(operationName: string, reason: string): LiveCommandResult {
  return { operationName, status: 'skipped', reason, bindings: [], differences: [], sdkMs: 0, totalMs: 0 };
}

/** `paginator`: the CLI merges the call's pages (it prints only what `build_full_result` keeps). */
async function replayOne(opened: OpenService, fixture: ServiceFixture | undefined, operationName: string, input: Record<string, unknown>, documented: DocumentedOutcome, paginator?: Paginator): Promise<LiveCommandResult> {
  const started = performance.now();
  const finish = (partial: Omit<LiveCommandResult, 'operationName' | 'sdkMs' | 'totalMs' | 'bindings'>, sdkMs = 0): LiveCommandResult => ({
    operationName,
    bindings: [],
    ...partial,
    sdkMs,
    totalMs: performance.now() - started,
  });
  const downNow = () => {
    if (!opened.down) return undefined;
    if (opened.down.said) return finish({ status: 'skipped', reason: `${opened.down.reason} (said at its first command)`, differences: [] });
    opened.down.said = true;
    return finish({ status: 'failed', reason: opened.down.reason, differences: [] });
  };
  // After a failed call: a server process that just died is given the moment to be noticed, so the reason said is the server, not the socket.
  const downAfterFailure = async (error: unknown) => {
    const answered = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode !== undefined;
    if (opened.server && !answered) await Promise.race([opened.server.exited, new Promise((resolve) => setTimeout(resolve, 100))]);
    return downNow();
  };
  const down = downNow();
  if (down) return down;
  const cannot = opened.profile.cannotReplay?.(operationName, input);
  if (cannot) return finish({ status: 'skipped', reason: cannot, differences: [] });
  const report = { input: maskDeep(input) };
  try {
    await fixture?.prepare(operationName, input, documented);
  } catch (error) {
    return (await downAfterFailure(error)) ?? finish({ ...report, status: 'failed', reason: `the fixture could not prepare this command: ${describeFailure(error)}`, differences: [] });
  }
  const sent = performance.now();
  let output: unknown;
  try {
    output = toCliOutput(await withoutStreamingBody(opened.client.send(operationName, structuredClone(input))));
  } catch (error) {
    const sdkMs = performance.now() - sent;
    const gone = await downAfterFailure(error);
    if (gone) return gone;
    const { name, message } = error as Error;
    if (documented.kind === 'error' && documented.code === name) return finish({ ...report, status: 'passed', error: { name, message }, differences: [] }, sdkMs);
    return finish({ ...report, status: 'failed', reason: `the call failed: ${describeFailure(error)}`, error: { name, message }, differences: [] }, sdkMs);
  }
  const sdkMs = performance.now() - sent;
  if (paginator) output = asMergedPages(output, paginator, documented.kind === 'json' ? documented.value : {});
  if (documented.kind === 'unchecked') return finish({ ...report, output: maskDeep(output), status: 'passed', reason: documented.reason, differences: [] }, sdkMs);
  if (documented.kind === 'error') {
    return finish({ ...report, output: maskDeep(output), status: 'failed', reason: `the documented ${documented.code} did not occur: the call succeeded`, differences: [] }, sdkMs);
  }
  const unordered = unorderedLists[operationName];
  const differences = compareOutput(documented.kind === 'json' ? documented.value : {}, output, { bindings: new Map(), profile: opened.profile, ...(unordered ? { unordered: (pointer: string) => unordered.test(pointer) } : {}) });
  return finish({ ...report, output: maskDeep(output), status: differences.some((difference) => difference.severity === 'error') ? 'failed' : 'passed', differences }, sdkMs);
}

/** A streamed payload (`get-object`'s Body) goes to the CLI's outfile, not its printed output: read and dropped. */
async function withoutStreamingBody(response: Promise<Record<string, unknown>>): Promise<Record<string, unknown>> {
  const output = await response;
  for (const [member, value] of Object.entries(output)) {
    const body = value as { transformToByteArray?: () => Promise<Uint8Array> } | null;
    if (body && typeof body === 'object' && typeof body.transformToByteArray === 'function') {
      await body.transformToByteArray();
      delete output[member];
    }
  }
  return output;
}

/** One line for a failed call: the modeled error's name and message, or what the server answered instead. */
export function describeFailure(error: unknown): string {
  const { name, message, $response, $fault } = error as Error & { $fault?: string; $response?: { statusCode?: number; headers?: Record<string, string> } };
  const firstLine = String(message ?? error).split('\n')[0]!.slice(0, 200);
  if ($response && !$fault) {
    const type = $response.headers?.['content-type'];
    return `the server's answer is not a response of the service (HTTP ${$response.statusCode ?? '?'}${type ? `, ${type}` : ''}): ${firstLine}`;
  }
  return `${name}: ${firstLine}`;
}
