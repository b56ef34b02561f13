import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';

/** The local servers the harness can start: one per service it replays live without AWS. */
export type LocalServerKind = 'cognito-local' | 'dynalite' | 's3rver' | 'kinesalite';

export interface LocalServer {
  kind: LocalServerKind;
  endpoint: string;
  /** The server's process id (gone once `stop` resolves). */
  pid: number;
  /** The temporary folder holding the server's data (removed by `stop`). */
  dataDir: string;
  /** Resolves when the server process ends, for whatever reason (`stop` included). */
  exited: Promise<void>;
  stop(): Promise<void>;
}

export type CognitoLocalServer = LocalServer;

export interface StartOptions {
  /** How long to wait for the server to listen (and, for cognito-local, answer `GET /health`); cold start is 0.5–0.7 s on an idle machine. */
  readyTimeoutMs?: number;
}

const resolveModule = createRequire(import.meta.url).resolve;

/**
 * How each server is started inside the guard: a function of (data folder, module path) resolving to the port
 * it listens on. Each listens on 127.0.0.1 on a port the OS assigns; table, stream and bucket changes are
 * immediate (dynalite and kinesalite otherwise wait 500 ms per CREATING/DELETING state, as the service would).
 */
const servers: Record<LocalServerKind, { module: string; folder: string; start: string }> = {
  'cognito-local': {
    module: 'cognito-local/lib/server/index.js',
    folder: 'cognito',
    start: String.raw`(dataDir, serverModule) => {
      process.chdir(dataDir);
      const pino = require(require.resolve('pino', { paths: [serverModule] }));
      return require(serverModule).createDefaultServer(pino({ level: 'silent' })).then((server) => server.start()).then((server) => server.address().port);
    }`,
  },
  dynalite: {
    module: 'dynalite',
    folder: 'dynalite',
    start: String.raw`(dataDir, serverModule) => new Promise((resolve, reject) => {
      const server = require(serverModule)({ path: dataDir, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
      server.once('error', reject).listen(0, '127.0.0.1', () => resolve(server.address().port));
    })`,
  },
  kinesalite: {
    module: 'kinesalite',
    folder: 'kinesalite',
    start: String.raw`(dataDir, serverModule) => new Promise((resolve, reject) => {
      const server = require(serverModule)({ path: dataDir, createStreamMs: 0, deleteStreamMs: 0, updateStreamMs: 0 });
      server.once('error', reject).listen(0, '127.0.0.1', () => resolve(server.address().port));
    })`,
  },
  s3rver: {
    module: 's3rver',
    folder: 's3rver',
    start: String.raw`(dataDir, serverModule) => {
      const S3rver = require(serverModule);
      return new S3rver({ address: '127.0.0.1', port: 0, directory: dataDir, silent: true }).run().then((address) => address.port);
    }`,
  },
};

/** Data folders are named after the process that owns them, so a later run can tell the folders of dead runs. */
const DATA_FOLDER = /^docs-harness-(?:cognito|dynalite|kinesalite|s3rver)-(\d+)-/;

/**
 * The server process: the server in-process, behind a guard. Its standard input is a pipe from docs-harness
 * that is never written: when docs-harness ends in any way — SIGKILL and a CI job's time-out included — the
 * pipe closes and the guard removes its data folder and exits. It listens on a port the OS assigns (no race for
 * a free port) and reports the port on standard output once listening, so the server answering is the one started.
 */
const guard = (start: string) => String.raw`
const fs = require('node:fs');
const [dataDir, serverModule] = process.argv.slice(1);
// The server may still write a file while its folder goes (ENOTEMPTY): try again until the folder is gone.
const finish = (code) => {
  for (let attempt = 0; attempt < 5 && fs.existsSync(dataDir); attempt++) {
    try { fs.rmSync(dataDir, { recursive: true, force: true, maxRetries: 3, retryDelay: 20 }); } catch {}
  }
  process.exit(code);
};
process.stdin.on('end', () => finish(0)).on('error', () => finish(0)).resume();
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => finish(0));
Promise.resolve().then(() => (${start})(dataDir, serverModule))
  .then((port) => process.stdout.write(JSON.stringify({ port }) + '\n'))
  .catch((error) => { process.stderr.write(String(error && error.message || error)); finish(1); });
`;

/** Starts cognito-local (see `startLocalServer`). */
export function startCognitoLocal(options: StartOptions = {}): Promise<LocalServer> {
  return startLocalServer('cognito-local', options);
}

/**
 * Starts a local server on 127.0.0.1 in a fresh temporary folder. The server and its folder go with `stop()`,
 * when this process exits, on SIGINT/SIGTERM/SIGHUP (then re-raised), and — through the guard's pipe — when this
 * process is killed outright. Folders left by runs whose process is gone are removed first.
 */
export async function startLocalServer(kind: LocalServerKind, options: StartOptions = {}): Promise<LocalServer> {
  removeFoldersOfDeadRuns();
  const server = servers[kind];
  const dataDir = await mkdtemp(path.join(os.tmpdir(), `docs-harness-${server.folder}-${process.pid}-`));
  if (kind === 'cognito-local') {
    // The real service has no username attributes by default; cognito-local's default is `["email"]`.
    mkdirSync(path.join(dataDir, '.cognito'));
    writeFileSync(path.join(dataDir, '.cognito', 'config.json'), JSON.stringify({ UserPoolDefaults: { UsernameAttributes: [] } }));
  }

  const child = spawn(process.execPath, ['-e', guard(server.start), dataDir, resolveModule(server.module)], {
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
    if (kind === 'cognito-local') await waitForHealth(endpoint, timeoutMs);
  } catch (error) {
    await stop();
    // A crash prints a stack and the Node.js version last: its error line is what says why.
    const lines = stderr.trim().split('\n');
    const detail = lines.find((line) => /^\w*Error\b/.test(line)) ?? lines.at(-1);
    throw new Error(`${kind} did not start: ${(error as Error).message}${detail ? ` (${detail})` : ''}`);
  }
  return { kind, endpoint, pid: child.pid!, dataDir, exited, stop };
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
