// Servers never left behind (#11.10): docs-harness is killed from outside, as a CI job's time-out or a user would,
// and the cognito-local server it started — a real process — must go, with its data folder.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { startCognitoLocal } from '../../src/replay/live/server.js';
import { processesUsing } from '../support/processes.js';
import { scratchFolder } from '../support/scratch.js';

const serverModule = new URL('../../dist/replay/live/server.js', import.meta.url).href;

/** A process that starts a local server (the built docs-harness code), says where, and then waits to be killed. */
async function startOwner(tmpdir: string, kind = 'cognito-local'): Promise<{ owner: ChildProcess; dataDir: string; endpoint: string }> {
  const owner = spawn(
    process.execPath,
    ['--input-type=module', '-e', `const { startLocalServer } = await import(${JSON.stringify(serverModule)}); const server = await startLocalServer(${JSON.stringify(kind)}); console.log(JSON.stringify(server)); setInterval(() => {}, 1000);`],
    { env: { ...process.env, TMPDIR: tmpdir }, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: owner.stdout! }).once('line', resolve);
    owner.once('exit', (code) => reject(new Error(`the owner exited (${code}) before its server started`)));
  });
  const { dataDir, endpoint } = JSON.parse(line) as { dataDir: string; endpoint: string };
  return { owner, dataDir, endpoint };
}


async function until(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 50))) {
    if (condition()) return true;
  }
  return condition();
}

describe('a server the harness started', () => {
  it.each(['SIGKILL', 'SIGTERM', 'SIGINT', 'SIGHUP'] as const)('is gone, with its data folder, after %s of the harness', async (signal) => {
    const tmpdir = scratchFolder(`servers-${signal}`);
    const { owner, dataDir, endpoint } = await startOwner(tmpdir);
    expect(await (await fetch(`${endpoint}/health`)).json()).toEqual({ ok: true });
    expect(processesUsing(dataDir).length).toBeGreaterThan(0);
    owner.kill(signal);
    expect(await until(() => processesUsing(dataDir).length === 0 && !existsSync(dataDir), 20_000)).toBe(true);
    await expect(fetch(`${endpoint}/health`, { signal: AbortSignal.timeout(1000) })).rejects.toThrow();
  });

  it.each(['dynalite', 's3rver', 'kinesalite'])('is gone, with its data folder, after SIGKILL of the harness: %s', async (kind) => {
    const tmpdir = scratchFolder(`servers-${kind}`);
    const { owner, dataDir, endpoint } = await startOwner(tmpdir, kind);
    expect(new URL(endpoint).hostname).toBe('127.0.0.1');
    await fetch(endpoint, { signal: AbortSignal.timeout(2000) });
    expect(processesUsing(dataDir).length).toBeGreaterThan(0);
    owner.kill('SIGKILL');
    expect(await until(() => processesUsing(dataDir).length === 0 && !existsSync(dataDir), 20_000)).toBe(true);
    await expect(fetch(endpoint, { signal: AbortSignal.timeout(1000) })).rejects.toThrow();
  });

  it('removes the data folders of runs whose process is gone', async () => {
    const stale = path.join(process.env.TMPDIR!, 'docs-harness-cognito-2147483646-stale');
    mkdirSync(path.join(stale, '.cognito'), { recursive: true });
    const server = await startCognitoLocal();
    try {
      expect(existsSync(stale)).toBe(false);
    } finally {
      await server.stop();
    }
  });

  it('says in one line why it did not start, within the stated wait', async () => {
    const started = Date.now();
    await expect(startCognitoLocal({ readyTimeoutMs: 1 })).rejects.toThrow(/^cognito-local did not start: [^\n]+$/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
