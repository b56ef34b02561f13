import { isIP } from 'node:net';
import type { LiveSession } from '../replay/live/index.js';
import type { RuleContext } from '../rules/types.js';
import type { ReplayConfig } from './config.js';
import { UsageError } from './errors.js';

export const REPLAY_TARGETS = ['mock', 'local', 'cognito-local', 'endpoint', 'aws'] as const;
export type ReplayTarget = (typeof REPLAY_TARGETS)[number];

export interface OpenTarget {
  extend: (context: RuleContext) => void;
  /** What the report should say about where commands were sent (read after the run: it carries live figures). */
  readonly note: string;
  close(): Promise<void>;
}

export interface TargetOptions {
  allowRemote: boolean;
  /** `--allow-aws`: the user agrees to create and delete resources in their AWS account. */
  allowAws?: boolean;
  /** `--scenarios DIR` folders searched for `<service>/<operation>.scenario.json`. */
  scenarios?: string[];
  /** Tests only: send `--target aws` traffic to this endpoint (cognito-local) through the same code path. */
  awsEndpointOverride?: string;
}

/** Starts what a replay target needs (a local server, a session); undefined when the run does not replay. */
export async function openReplayTarget(replay: ReplayConfig, options: TargetOptions): Promise<OpenTarget | undefined> {
  const target = replay.target;
  if (target === undefined || target === 'off') return undefined;
  if (target === 'mock') {
    // Loaded only for a replay: the SDK's protocols and the generic client cost every other run 0.17 s of start-up.
    const { extendWithReplay } = await import('../replay/index.js');
    return { extend: extendWithReplay, note: 'replay: real SDK clients over a mock transport (no network)', close: async () => undefined };
  }
  // Loaded only for a live run: it brings the SDK client, the fixture and cognito-local's metadata.
  const { createScenarioFinder, extendWithLiveReplay, localServers, openLiveSession, overheadNote } = await import('../replay/live/index.js');
  const findScenario = createScenarioFinder(options.scenarios ?? []);
  const live = (session: LiveSession, where: string): OpenTarget => ({
    extend: extendWithLiveReplay(session, { findScenario }),
    get note() {
      return `${where}; ${overheadNote(session.stats())}`;
    },
    close: () => session.close(),
  });
  if (target === 'cognito-local') {
    const session = await openLiveSession('cognito-local');
    return live(session, `replay: cognito-local at ${session.endpoint} (started for this run)`);
  }
  if (target === 'local') {
    const session = await openLiveSession('local');
    return live(session, `replay: local servers started for this run on 127.0.0.1 (${Object.entries(localServers).map(([service, server]) => `${server} for ${service}`).join(', ')}, cognito-local for cognito-idp)`);
  }
  if (target === 'endpoint') {
    const url = replay.endpointUrl;
    if (!url) throw new UsageError('--target endpoint needs --endpoint-url URL');
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new UsageError(`--endpoint-url '${url}' is not a URL`);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new UsageError(`--endpoint-url ${url}: only http and https endpoints`);
    const local = isLoopback(parsed.hostname);
    if (!options.allowRemote && !local) {
      throw new UsageError(`--endpoint-url ${url} is not on this machine (loopback); add --allow-remote to send example commands there`);
    }
    const session = await openLiveSession({ endpoint: url, guarded: !local });
    return live(session, `replay: endpoint ${url}`);
  }
  if (target === 'aws') {
    const region = replay.region;
    if (!region) throw new UsageError('--target aws needs --region REGION');
    if (!options.allowAws) {
      throw new UsageError(
        `--target aws would send every cognito-idp example command to the real service in ${region} with your default AWS credentials, creating user pools, clients, users and groups named docs-harness-<random>-* and deleting them at the end; add --allow-aws to do so`,
      );
    }
    const account = await accountNote(region, options.awsEndpointOverride);
    const session = await openLiveSession({ aws: { region, ...(options.awsEndpointOverride ? { endpoint: options.awsEndpointOverride } : {}) } });
    return live(session, `replay: AWS ${account}, region ${region}; resources named ${session.namePrefix}* are deleted at the end`);
  }
  throw new UsageError(`unknown --target '${String(target)}': choose one of ${REPLAY_TARGETS.join(', ')}`);
}

/** The account the credentials belong to, when `@aws-sdk/client-sts` is installed (it is not a dependency). */
async function accountNote(region: string, endpoint: string | undefined): Promise<string> {
  if (endpoint) return 'account: (test endpoint)';
  const packageName = '@aws-sdk/client-sts';
  let sts: { STSClient: new (config: object) => { send(command: object): Promise<{ Account?: string }>; destroy(): void }; GetCallerIdentityCommand: new (input: object) => object };
  try {
    sts = (await import(packageName)) as typeof sts;
  } catch {
    return `account: unknown (install ${packageName} to show it)`;
  }
  const client = new sts.STSClient({ region });
  try {
    return `account ${(await client.send(new sts.GetCallerIdentityCommand({}))).Account ?? 'unknown'}`;
  } finally {
    client.destroy();
  }
}

function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '');
  if (bare === 'localhost') return true;
  if (isIP(bare) === 4) return bare.startsWith('127.');
  return bare === '::1';
}
