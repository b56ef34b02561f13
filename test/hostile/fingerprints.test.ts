// Fingerprints survive model updates (#11.12): rule, place and the offending value, never the model's list of valid
// values or members, nor a did-you-mean. Run on its own with `npx vitest run test/hostile`.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { embeddedSchemasDir } from '../../src/model/load.js';
import type { ServiceModel } from '../../src/model/types.js';
import { runCli } from '../cli/run-cli.js';
import { scratchFolder } from '../support/scratch.js';

const scratch = scratchFolder('hostile-fingerprints');
const modelFile = path.join(scratch, 'models/cognito-idp/2016-04-18/service-2.json');
const embedded = JSON.parse(readFileSync(path.join(embeddedSchemasDir(), 'cognito-idp.model.json'), 'utf8')) as ServiceModel;

function writeModel(model: ServiceModel): void {
  mkdirSync(path.dirname(modelFile), { recursive: true });
  writeFileSync(modelFile, JSON.stringify(model));
}

const document = path.join(scratch, 'docs/cognito-idp/admin-create-user.rst');
mkdirSync(path.dirname(document), { recursive: true });
// An enum value the model lacks, a member the attribute type lacks, and an option with a did-you-mean.
writeFileSync(
  document,
  '**To create a user**\n\n::\n\n    aws cognito-idp admin-create-user --user-pool-id us-west-2_EXAMPLE --username jane --message-action SEND --user-attributes Name=email,Value=jane@example.com,Colour=red --temporary-pasword Passw0rd!\n\nThis command produces no output.\n',
);
const baseline = path.join(scratch, 'baseline.json');
const check = (...extra: string[]) => runCli(['check', document, '--models', path.join(scratch, 'models'), '--format', 'json', ...extra]);

describe('fingerprints survive model updates (#11.12)', () => {
  it('a model that gains an enum value, a member and a closer name reopens no baselined finding', async () => {
    writeModel(embedded);
    const first = await check();
    await check('--update-baseline', '--baseline', baseline);
    const messages = (JSON.parse(first.stdout) as { files: { messages: { message: string }[] }[] }).files[0]!.messages.map((m) => m.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/'SEND', valid values: RESEND, SUPPRESS\.$/),
        expect.stringMatching(/"Colour", must be one of: Name, Value\.$/),
        expect.stringMatching(/Unknown parameter '--temporary-pasword'.* Did you mean '--temporary-password'\?$/),
      ]),
    );
    expect(readFileSync(baseline, 'utf8')).not.toMatch(/RESEND|must be one of|Did you mean/);
    const sarif = JSON.parse((await check('--format', 'sarif')).stdout) as { runs: { results: { partialFingerprints?: Record<string, string> }[] }[] };
    const partial = sarif.runs[0]!.results.map((result) => Object.values(result.partialFingerprints ?? {}).join());
    expect(partial).toHaveLength(3);
    for (const fingerprint of partial) expect(fingerprint).not.toMatch(/RESEND|must be one of|Did you mean/);

    const updated = structuredClone(embedded);
    updated.shapes.MessageActionType!.enum!.push('SENDALL');
    updated.shapes.AttributeType!.members!.Verified = { shape: 'BooleanType' };
    // A name closer to the misspelt option than the one suggested before (one letter off, and sorted first).
    updated.shapes.AdminCreateUserRequest!.members = { TemporaryPaswerd: { shape: 'PasswordType' }, ...updated.shapes.AdminCreateUserRequest!.members };
    writeModel(updated);
    const later = await check('--baseline', baseline);
    const report = JSON.parse(later.stdout) as { files: { messages: { message: string }[] }[] };
    // The findings stay known; without the baseline, their messages show the new model's lists.
    expect(report.files.flatMap((file) => file.messages)).toEqual([]);
    expect(later.code).toBe(0);
    const now = (JSON.parse((await check()).stdout) as { files: { messages: { message: string }[] }[] }).files[0]!.messages.map((m) => m.message);
    expect(now).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/'SEND', valid values: RESEND, SUPPRESS, SENDALL\.$/),
        expect.stringMatching(/"Colour", must be one of: Name, Value, Verified\.$/),
        expect.stringMatching(/Did you mean '--temporary-paswerd'\?$/),
      ]),
    );
  });

  it('a different offending value is a new finding', async () => {
    writeModel(embedded);
    await check('--update-baseline', '--baseline', baseline);
    writeFileSync(document, readFileSync(document, 'utf8').replace('--message-action SEND', '--message-action SENT'));
    const later = await check('--baseline', baseline);
    const report = JSON.parse(later.stdout) as { files: { messages: { message: string }[] }[] };
    expect(report.files.flatMap((file) => file.messages).map((m) => m.message)).toEqual([expect.stringMatching(/'SENT', valid values: RESEND, SUPPRESS\.$/)]);
  });
});
