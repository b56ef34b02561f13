import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface CognitoLocalServer {
  endpoint: string;
  /** The server's process id (gone once `stop` resolves). */
  pid: number;
  /** The temporary working folder holding `.cognito/` (removed by `stop`). */
  dataDir: string;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** How long to wait for `GET /health`; cold start is 0.5–0.7 s on an idle machine. */
  readyTimeoutMs?: number;
}

const startScript = createRequire(import.meta.url).resolve('cognito-local/lib/bin/start.js');

/**
 * Starts cognito-local on a free 127.0.0.1 port in a fresh temporary folder. The child is killed and the
 * folder removed by `stop()`, when this process exits, and on SIGINT/SIGTERM (which are then re-raised).
 */
export async function startCognitoLocal(options: StartOptions = {}): Promise<CognitoLocalServer> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'docs-harness-cognito-'));
  // The real service has no username attributes by default; cognito-local's default is `["email"]`.
  mkdirSync(path.join(dataDir, '.cognito'));
  writeFileSync(path.join(dataDir, '.cognito', 'config.json'), JSON.stringify({ UserPoolDefaults: { UsernameAttributes: [] } }));

  const port = await freePort();
  const child = spawn(process.execPath, [startScript], {
    cwd: dataDir,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const cleanupNow = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  };
  const onSignal = (signal: NodeJS.Signals) => {
    cleanupNow();
    removeHandlers();
    process.kill(process.pid, signal);
  };
  const removeHandlers = () => {
    process.off('exit', cleanupNow);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
  process.on('exit', cleanupNow);
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) {
        // Its data is thrown away, so nothing needs flushing; SIGTERM takes it 1–3 s to exit.
        child.kill('SIGKILL');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
      removeHandlers();
    })());

  const endpoint = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(endpoint, child, options.readyTimeoutMs ?? 15_000);
  } catch (error) {
    await stop();
    throw new Error(`cognito-local did not start: ${(error as Error).message}${stderr ? `\n${stderr.trim()}` : ''}`);
  }
  return { endpoint, pid: child.pid!, dataDir, stop };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no TCP port was assigned');
  return address.port;
}

async function waitForHealth(endpoint: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the process exited (${child.exitCode ?? child.signalCode})`);
    }
    try {
      const response = await fetch(`${endpoint}/health`);
      const body = (await response.json()) as { ok?: unknown };
      if (body.ok === true) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`GET ${endpoint}/health did not answer {"ok":true} within ${timeoutMs} ms`);
}
