import { isIP } from 'node:net';
import { extendWithReplay } from '../replay/index.js';
import { extendWithLiveReplay, openLiveSession } from '../replay/live/index.js';
import type { RuleContext } from '../rules/types.js';
import type { ReplayConfig } from './config.js';
import { UsageError } from './errors.js';

export const REPLAY_TARGETS = ['mock', 'cognito-local', 'endpoint'] as const;
export type ReplayTarget = (typeof REPLAY_TARGETS)[number];

export interface OpenTarget {
  extend: (context: RuleContext) => void;
  /** What the report should say about where commands were sent. */
  note: string;
  close(): Promise<void>;
}

/** Starts what a replay target needs (a local server, a session); undefined when the run does not replay. */
export async function openReplayTarget(replay: ReplayConfig, options: { allowRemote: boolean }): Promise<OpenTarget | undefined> {
  const target = replay.target;
  if (target === undefined || target === 'off') return undefined;
  if (target === 'mock') {
    return { extend: extendWithReplay, note: 'replay: real SDK clients over a mock transport (no network)', close: async () => undefined };
  }
  if (target === 'cognito-local') {
    const session = await openLiveSession('cognito-local');
    return { extend: extendWithLiveReplay(session), note: `replay: cognito-local at ${session.endpoint} (started for this run)`, close: () => session.close() };
  }
  if (target === 'endpoint') {
    const url = replay.endpointUrl;
    if (!url) throw new UsageError('--target endpoint needs --endpoint-url URL');
    let host: string;
    try {
      host = new URL(url).hostname;
    } catch {
      throw new UsageError(`--endpoint-url '${url}' is not a URL`);
    }
    if (!options.allowRemote && !isLoopback(host)) {
      throw new UsageError(`--endpoint-url ${url} is not on this machine (loopback); add --allow-remote to send example commands there`);
    }
    const session = await openLiveSession({ endpoint: url });
    return { extend: extendWithLiveReplay(session), note: `replay: endpoint ${url}`, close: () => session.close() };
  }
  throw new UsageError(`unknown --target '${String(target)}': choose one of ${REPLAY_TARGETS.join(', ')}`);
}

function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '');
  if (bare === 'localhost') return true;
  if (isIP(bare) === 4) return bare.startsWith('127.');
  return bare === '::1';
}
