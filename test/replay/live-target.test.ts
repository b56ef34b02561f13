import { CognitoIdentityProviderClient, CreateUserPoolCommand, ListUserPoolsCommand } from '@aws-sdk/client-cognito-identity-provider';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openReplayTarget } from '../../src/cli/replay-target.js';
import { runFiles } from '../../src/cli/run.js';
import { embeddedModels } from '../../src/model/load.js';
import { REPORT_FORMATS } from '../../src/reports/index.js';
import { startCognitoLocal, type CognitoLocalServer } from '../../src/replay/live/server.js';
import notReplayed from '../../src/rules/not-replayed.js';
import replayMismatch from '../../src/rules/replay-mismatch.js';
import { runCli } from '../cli/run-cli.js';

const createUserPoolExample = fileURLToPath(new URL('../../examples/cognito-idp/create-user-pool.rst', import.meta.url));

let server: CognitoLocalServer;
let workDir: string;
const savedEnvironment = { ...process.env };

beforeAll(async () => {
  server = await startCognitoLocal();
  workDir = mkdtempSync(path.join(os.tmpdir(), 'docs-harness-live-target-'));
  mkdirSync(path.join(workDir, 'cognito-idp'));
  // `--target aws` takes the SDK's default credential chain; cognito-local accepts any keys.
  process.env.AWS_ACCESS_KEY_ID = 'AKIAIOSFODNN7EXAMPLE';
  process.env.AWS_SECRET_ACCESS_KEY = 'docs-harness-test';
});

afterAll(async () => {
  process.env = savedEnvironment;
  await server?.stop();
  rmSync(workDir, { recursive: true, force: true });
});

/** Writes a one-example document under the work folder and returns its path. */
function writeExample(name: string, command: string, output: string): string {
  const file = path.join(workDir, 'cognito-idp', name);
  writeFileSync(file, `**An example**\n\nThe following example runs a command. ::\n\n${command.replace(/^/gm, '    ')}\n\nOutput::\n\n${output.replace(/^/gm, '    ')}\n`);
  return file;
}

async function poolNames(): Promise<string[]> {
  const client = new CognitoIdentityProviderClient({ endpoint: server.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'x' } });
  try {
    const { UserPools = [] } = await client.send(new ListUserPoolsCommand({ MaxResults: 60 }));
    return UserPools.map((pool) => pool.Name ?? '');
  } finally {
    client.destroy();
  }
}

describe('--target aws', () => {
  it('refuses to start without --allow-aws, saying in one line what it would do', async () => {
    const run = await runCli(['replay', createUserPoolExample, '--target', 'aws', '--region', 'eu-west-1']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/eu-west-1.*docs-harness-<random>-.*deleting them at the end; add --allow-aws/);
  });

  it('needs --region', async () => {
    const run = await runCli(['replay', createUserPoolExample, '--target', 'aws', '--allow-aws']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--target aws needs --region REGION/);
  });

  it('names what it creates with the run prefix and deletes all of it, also after a failed command', async () => {
    const failing = writeExample('list-users.rst', "aws cognito-idp list-users \\\n    --user-pool-id us-west-2_EXAMPLE \\\n    --filter 'not a filter'", '{\n    "Users": []\n}');
    const before = await poolNames();
    const target = (await openReplayTarget({ target: 'aws', region: 'us-east-1' }, { allowRemote: false, allowAws: true, awsEndpointOverride: server.endpoint }))!;
    const prefix = /resources named (docs-harness-[0-9a-f]{8}-)\*/.exec(target.note)?.[1];
    expect(prefix).toBeDefined();
    let created: string[] = [];
    try {
      const result = await runFiles([createUserPoolExample, failing], { rules: [replayMismatch, notReplayed], models: embeddedModels(), extend: target.extend });
      const failure = result.report.files.find((file) => file.path.endsWith('list-users.rst'))!.findings;
      expect(failure.map((finding) => finding.message).join('\n')).toMatch(/ListUsers: the call failed: InvalidParameterException/);
      created = (await poolNames()).filter((name) => !before.includes(name));
      // The run's own pool, the example's pool (renamed from its documented name).
      expect(created.length).toBeGreaterThanOrEqual(2);
      for (const name of created) expect(name.startsWith(prefix!), name).toBe(true);
      expect(target.note).toMatch(/account: \(test endpoint\), region us-east-1/);
    } finally {
      await target.close();
    }
    const after = await poolNames();
    expect(after.filter((name) => created.includes(name))).toEqual([]);
  }, 60_000);
});

