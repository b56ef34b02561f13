// Secrets never reach reports (#11.2): documented values of members the model marks sensitive or whose names carry
// secrets, and URL passwords, are masked in every report format, message, fingerprint and baseline.
// Run on its own with `npx vitest run test/hostile`.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPORT_FORMATS } from '../../src/reports/index.js';
import { runCli } from '../cli/run-cli.js';
import { scratchFolder } from '../support/scratch.js';

const scratch = scratchFolder('hostile-secrets');
const tree = path.join(scratch, 'docs');

function write(relative: string, content: string): void {
  const file = path.join(tree, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
}

const secrets = ['hunter2secret', '87654321', 'Hunter2!Pass', 'wJalrXUtnFEMI/K7MDENG', 'AYABeEXAMPLESESSIONvalue12345', '123456789012', 'Brand-New1!'];

write(
  'cognito-idp/sign-up.rst',
  `**To sign up a user**

See http://admin:hunter2secret@example.com/docs for the pool.

::

    aws cognito-idp sign-up --cli-input-json '{"ClientId": "1example23456789", "Username": "jane", "Password": 87654321}'

This command produces no output.

**To sign up another user**

::

    aws cognito-idp sign-up --client-id 1example23456789 --username jane --password 'Hunter2!Pass' --secret-hash "wJalrXUtnFEMI/K7MDENG" --user-attributes Name=email,Value=jane@example.com,Passwd=x

This command produces no output.
`,
);
write(
  'cognito-idp/respond-to-auth-challenge.rst',
  `**To respond to a challenge**

::

    aws cognito-idp respond-to-auth-challenge --client-id 1example23456789 --challenge-name NEW_PASSWORD_REQUIRED --challenge-responses USERNAME=jane,NEW_PASSWORD=Brand-New1! --session AYABeEXAMPLESESSIONvalue12345

Output::

    {
        "ChallengeParameters": {},
        "Session": 123456789012,
        "AuthenticationResult": {
            "AccessToken": "eyJra456defEXAMPLEtokenvalue.payload.signature",
            "ExpiresIn": "3600",
            "TokenType": "Bearer"
        }
    }
`,
);
// A finding whose fingerprint quotes its command line (the file name does not match the operation).
write('cognito-idp/set-password.rst', '**To set a password**\n\n::\n\n    aws cognito-idp admin-set-user-password --user-pool-id us-west-2_EXAMPLE --username jane --password Hunter2!Pass --permanent\n\nThis command produces no output.\n');

describe('secrets never reach reports (#11.2)', () => {
  it('are masked in every report format, replay messages and SARIF fingerprints included', async () => {
    for (const format of REPORT_FORMATS) {
      const result = await runCli(['replay', tree, '--target', 'mock', '--format', format]);
      expect(result.stderr, format).not.toMatch(/internal error/);
      for (const secret of secrets) expect(result.stdout, `${format}: ${secret}`).not.toContain(secret);
    }
  });

  it('leaves the findings readable: only the secret is masked', async () => {
    const { stdout } = await runCli(['replay', tree, '--target', 'mock']);
    expect(stdout).toContain('Invalid type for parameter Password, value: ****, type: number, valid types: string.');
    expect(stdout).toContain('the link http://admin:****@example.com/docs uses http: use https://admin:****@example.com/docs');
    expect(stdout).toContain("/Session: 'Session' should be a string, not the number ****");
    expect(stdout).toContain('the client gives back ****, a number, where the model has string');
    // Not secrets: another member's value, a member name, a plain word such as the user name.
    expect(stdout).toContain(`'ExpiresIn' should be an integer, not the string "3600"`);
    expect(stdout).toContain('"Passwd"');
    expect(stdout).toContain("The file documents 'aws cognito-idp set-password' but its commands run 'aws cognito-idp admin-set-user-password'.");
  });

  it('are masked in a baseline, the command line of a fingerprint included', async () => {
    const baseline = path.join(scratch, 'baseline.json');
    await runCli(['check', tree, '--update-baseline', '--baseline', baseline]);
    const text = readFileSync(baseline, 'utf8');
    for (const secret of secrets) expect(text, secret).not.toContain(secret);
    expect(text).toContain('--user-pool-id us-west-2_EXAMPLE --username jane --password **** --permanent');
    // The masked baseline still matches: nothing is new.
    const again = await runCli(['check', tree, '--baseline', baseline]);
    expect(again.code).toBe(0);
  });

  it('--fix keeps the document as written (only reports are masked)', async () => {
    await runCli(['check', tree, '--fix']);
    expect(readFileSync(path.join(tree, 'cognito-idp/sign-up.rst'), 'utf8')).toContain('https://admin:hunter2secret@example.com/docs');
  });
});
