import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { parseExamples } from '../../src/pipeline.js';
import { documentFromText } from '../../src/document/read.js';
import { runCli } from '../cli/run-cli.js';
import { scratchFolder } from '../support/scratch.js';

const examplesDir = fileURLToPath(new URL('../../examples', import.meta.url));
const adminGetUser = readFileSync(path.join(examplesDir, 'cognito-idp/admin-get-user.rst'), 'utf8');

/** A temp folder holding `cognito-idp/<name>` with `text`; returns the folder and the file. */
function tempDocument(name: string, text: string): { dir: string; file: string } {
  const dir = scratchFolder('update');
  mkdirSync(path.join(dir, 'cognito-idp'));
  const file = path.join(dir, 'cognito-idp', name);
  writeFileSync(file, text);
  return { dir, file };
}

function replaceOnce(text: string, from: string, to: string): string {
  expect(text.split(from)).toHaveLength(2);
  return text.replace(from, to);
}

/** admin-get-user's output with a wrong type (`"true"` for a boolean) and a key the client does not know. */
function brokenAdminGetUser(text = adminGetUser): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const wrongType = replaceOnce(text, '"Enabled": true,', '"Enabled": "true",');
  return replaceOnce(wrongType, `"Username": "testuser",${eol}`, `"Username": "testuser",${eol}        "Bogus": 1,${eol}`);
}

