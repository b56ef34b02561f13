// `replay --target local`: real dynalite, s3rver and kinesalite processes on 127.0.0.1, started for the run and
// gone after it; our own examples pass against them; a server that does not start or dies is one finding.
import { readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../src/document/read.js';
import { loadModels } from '../../src/model/load.js';
import { parseExamples } from '../../src/pipeline.js';
import { runRules } from '../../src/rules/engine.js';
import notReplayed from '../../src/rules/not-replayed.js';
import replayMismatch from '../../src/rules/replay-mismatch.js';
import { formatFinding, type Finding } from '../../src/rules/types.js';
import { extendWithLiveReplay, openLiveSession, type LiveSession } from '../../src/replay/live/index.js';
import { runCli } from '../cli/run-cli.js';
import { processesUsing, serverLeftovers } from '../support/processes.js';
import { scratchFolder, writeUnder } from '../support/scratch.js';
import { describeWithCorpus, hasCorpus, modelsDir } from '../support/shared.js';

const examplesDir = fileURLToPath(new URL('../../examples', import.meta.url));
const services = ['dynamodb', 's3api', 'kinesis'];
// Only cognito-idp's model is embedded: the botocore models of ../shared serve dynamodb, s3api and kinesis.
const models = hasCorpus ? loadModels(modelsDir) : undefined!;

interface JsonReport {
  notes: string[];
  files: Array<{ path: string; messages: Array<{ ruleId: string; severity: string; message: string }> }>;
}

async function check(session: LiveSession, filePath: string): Promise<Finding[]> {
  const { file } = await readDocument(filePath);
  const document = parseExamples(filePath, file);
  return runRules(document, { rules: [replayMismatch, notReplayed], models, treeRoot: path.dirname(filePath), extend: extendWithLiveReplay(session) });
}

describe('our own examples', () => {
  it.each(services)('examples/%s has at least 6 files', (service) => {
    expect(readdirSync(path.join(examplesDir, service)).filter((name) => name.endsWith('.rst')).length).toBeGreaterThanOrEqual(6);
  });
});

describeWithCorpus('our dynamodb, s3api and kinesis examples against local servers', () => {
  it('all pass end to end (known deviations only, as info), and no server process or data folder outlives the run', async () => {
    const run = await runCli(['replay', ...services.map((service) => path.join(examplesDir, service)), '--target', 'local', '--models', modelsDir, '--only', 'replay-mismatch', '--only', 'not-replayed', '--format', 'json']);
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout) as JsonReport;
    const problems = report.files.flatMap((file) => file.messages.filter((message) => message.severity !== 'info' || message.message.startsWith('not replayed')).map((message) => `${path.basename(file.path)}: ${message.message}`));
    expect(problems).toEqual([]);
    expect(run.code).toBe(0);
    // Every command was sent: the note counts them (28 files, one command each but update-item's two).
    expect(report.notes[0]).toMatch(/^replay: local servers started for this run on 127\.0\.0\.1 .*live replay: 29 command\(s\)/);
    // Known deviations are said, never hidden.
    expect(report.files.flatMap((file) => file.messages).some((message) => /known s3rver deviation/.test(message.message))).toBe(true);
    expect(serverLeftovers(os.tmpdir())).toEqual({ folders: [], processes: [] });
  }, 60_000);
});

describeWithCorpus('a local server that does not start or dies during the run', () => {
  const document = (key: string) =>
    `**To read an item**\n\nThe following example reads an item. ::\n\n    aws dynamodb get-item --table-name Music --key '{"Artist": {"S": "${key}"}}'\n\nOutput::\n\n    {\n        "Item": {\n            "Artist": {\n                "S": "${key}"\n            }\n        }\n    }\n`;

  it('dies: one error at the next command, the other commands say why they were not replayed, the run goes on', async () => {
    const folder = scratchFolder('local-dies');
    const files = ['a', 'b', 'c'].map((name) => writeUnder(folder, `dynamodb/${name}.rst`, document(`Artist ${name}`)));
    const session = await openLiveSession('local');
    try {
      expect((await check(session, files[0]!)).map(formatFinding)).toEqual([]);
      const guards = processesUsing(`${os.tmpdir()}/docs-harness-dynalite-${process.pid}-`);
      expect(guards).toHaveLength(1);
      process.kill(guards[0]!, 'SIGKILL');
      const second = await check(session, files[1]!);
      const third = await check(session, files[2]!);
      expect(second.map((finding) => `${finding.severity}: ${finding.message}`)).toEqual(['error: live replay: GetItem: dynalite ended during the run']);
      expect(third.map((finding) => `${finding.severity}: ${finding.message}`)).toEqual(['info: not replayed live: dynalite ended during the run (said at its first command)']);
    } finally {
      await session.close();
    }
    expect(serverLeftovers(os.tmpdir())).toEqual({ folders: [], processes: [] });
  }, 30_000);

  it('never starts: one error with its reason, and commands of other services still run', async () => {
    const folder = scratchFolder('local-never');
    const dynamo = writeUnder(folder, 'dynamodb/get-item.rst', document('x'));
    const kinesis = path.join(examplesDir, 'kinesis', 'create-stream.rst');
    const second = writeUnder(folder, 'dynamodb/again.rst', document('y'));
    const session = await openLiveSession('local');
    const tmpdir = process.env.TMPDIR;
    try {
      // No temp folder to make a data folder in: dynalite cannot start.
      process.env.TMPDIR = path.join(folder, 'missing');
      const first = await check(session, dynamo);
      process.env.TMPDIR = tmpdir;
      expect(first.map((finding) => finding.severity)).toEqual(['error']);
      expect(first[0]!.message).toMatch(/^live replay: GetItem: dynalite did not start: ENOENT/);
      expect((await check(session, kinesis)).map(formatFinding)).toEqual([]);
      expect((await check(session, second)).map((finding) => finding.severity)).toEqual(['info']);
    } finally {
      process.env.TMPDIR = tmpdir;
      await session.close();
    }
    expect(serverLeftovers(os.tmpdir())).toEqual({ folders: [], processes: [] });
  }, 30_000);
});