describe('scenario files', () => {
  it('a scenario that does not match the schema gives a one-line finding, not a crash', async () => {
    const document = writeExample('get-group.rst', 'aws cognito-idp get-group \\\n    --user-pool-id us-west-2_EXAMPLE \\\n    --group-name MyGroup', '{\n    "Group": {\n        "GroupName": "MyGroup"\n    }\n}');
    writeFileSync(path.join(workDir, 'cognito-idp', 'get-group.scenario.json'), JSON.stringify({ setup: [{ operation: 5 }] }));
    const run = await runCli(['replay', document, '--target', 'endpoint', '--endpoint-url', server.endpoint, '--format', 'json', '--only', 'replay-mismatch']);
    expect(run.code).toBe(1);
    const messages = (JSON.parse(run.stdout) as { files: Array<{ messages: Array<{ message: string }> }> }).files[0]!.messages.map((message) => message.message);
    expect(messages).toEqual(['live replay: GetGroup: scenario get-group.scenario.json does not match schemas/scenario.schema.json: /setup/0/operation must be string']);
  });

  it('a failing setup step and an unknown reference are one-line findings', async () => {
    const document = writeExample('get-group.rst', 'aws cognito-idp get-group \\\n    --user-pool-id us-west-2_EXAMPLE \\\n    --group-name MyGroup', '{\n    "Group": {\n        "GroupName": "MyGroup"\n    }\n}');
    const scenario = path.join(workDir, 'cognito-idp', 'get-group.scenario.json');
    const replay = async () => {
      const run = await runCli(['replay', document, '--target', 'endpoint', '--endpoint-url', server.endpoint, '--format', 'json', '--only', 'replay-mismatch']);
      return (JSON.parse(run.stdout) as { files: Array<{ messages: Array<{ message: string }> }> }).files[0]!.messages.map((message) => message.message);
    };
    writeFileSync(scenario, JSON.stringify({ setup: [{ name: 'missing', operation: 'GetGroup', input: { UserPoolId: '${fixture.UserPoolId}', GroupName: 'NoSuchGroup' } }] }));
    expect(await replay()).toEqual([expect.stringMatching(/^live replay: GetGroup: scenario get-group\.scenario\.json: setup step missing \(GetGroup\) failed: \w+: [^\n]+$/)]);
    writeFileSync(scenario, JSON.stringify({ bindings: { MyGroup: '${nothing.Here}' } }));
    expect(await replay()).toEqual(['live replay: GetGroup: scenario get-group.scenario.json: ${nothing.Here} refers to nothing']);
    rmSync(scenario);
  });
});

describe('scenario steps against a target that is not a throwaway server (#11.4)', () => {
  it('may read, or act on what the run created, and nothing else', async () => {
    const document = writeExample('get-group.rst', 'aws cognito-idp get-group \\\n    --user-pool-id us-west-2_EXAMPLE \\\n    --group-name MyGroup', '{\n    "Group": {\n        "GroupName": "MyGroup"\n    }\n}');
    const scenario = path.join(workDir, 'cognito-idp', 'get-group.scenario.json');
    // Someone else's pool in the same account: a scenario written by a pull request must not touch it.
    const client = new CognitoIdentityProviderClient({ endpoint: server.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'x' } });
    const { UserPool } = await client.send(new CreateUserPoolCommand({ PoolName: 'production-users' }));
    client.destroy();
    const replay = async () => {
      const target = (await openReplayTarget({ target: 'aws', region: 'us-east-1' }, { allowRemote: false, allowAws: true, awsEndpointOverride: server.endpoint }))!;
      try {
        const result = await runFiles([document], { rules: [replayMismatch], models: embeddedModels(), extend: target.extend });
        return result.report.files[0]!.findings.map((finding) => finding.message);
      } finally {
        await target.close();
      }
    };
    try {
      writeFileSync(scenario, JSON.stringify({ setup: [{ operation: 'DeleteUserPool', input: { UserPoolId: UserPool!.Id } }] }));
      expect(await replay()).toEqual([
        expect.stringMatching(/^live replay: GetGroup: scenario get-group\.scenario\.json: setup step 1 refused: DeleteUserPool changes something, and its UserPoolId is not one this run created; /),
      ]);
      writeFileSync(scenario, JSON.stringify({ setup: [{ operation: 'CreateUserPool', input: { PoolName: 'not-prefixed' } }] }));
      expect((await replay())[0]).toMatch(/setup step 1 refused: CreateUserPool changes something, and it names nothing this run created \(names must start with docs-harness-[0-9a-f]{8}-\)/);
      // Reading is allowed; acting on the run's own pool is allowed.
      writeFileSync(
        scenario,
        JSON.stringify({ setup: [{ operation: 'ListUserPools', input: { MaxResults: 10 } }, { operation: 'CreateGroup', input: { UserPoolId: '${fixture.UserPoolId}', GroupName: 'MyGroup' } }], teardown: [{ operation: 'DeleteUserPool', input: { UserPoolId: UserPool!.Id } }] }),
      );
      expect((await replay()).join('\n')).toMatch(/teardown step 1 refused: DeleteUserPool changes something, and its UserPoolId is not one this run created/);
      expect(await poolNames()).toContain('production-users');
    } finally {
      rmSync(scenario, { force: true });
    }
  }, 60_000);
});

