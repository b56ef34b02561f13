import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { corpusDir, describeWithCorpus, seedsDir } from '../support/shared.js';
import { runCli } from './run-cli.js';

const schemasDir = path.resolve(import.meta.dirname, '../../schemas');
const ajv = new Ajv2020({ allErrors: true, strict: true });
ajv.addSchema(JSON.parse(readFileSync(path.join(schemasDir, 'report.schema.json'), 'utf8')), 'report.schema.json');
const validateExtract = ajv.compile(JSON.parse(readFileSync(path.join(schemasDir, 'extract.schema.json'), 'utf8')));
const validateReport = ajv.getSchema('report.schema.json')!;

interface ExtractedCommand {
  line: number;
  argv: string[];
  intendedArgv?: string[];
  service: string | null;
  operation: string | null;
}
interface ExtractedFile {
  path: string;
  format: string;
  examples: { title: string | null; line: number; commands: ExtractedCommand[]; outputs: { kind: string; value?: unknown; line: number }[] }[];
  messages: { ruleId: string; severity: string; line: number }[];
}

async function extract(...args: string[]): Promise<{ code: number; files: ExtractedFile[]; models?: unknown }> {
  const result = await runCli(['extract', ...args, '--format', 'json']);
  const parsed = JSON.parse(result.stdout) as { files: ExtractedFile[]; models?: unknown };
  expect(validateExtract(parsed), JSON.stringify(validateExtract.errors)).toBe(true);
  return { code: result.code, files: parsed.files, models: parsed.models };
}

const intended = (command: ExtractedCommand) => command.intendedArgv ?? command.argv;

describe('extract on our own examples', () => {
  it('prints JSON that satisfies schemas/extract.schema.json', async () => {
    const { code, files, models } = await extract(path.resolve(import.meta.dirname, '../../examples'));
    expect(code).toBe(0);
    // The suite turns discovery off: the embedded model, named as every report names it.
    expect(models).toMatchObject({ source: 'embedded', summary: expect.stringMatching(/^models: /) });
    expect(files.length).toBeGreaterThan(10);
    // Each folder holds the examples of the service it is named after.
    for (const file of files) for (const example of file.examples) for (const command of example.commands) expect(command.service).toBe(path.basename(path.dirname(file.path)));
  });

  it('gives each command its API operation and input (embedded cognito-idp model)', async () => {
    const { files } = await extract(path.resolve(import.meta.dirname, '../../examples/cognito-idp/initiate-auth.rst'));
    const [command] = files[0]!.examples[0]!.commands as (ExtractedCommand & { apiOperation?: string; input?: Record<string, unknown> })[];
    expect(command!.apiOperation).toBe('InitiateAuth');
    expect(command!.input).toMatchObject({ AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: expect.any(String) } });
  });
});

describe('check --format json', () => {
  it('prints a report that satisfies schemas/report.schema.json', async () => {
    const result = await runCli(['check', path.resolve(import.meta.dirname, '../../examples'), '--format', 'json']);
    const report = JSON.parse(result.stdout);
    expect(validateReport(report), JSON.stringify(validateReport.errors)).toBe(true);
  });
});

describeWithCorpus('extract acceptance on the upstream corpus', () => {
  const upstream = path.join(corpusDir, 'cognito-idp/respond-to-auth-challenge.rst');

  it('reads respond-to-auth-challenge.rst: 3 examples, 3 commands, 3 JSON outputs, a continuation error in example 2', async () => {
    const { code, files } = await extract(upstream);
    expect(code).toBe(1);
    const [file] = files;
    expect(file!.format).toBe('rst');
    expect(file!.examples.map((example) => [example.commands.length, example.outputs.map((output) => output.kind)])).toEqual([
      [1, ['json']],
      [1, ['json']],
      [1, ['json']],
    ]);
    for (const example of file!.examples) expect(example.outputs[0]!.value).toBeTypeOf('object');
    const second = file!.examples[1]!;
    const third = file!.examples[2]!;
    const errors = file!.messages.filter((message) => message.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors) {
      expect(error.ruleId).toBe('shell-continuation');
      expect(error.line).toBeGreaterThanOrEqual(second.line);
      expect(error.line).toBeLessThan(third.line);
    }
    expect(second.commands[0]!.argv).toEqual(['aws', 'cognito-idp', 'respond-to-auth-challenge', '--client-id', '1example23456789']);
    expect(intended(second.commands[0]!)).toContain('--challenge-responses');
  });

  it('recovers the flattened seed: the same three examples, each command with the upstream words, and says so', async () => {
    const [{ files: seedFiles }, { files: upstreamFiles }] = [await extract(path.join(seedsDir, 'respond-to-auth-challenge.flattened.txt')), await extract(upstream)];
    const seed = seedFiles[0]!;
    const original = upstreamFiles[0]!;
    expect(seed.format).toBe('flattened');
    expect(seed.examples.map((example) => example.title)).toEqual(original.examples.map((example) => example.title));
    seed.examples.forEach((example, index) => {
      const expected = original.examples[index]!;
      expect(example.commands.map(intended)).toEqual(expected.commands.map(intended));
      expect(example.outputs.map((output) => output.value)).toEqual(expected.outputs.map((output) => output.value));
    });
    const recovered = seed.messages.filter((message) => message.ruleId === 'document-recovered');
    expect(recovered).toHaveLength(1);
    expect(recovered[0]!.severity).toBe('error');
  });
});