describeWithCorpus('an operation that streams events, against the local servers', () => {
  it('is one not-replayed note, and the command after it is replayed', async () => {
    const folder = scratchFolder('local-event-stream');
    const file = writeUnder(
      folder,
      's3api/select-object-content.rst',
      `**To query an object**\n\nThe following example selects from an object. ::\n\n    aws s3api select-object-content --bucket b --key k.csv --expression "SELECT * FROM S3Object" --expression-type SQL --input-serialization '{"CSV": {}}' --output-serialization '{"CSV": {}}' out.csv\n\n**To list streams**\n\nThe following example lists the streams. ::\n\n    aws kinesis list-streams\n\nOutput::\n\n    {\n        "StreamNames": []\n    }\n`,
    );
    const session = await openLiveSession('local');
    try {
      expect((await check(session, file)).map(formatFinding)).toEqual(['5:5-5:200: info: not replayed live: SelectObjectContent streams events (Payload): event streams are not replayed']);
      expect(session.stats().commands).toBe(1);
    } finally {
      await session.close();
    }
    expect(serverLeftovers(os.tmpdir())).toEqual({ folders: [], processes: [] });
  }, 30_000);
});

describeWithCorpus('fixtures seed what a document shows', () => {
  it('a query whose output shows items gets a table keyed as the items share a partition, and the items; all removed after', async () => {
    const folder = scratchFolder('local-fixture');
    const file = writeUnder(
      folder,
      'dynamodb/query.rst',
      `**To query**\n\nThe following example queries. ::\n\n    aws dynamodb query --table-name Books --key-condition-expression "Author = :a" --expression-attribute-values '{":a": {"S": "Ann"}}'\n\nOutput::\n\n    {\n        "Items": [\n            {"Author": {"S": "Ann"}, "Title": {"S": "One"}},\n            {"Author": {"S": "Ann"}, "Title": {"S": "Two"}}\n        ],\n        "Count": 2,\n        "ScannedCount": 2\n    }\n\n**To list tables**\n\nThe following example lists tables. ::\n\n    aws dynamodb list-tables\n\nOutput::\n\n    {\n        "TableNames": []\n    }\n`,
    );
    const session = await openLiveSession('local');
    try {
      // The second example sees no table: the first example's fixture was removed after it.
      expect((await check(session, file)).map(formatFinding)).toEqual([]);
    } finally {
      await session.close();
    }
  }, 30_000);

  it("a bucket's CORS rules the output shows are put first; a command lacking a required member (in a file not shown) is not sent", async () => {
    const folder = scratchFolder('local-s3-fixture');
    const file = writeUnder(
      folder,
      's3api/get-bucket-cors.rst',
      `**To read CORS rules**\n\nThe following example reads them. ::\n\n    aws s3api get-bucket-cors --bucket amzn-s3-demo-bucket\n\nOutput::\n\n    {\n        "CORSRules": [\n            {\n                "AllowedMethods": ["GET"],\n                "AllowedOrigins": ["*"]\n            }\n        ]\n    }\n\n**To delete objects**\n\nThe following example deletes objects listed in a file. ::\n\n    aws s3api delete-objects --bucket amzn-s3-demo-bucket --delete file://delete.json\n\nThis command produces no output.\n`,
    );
    const session = await openLiveSession('local');
    try {
      expect((await check(session, file)).map(formatFinding)).toEqual([
        '22:5-22:86: info: not replayed live: the input lacks the required Delete, so the CLI would not send it',
      ]);
    } finally {
      await session.close();
    }
  }, 30_000);
});