/**
 * A loopback proxy in front of cognito-local that keeps every secret crossing it, both ways: values of members
 * named like passwords, tokens, sessions and codes (the SDK's JSON protocol bodies).
 */
async function startSecretRecorder(): Promise<{ endpoint: string; secrets: Set<string>; close(): Promise<void> }> {
  const secrets = new Set<string>();
  const collect = (value: unknown, secretKey: boolean) => {
    if (typeof value === 'string' && secretKey && value.length >= 8) secrets.add(value);
    else if (Array.isArray(value)) for (const item of value) collect(item, secretKey);
    else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) collect(item, secretKey || /password|token|secret|session|code/i.test(key));
  };
  const parse = (body: string) => {
    try {
      collect(JSON.parse(body), false);
    } catch {
      // Not JSON: nothing to collect.
    }
  };
  const proxy = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    parse(body);
    const headers = Object.fromEntries(Object.entries(request.headers).filter(([name]) => !['host', 'content-length', 'connection'].includes(name))) as Record<string, string>;
    const answer = await fetch(`${server.endpoint}${request.url}`, { method: request.method, headers, ...(body ? { body } : {}) });
    const text = await answer.text();
    parse(text);
    response.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' }).end(text);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const { port } = proxy.address() as AddressInfo;
  return { endpoint: `http://127.0.0.1:${port}`, secrets, close: () => new Promise((resolve) => proxy.close(() => resolve())) };
}

describe('masking', () => {
  it('no password, token or secret code appears in any report format', async () => {
    const folder = path.join(workDir, 'masking', 'cognito-idp');
    mkdirSync(folder, { recursive: true });
    // Documented values of another type make the findings quote the live ones.
    writeFileSync(
      path.join(folder, 'initiate-auth.rst'),
      '**To sign in**\n\n::\n\n    aws cognito-idp initiate-auth \\\n        --client-id 1example23456789 \\\n        --auth-flow USER_PASSWORD_AUTH \\\n        --auth-parameters USERNAME=testuser,PASSWORD=[Password]\n\nOutput::\n\n    {\n        "AuthenticationResult": {\n            "AccessToken": 1,\n            "RefreshToken": 2,\n            "IdToken": 3\n        }\n    }\n',
    );
    writeFileSync(
      path.join(folder, 'associate-software-token.rst'),
      '**To associate an authenticator app**\n\n::\n\n    aws cognito-idp associate-software-token \\\n        --access-token eyJra456defEXAMPLE\n\nOutput::\n\n    {\n        "SecretCode": 4\n    }\n',
    );
    const recorder = await startSecretRecorder();
    const outputs: string[] = [];
    for (const format of REPORT_FORMATS) {
      const run = await runCli(['replay', folder, '--target', 'endpoint', '--endpoint-url', recorder.endpoint, '--format', format]);
      expect(run.code, `replay --format ${format}: ${run.stderr}`).toBe(1);
      expect(run.stdout).toMatch(/AccessToken/);
      outputs.push(run.stdout + run.stderr);
    }
    await recorder.close();
    const secrets = [...recorder.secrets];
    expect(secrets.length).toBeGreaterThanOrEqual(REPORT_FORMATS.length * 2);
    for (const [index, output] of outputs.entries()) {
      for (const secret of secrets) expect(output.includes(secret), `${REPORT_FORMATS[index]} shows ${secret.slice(0, 4)}…`).toBe(false);
    }
  }, 60_000);
});
