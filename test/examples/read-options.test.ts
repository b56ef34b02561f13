import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { BlockReadOptions } from '../../src/commands/index.js';

// The commands stage reads each block; this stage decides how: the shell, transcript or not, and the document's variables.
const calls: { first: string; options: BlockReadOptions }[] = [];
vi.mock('../../src/commands/index.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/commands/index.js')>();
  return {
    ...actual,
    readCommandsInBlock: (lines: Parameters<typeof actual.readCommandsInBlock>[0], options: BlockReadOptions = {}) => {
      calls.push({ first: lines[0]?.text ?? '', options });
      return actual.readCommandsInBlock(lines, options);
    },
  };
});

const { documentFromText } = await import('../../src/document/read.js');
const { parseExamples } = await import('../../src/pipeline.js');

function read(name: string, text: string) {
  parseExamples(name, documentFromText(name, text).file);
  return calls.map(({ first, options }) => ({ first, dialect: options.dialect, transcript: options.transcript ?? false }));
}

beforeEach(() => {
  calls.length = 0;
});

describe('how blocks are read', () => {
  it('takes the shell from the fence language and marks console transcripts', () => {
    const blocks = ['powershell', 'pwsh', 'ps1', 'cmd', 'bat', 'bash', 'console', 'shell-session', '']
      .map((language) => `\`\`\`${language}\naws s3 ls --recursive\n\`\`\`\n`)
      .join('\n');
    expect(read('docs/guide.md', `# Run\n\n${blocks}`).map(({ dialect, transcript }) => [dialect, transcript])).toEqual([
      ['powershell', false],
      ['powershell', false],
      ['powershell', false],
      ['cmd', false],
      ['cmd', false],
      ['bash', false],
      ['bash', true],
      ['bash', true],
      [undefined, false],
    ]);
  });

  it('reads an RST example that its title or introducer presents as Windows with that shell, not one shared with Linux', () => {
    const text =
      '**Example 1: To decrypt (Windows command prompt)**\n\n::\n\n    aws kms decrypt ^\n        --key-id 1\n\n' +
      '**Example 2: To get a recipe (Windows PowerShell)**\n\n::\n\n    aws greengrassv2 get-component --arn a\n\n' +
      '**Example 3: To modify**\n\nModify the placement (Windows PowerShell, Linux, and macOS)::\n\n    aws ec2 modify-instance-placement --instance-id i-1\n\n' +
      'Command (Windows)::\n\n    aws ec2 modify-instance-placement --instance-id i-2\n';
    expect(read('kms/decrypt.rst', text).map(({ dialect }) => dialect)).toEqual(['cmd', 'powershell', undefined, 'cmd']);
  });

  it('gives every block of a document the same variables, in document order', () => {
    parseExamples('docs/guide.md', documentFromText('docs/guide.md', '```sh\nexport POOL=us-west-2_EXAMPLE\n```\n\n```sh\naws cognito-idp list-groups --user-pool-id $POOL\n```\n').file);
    const maps = calls.map(({ options }) => options.variables);
    expect(maps.length).toBeGreaterThan(0);
    expect(maps.every((map) => map instanceof Map && map === maps[0])).toBe(true);
    parseExamples('docs/other.md', documentFromText('docs/other.md', '```sh\naws s3 ls --recursive\n```\n').file);
    expect(calls.at(-1)!.options.variables).not.toBe(maps[0]);
  });
});