describe('update --target mock', () => {
  test('restores a wrong type and drops a key the client does not know; a second run changes nothing', async () => {
    const { dir, file } = tempDocument('admin-get-user.rst', brokenAdminGetUser());
    const first = await runCli(['update', '--target', 'mock', 'cognito-idp'], dir);
    expect(first.code).toBe(1);
    expect(first.stdout).toBe('');
    expect(first.stderr).toContain('cognito-idp/admin-get-user.rst:11: updated');
    expect(readFileSync(file, 'utf8')).toBe(adminGetUser);
    const second = await runCli(['update', '--target', 'mock', 'cognito-idp'], dir);
    expect(second.code).toBe(0);
    expect(second.stderr).toContain('0 of 1 output(s) updated in 0 of 1 file(s)');
    expect(readFileSync(file, 'utf8')).toBe(adminGetUser);
  });

  test("an output none of whose members the operation returns is left for a person, not emptied", async () => {
    const text = '**To get a user**\n\n::\n\n    aws cognito-idp admin-get-user --user-pool-id us-west-2_EXAMPLE --username testuser\n\nOutput::\n\n    {\n        "Group": {\n            "GroupName": "admins"\n        }\n    }\n';
    const { dir, file } = tempDocument('admin-get-user.rst', text);
    const result = await runCli(['update', '--target', 'mock', 'cognito-idp'], dir);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('cognito-idp/admin-get-user.rst:9: left untouched: the operation returns none of the documented members');
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  test('--dry-run prints the unified diff and writes nothing', async () => {
    const broken = brokenAdminGetUser();
    const { dir, file } = tempDocument('admin-get-user.rst', broken);
    const result = await runCli(['update', '--dry-run', 'cognito-idp'], dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      [
        '--- a/cognito-idp/admin-get-user.rst',
        '+++ b/cognito-idp/admin-get-user.rst',
        '@@ -10,7 +10,6 @@',
        ' ',
        '     {',
        '         "Username": "testuser",',
        '-        "Bogus": 1,',
        '         "UserAttributes": [',
        '             {',
        '                 "Name": "email",',
        '@@ -27,7 +26,7 @@',
        '         ],',
        '         "UserCreateDate": "2025-03-14T09:40:18.733000+00:00",',
        '         "UserLastModifiedDate": "2025-03-14T09:44:02.561000+00:00",',
        '-        "Enabled": "true",',
        '+        "Enabled": true,',
        '         "UserStatus": "CONFIRMED"',
        '     }',
        ' ',
        '',
      ].join('\n'),
    );
    expect(readFileSync(file, 'utf8')).toBe(broken);
  });

  test('a CRLF file without a final newline stays CRLF without one', async () => {
    const original = adminGetUser.replace(/\n/g, '\r\n').replace(/\r\n$/, '');
    const { dir, file } = tempDocument('admin-get-user.rst', brokenAdminGetUser(original));
    expect((await runCli(['update', 'cognito-idp'], dir)).code).toBe(1);
    expect(readFileSync(file, 'utf8')).toBe(original);
  });

  test('a block with its own indentation and indent step keeps both', async () => {
    const twoSpaces = adminGetUser.replace(/^ {4}((?: {4})*)(?=\S)/gm, (_match, nested: string) => '  '.repeat(1 + nested.length / 4));
    expect(twoSpaces).toContain('\n  {\n    "Username"');
    const { dir, file } = tempDocument('admin-get-user.rst', twoSpaces.replace('"Enabled": true,', '"Enabled": "true",'));
    expect((await runCli(['update', 'cognito-idp'], dir)).code).toBe(1);
    expect(readFileSync(file, 'utf8')).toBe(twoSpaces);
  });

  test('elisions stay where they were; --query and text outputs are left untouched and said so', async () => {
    const document = (enabled: string, count: string) =>
      [
        '**Example 1: To list users**',
        '',
        'The following ``list-users`` example lists users. ::',
        '',
        '    aws cognito-idp list-users --user-pool-id us-west-2_EXAMPLE',
        '',
        'Output::',
        '',
        '    {',
        '        "Users": [',
        '            {',
        '                "Username": "testuser",',
        '                ...,',
        `                "Enabled": ${enabled}`,
        '            },',
        '            ...',
        '        ]',
        '    }',
        '',
        '**Example 2: To count users**',
        '',
        'The following ``list-users`` example counts users. ::',
        '',
        '    aws cognito-idp list-users --user-pool-id us-west-2_EXAMPLE --query "length(Users)"',
        '',
        'Output::',
        '',
        `    ${count}`,
        '',
      ].join('\n');
    const { dir, file } = tempDocument('list-users.rst', document('"false"', '"two"'));
    const result = await runCli(['update', 'cognito-idp'], dir);
    expect(result.code).toBe(1);
    expect(readFileSync(file, 'utf8')).toBe(document('false', '"two"'));
    expect(result.stderr).toContain('cognito-idp/list-users.rst:28: left untouched: the output is projected by --query');
    // The rewritten block still parses, with its elisions.
    const reread = parseExamples(file, documentFromText(file, readFileSync(file, 'utf8')).file);
    expect(reread.examples[0]!.outputs[0]!.json?.elisions).toHaveLength(2);
  });

  test('a clean copy of our examples needs no change', async () => {
    const dir = scratchFolder('update');
    cpSync(examplesDir, path.join(dir, 'examples'), { recursive: true });
    const result = await runCli(['update', '--dry-run', 'examples'], dir);
    expect(result.stdout).toBe('');
    expect(result.code).toBe(0);
  });

  test('usage errors exit 2', async () => {
    expect((await runCli(['update'])).code).toBe(2);
    expect((await runCli(['update', 'examples', '--target', 'nowhere'])).code).toBe(2);
  });
});

describe('update --target cognito-local (a server started for the run)', () => {
  test('restores a broken output of our examples; a clean run changes nothing', async () => {
    const dir = scratchFolder('update');
    // The cognito-idp ones: the only service this target answers.
    cpSync(path.join(examplesDir, 'cognito-idp'), path.join(dir, 'examples', 'cognito-idp'), { recursive: true });
    const clean = await runCli(['update', '--dry-run', '--target', 'cognito-local', 'examples'], dir);
    expect(clean.stdout).toBe('');
    expect(clean.code).toBe(0);

    const file = path.join(dir, 'examples/cognito-idp/admin-get-user.rst');
    // Wrong type, extra key, missing key: the live answer restores all three.
    const missingKey = replaceOnce(brokenAdminGetUser(), '"Enabled": "true",\n        "UserStatus": "CONFIRMED"', '"Enabled": "true"');
    writeFileSync(file, missingKey);
    // A key the document lacks comes back after the documented ones, its bound live value as the placeholder.
    const clientFile = path.join(dir, 'examples/cognito-idp/create-user-pool-client.rst');
    const client = readFileSync(clientFile, 'utf8');
    const withoutPoolId = replaceOnce(client, '            "UserPoolId": "us-west-2_EXAMPLE",\n', '');
    writeFileSync(clientFile, withoutPoolId);
    const update = await runCli(['update', '--target', 'cognito-local', 'examples'], dir);
    expect(update.stderr).toContain('2 of 13 output(s) updated in 2 of 14 file(s)');
    expect(update.code).toBe(1);
    expect(readFileSync(file, 'utf8')).toBe(adminGetUser);
    expect(readFileSync(clientFile, 'utf8')).toBe(
      replaceOnce(withoutPoolId, '"AuthSessionValidity": 3\n', '"AuthSessionValidity": 3,\n            "UserPoolId": "us-west-2_EXAMPLE"\n'),
    );
    const again = await runCli(['update', '--dry-run', '--target', 'cognito-local', 'examples'], dir);
    expect(again.stdout).toBe('');
    expect(again.code).toBe(0);
  });
});
