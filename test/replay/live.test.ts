import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDocument } from '../../src/document/read.js';
import { embeddedModels } from '../../src/model/load.js';
import { translateCommand } from '../../src/model/input/index.js';
import { parseExamples } from '../../src/pipeline.js';
import { runRules } from '../../src/rules/engine.js';
import replayMismatch from '../../src/rules/replay-mismatch.js';
import { formatFinding, type Finding } from '../../src/rules/types.js';
import { extendWithLiveReplay, openLiveSession, replayLive, type LiveSession } from '../../src/replay/live/index.js';
import { cognitoLocalProfile } from '../../src/replay/live/profiles.js';
import { startCognitoLocal, type CognitoLocalServer } from '../../src/replay/live/server.js';

const examplesDir = fileURLToPath(new URL('../../examples/cognito-idp', import.meta.url));
const models = embeddedModels();

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

let server: CognitoLocalServer;
let session: LiveSession;

beforeAll(async () => {
  server = await startCognitoLocal();
  session = await openLiveSession({ endpoint: server.endpoint, profile: cognitoLocalProfile });
});

afterAll(async () => {
  await session?.close();
  await server?.stop();
  // No stray process and no data left behind once the tests are done.
  expect(isRunning(server.pid)).toBe(false);
  expect(existsSync(server.dataDir)).toBe(false);
});

async function check(filePath: string, liveSession = session): Promise<Finding[]> {
  const { file, problem } = await readDocument(filePath);
  expect(problem).toBeUndefined();
  const document = parseExamples(filePath, file);
  return runRules(document, { rules: [replayMismatch], models, treeRoot: path.dirname(filePath), extend: extendWithLiveReplay(liveSession) });
}

const ourExamples = (await readdir(examplesDir)).filter((name) => name.endsWith('.rst')).sort();

describe('our cognito-idp examples against cognito-local', () => {
  it('covers the sign-in journey, one file per operation', () => {
    expect(ourExamples).toHaveLength(14);
  });

  it.each(ourExamples)('%s passes (only known deviations, as info)', async (name) => {
    const findings = await check(path.join(examplesDir, name));
    expect(findings.filter((finding) => finding.severity !== 'info').map(formatFinding)).toEqual([]);
  });
});

describe('a deliberately broken copy', () => {
  let brokenDir: string;
  beforeAll(async () => {
    brokenDir = await mkdtemp(path.join(os.tmpdir(), 'docs-harness-broken-'));
  });
  afterAll(() => rm(brokenDir, { recursive: true, force: true }));

  it('reports a documented key the server does not return, and a wrong type, at their lines', async () => {
    const original = await readFile(path.join(examplesDir, 'admin-get-user.rst'), 'utf8');
    const broken = original
      .replace('"Enabled": true,', '"Enabled": "yes",')
      .replace('"UserStatus": "CONFIRMED"', '"UserStatus": "CONFIRMED",\n        "LastSignInDate": "2025-03-14T09:50:00+00:00"');
    expect(broken).not.toBe(original);
    const brokenPath = path.join(brokenDir, 'admin-get-user.rst');
    await writeFile(brokenPath, broken);
    const lines = broken.split('\n');
    const lineOf = (text: string) => lines.findIndex((line) => line.includes(text)) + 1;

    const errors = (await check(brokenPath)).filter((finding) => finding.severity === 'error');
    expect(errors.map((finding) => [finding.ruleId, finding.start.line, finding.message])).toEqual([
      ['replay-mismatch', lineOf('"Enabled"'), 'live replay: /Enabled: documented a string ("yes"), live a boolean (true)'],
      ['replay-mismatch', lineOf('"LastSignInDate"'), 'live replay: /LastSignInDate: documented "2025-03-14T09:50:00+00:00", live output has no "LastSignInDate"'],
    ]);
  });

  it('reports a command the server rejects at its operation', async () => {
    const broken = ['**To list users**', '', 'The following example lists users. ::', '', '    aws cognito-idp list-users \\', '        --user-pool-id us-west-2_EXAMPLE \\', "        --filter 'not a filter'", '', 'This command produces no output.', ''].join('\n');
    const brokenPath = path.join(brokenDir, 'list-users.rst');
    await writeFile(brokenPath, broken);
    const errors = (await check(brokenPath)).filter((finding) => finding.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.start.line).toBe(broken.split('\n').findIndex((line) => line.includes('aws cognito-idp')) + 1);
    expect(errors[0]!.message).toMatch(/^live replay: ListUsers: the call failed: InvalidParameterException/);
  });

  it('does not send an operation the target lacks: the result says why, and no error is reported', async () => {
    const unsupported = ['**To sign out everywhere**', '', 'The following example signs out. ::', '', '    aws cognito-idp global-sign-out \\', '        --access-token eyJra456defEXAMPLE', '', 'This command produces no output.', ''].join('\n');
    const unsupportedPath = path.join(brokenDir, 'global-sign-out.rst');
    await writeFile(unsupportedPath, unsupported);
    expect(await check(unsupportedPath)).toEqual([]);
    const result = await session.replay('GlobalSignOut', { AccessToken: 'eyJra456defEXAMPLE' }, { kind: 'none' });
    expect(result).toMatchObject({ status: 'skipped', reason: 'cognito-local does not implement GlobalSignOut', sdkMs: 0 });
  });
});

describe('replayLive', () => {
  async function runAll() {
    const documents = await Promise.all(
      ourExamples.map(async (name) => {
        const filePath = path.join(examplesDir, name);
        return parseExamples(filePath, (await readDocument(filePath)).file);
      }),
    );
    return replayLive(documents, {
      target: { endpoint: server.endpoint, profile: cognitoLocalProfile },
      translate: (command) => translateCommand(command, { models, documentDir: examplesDir, treeRoot: examplesDir }),
    });
  }

  it('passes every command, starts each run with a fresh pool, and masks secrets', async () => {
    const first = await runAll();
    const second = await runAll();
    expect(first.map(({ result }) => [result.operationName, result.status, result.reason])).toEqual(
      first.map(({ result }) => [result.operationName, 'passed', undefined]),
    );
    expect(first).toHaveLength(16);
    expect(second.every(({ result }) => result.status === 'passed')).toBe(true);

    const poolOf = (results: typeof first) => results.find(({ result }) => result.operationName === 'AdminGetUser')!.result.bindings.find(([placeholder]) => placeholder === 'us-west-2_EXAMPLE')![1];
    expect(poolOf(first)).not.toBe(poolOf(second));

    const reported = JSON.stringify(first.map(({ result }) => result));
    expect(reported).not.toMatch(/eyJ[\w-]{10,}\.[\w-]+\.[\w-]+/); // no whole token
    expect(reported).not.toMatch(/Aa1!/); // no generated password
    const verify = first.find(({ result }) => result.operationName === 'VerifySoftwareToken')!.result;
    expect(verify.input).toMatchObject({ AccessToken: '****', UserCode: '****' });
  });
});

describe('startCognitoLocal', () => {
  it('stops its process and removes its folder', async () => {
    const own = await startCognitoLocal();
    expect(isRunning(own.pid)).toBe(true);
    expect(existsSync(path.join(own.dataDir, '.cognito'))).toBe(true);
    expect(await (await fetch(`${own.endpoint}/health`)).json()).toEqual({ ok: true });
    await own.stop();
    expect(isRunning(own.pid)).toBe(false);
    expect(existsSync(own.dataDir)).toBe(false);
  });
});
