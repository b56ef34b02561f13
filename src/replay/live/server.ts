import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';

export interface CognitoLocalServer {
  endpoint: string;
  /** The server's process id (gone once `stop` resolves). */
  pid: number;
  /** The temporary working folder holding `.cognito/` (removed by `stop`). */
  dataDir: string;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** How long to wait for the server to listen and answer `GET /health`; cold start is 0.5–0.7 s on an idle machine. */
  readyTimeoutMs?: number;
}

const serverModule = createRequire(import.meta.url).resolve('cognito-local/lib/server/index.js');
/** Data folders are named after the process that owns them, so a later run can tell the folders of dead runs. */
const DATA_FOLDER = /^docs-harness-cognito-(\d+)-/;

/**
 * The server process: cognito-local in-process, behind a guard. Its standard input is a pipe from docs-harness
 * that is never written: when docs-harness ends in any way — SIGKILL and a CI job's time-out included — the
 * pipe closes and the guard removes its data folder and exits. It listens on a port the OS assigns (no race for
 * a free port) and reports the port on standard output once listening, so the server answering is the one started.
 */
const GUARD = String.raw`
const fs = require('node:fs');
const [dataDir, serverModule] = process.argv.slice(1);
const finish = (code) => { try { fs.rmSync(dataDir, { recursive: true, force: true }); } catch {} process.exit(code); };
process.stdin.on('end', () => finish(0)).on('error', () => finish(0)).resume();
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => finish(0));
process.chdir(dataDir);
const pino = require(require.resolve('pino', { paths: [serverModule] }));
require(serverModule).createDefaultServer(pino({ level: 'silent' }))
  .then((server) => server.start())
  .then((server) => process.stdout.write(JSON.stringify({ port: server.address().port }) + '\n'))
  .catch((error) => { process.stderr.write(String(error && error.message || error)); finish(1); });
`;

/**
 * Starts cognito-local on 127.0.0.1 in a fresh temporary folder. The server and its folder go with `stop()`,
 * when this process exits, on SIGINT/SIGTERM/SIGHUP (then re-raised), and — through the guard's pipe — when this
 * process is killed outright. Folders left by runs whose process is gone are removed first.
 */
export async function startCognitoLocal(options: StartOptions = {}): Promise<CognitoLocalServer> {
  removeFoldersOfDeadRuns();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), `docs-harness-cognito-${process.pid}-`));
  // The real service has no username attributes by default; cognito-local's default is `["email"]`.
  mkdirSync(path.join(dataDir, '.cognito'));
  writeFileSync(path.join(dataDir, '.cognito', 'config.json'), JSON.stringify({ UserPoolDefaults: { UsernameAttributes: [] } }));

  const child = spawn(process.execPath, ['-e', GUARD, dataDir, serverModule], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-4000)));
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
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  const removeHandlers = () => {
    process.off('exit', cleanupNow);
    for (const signal of signals) process.off(signal, onSignal);
  };
  process.on('exit', cleanupNow);
  for (const signal of signals) process.on(signal, onSignal);

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) {
        // Its data is thrown away, so nothing needs flushing.
        child.kill('SIGKILL');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
      removeHandlers();
    })());

  const timeoutMs = options.readyTimeoutMs ?? 15_000;
  let endpoint: string;
  try {
    const port = await listeningPort(child.stdout, exited, timeoutMs);
    endpoint = `http://127.0.0.1:${port}`;
    await waitForHealth(endpoint, timeoutMs);
  } catch (error) {
    await stop();
    const detail = stderr.trim().split('\n').at(-1);
    throw new Error(`cognito-local did not start: ${(error as Error).message}${detail ? ` (${detail})` : ''}`);
  }
  return { endpoint, pid: child.pid!, dataDir, stop };
}

/** The port the guard reports once its server listens; fails when the process ends first or the time runs out. */
async function listeningPort(stdout: NodeJS.ReadableStream, exited: Promise<void>, timeoutMs: number): Promise<number> {
  const lines = createInterface({ input: stdout });
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      new Promise<number>((resolve) =>
        lines.once('line', (line) => {
          const port = (JSON.parse(line) as { port?: unknown }).port;
          resolve(typeof port === 'number' ? port : NaN);
        }),
      ),
      exited.then(() => Promise.reject(new Error('the server process ended before it listened'))),
      new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`it did not listen within ${timeoutMs} ms`)), timeoutMs))),
    ]);
  } finally {
    clearTimeout(timer);
    lines.close();
  }
}

/** `GET /health` until it answers `{"ok":true}`; each request has its own time-out, so a silent server cannot hang the run. */
async function waitForHealth(endpoint: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${endpoint}/health`, { signal: AbortSignal.timeout(Math.min(2_000, Math.max(1, deadline - Date.now()))) });
      const body = (await response.json()) as { ok?: unknown };
      if (body.ok === true) return;
    } catch {
      // Not answering yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`GET ${endpoint}/health did not answer {"ok":true} within ${timeoutMs} ms`);
}

/** Data folders of runs whose process is gone (a SIGKILL before the guard could act, a machine that went down). */
function removeFoldersOfDeadRuns(): void {
  let names: string[];
  try {
    names = readdirSync(os.tmpdir());
  } catch {
    return;
  }
  for (const name of names) {
    const owner = DATA_FOLDER.exec(name)?.[1];
    if (owner !== undefined && !isAlive(Number(owner))) rmSync(path.join(os.tmpdir(), name), { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, another user's.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
