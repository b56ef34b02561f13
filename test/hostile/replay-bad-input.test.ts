// Bad input for replay (#13): a model with recursive shapes, an operation that streams events, a documented output
// the protocol's wire form cannot carry — one finding each, at its place, and the commands after it still replayed.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';
import { scratchFolder, writeUnder } from '../support/scratch.js';

/** A query-protocol service in botocore's form, written for this test: folders hold folders, and a watch streams events. */
const widgetsModel = {
  version: '2.0',
  metadata: {
    apiVersion: '2024-01-01',
    endpointPrefix: 'widgets',
    protocol: 'query',
    protocols: ['query'],
    serviceId: 'Widgets',
    signatureVersion: 'v4',
    xmlNamespace: 'https://widgets.example.com/doc/2024-01-01/',
    uid: 'widgets-2024-01-01',
  },
  operations: {
    DescribeFolder: { name: 'DescribeFolder', http: { method: 'POST', requestUri: '/' }, input: { shape: 'FolderRequest' }, output: { shape: 'DescribeFolderResult', resultWrapper: 'DescribeFolderResult' } },
    WatchFolder: { name: 'WatchFolder', http: { method: 'POST', requestUri: '/' }, input: { shape: 'FolderRequest' }, output: { shape: 'WatchFolderResult' } },
  },
  shapes: {
    String: { type: 'string' },
    FolderRequest: { type: 'structure', required: ['FolderId'], members: { FolderId: { shape: 'String' } } },
    Folder: { type: 'structure', members: { Name: { shape: 'String' }, Children: { shape: 'Folders' } } },
    Folders: { type: 'list', member: { shape: 'Folder' } },
    DescribeFolderResult: { type: 'structure', members: { Folder: { shape: 'Folder' } } },
    FolderEvents: { type: 'structure', eventstream: true, members: { Changed: { shape: 'ChangedEvent' } } },
    ChangedEvent: { type: 'structure', event: true, members: { Name: { shape: 'String' } } },
    WatchFolderResult: { type: 'structure', members: { Events: { shape: 'FolderEvents' } } },
  },
};

const example = (title: string, command: string, output: string) => `**${title}**\n\nThe following example ${title.toLowerCase()}. ::\n\n    ${command}\n\nOutput::\n\n${output.replace(/^/gm, '    ')}\n\n`;

describe('replay of bad input goes on past each problem', () => {
  it('a recursive tree replays whole; an event stream and an output XML cannot carry are one finding each; the command after them is replayed', async () => {
    const folder = scratchFolder('replay-bad-input');
    const models = path.join(folder, 'models');
    writeUnder(models, 'widgets/2024-01-01/service-2.json', JSON.stringify(widgetsModel));
    const tree = { Folder: { Name: 'root', Children: [{ Name: 'a', Children: [{ Name: 'a1', Children: [{ Name: 'a1x' }] }] }, { Name: 'b' }] } };
    writeUnder(
      folder,
      'docs/widgets.rst',
      example('To describe a tree', 'aws widgets describe-folder --folder-id root', JSON.stringify(tree, null, 4)) +
        example('To watch a folder', 'aws widgets watch-folder --folder-id root', '{\n    "Events": {}\n}') +
        example('To describe a folder as a name', 'aws widgets describe-folder --folder-id flat', '{\n    "Folder": "root"\n}') +
        example('To describe a leaf', 'aws widgets describe-folder --folder-id leaf', '{\n    "Folder": {\n        "Name": "leaf"\n    }\n}'),
    );
    const run = await runCli(['replay', path.join(folder, 'docs'), '--target', 'mock', '--models', models, '--format', 'json'], folder);
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout) as { files: Array<{ messages: Array<{ ruleId: string; severity: string; line: number; message: string }> }> };
    const findings = report.files.flatMap((file) => file.messages.map((message) => `${message.line} ${message.severity} ${message.ruleId}: ${message.message}`));
    // The shape check says what is wrong with the document; replay says what the wire cannot carry, at the same place.
    expect(findings).toEqual([
      '37 info not-replayed: not replayed: WatchFolder streams events (Events): event streams are not replayed',
      "54 error output-schema: /Folder: 'Folder' should be an object, not the string \"root\"",
      '54 error replay-response: /Folder: the documented output cannot be sent in the awsQuery wire form: a string where the model has the structure Folder',
    ]);
    expect(run.code).toBe(1);
  });
});
