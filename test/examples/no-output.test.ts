import { describe, expect, it } from 'vitest';
import { isNoOutputSentence } from '../../src/examples/no-output.js';
import { classifyOutput } from '../../src/examples/output-kind.js';

describe('isNoOutputSentence', () => {
  it.each([
    'This command produces no output.',
    'This command produces no output',
    'this command   produces no\noutput.',
    'The command returns no output.',
    'It produces no output.',
    'No output.',
    'There is no output.',
    'There is no output if the command succeeds.',
    'If the command succeeds, no output is returned.',
    'When successful, this command has no output.',
    'If successful, the operation produces no output.',
    'This command produces no output when it succeeds.',
    'This command does not produce any output.',
    "This command doesn't return any output.",
    'If the command succeeds, AWS Config returns no output.',
    'The following ``wait`` command produces no output, but waits until the table exists.',
    'This command produces no output in the terminal.',
    'Because the result is written to a file, this example produces no output.',
    'This command produceds no output.',
    'Output:: This command produces no output.',
  ])('matches %j', (sentence) => {
    expect(isNoOutputSentence(sentence)).toBe(true);
  });

  it.each([
    'If the command succeeds, it produces no output other than the exit status.',
    'This command produces no output except a confirmation line.',
    'The command produces no output unless you add --debug.',
    'This command produces output.',
    'This command produces the following output.',
    'There is no output file.',
    'No output file is written by this example.',
    'The output shows no errors.',
    'This example creates a user pool named MyPool and produces no output.',
    // What an empty answer would tell, not a claim that the command prints nothing.
    'No output at all → the subnet has no explicit association.',
    'No output means the bucket has no policy.',
    '',
  ])('does not match %j', (sentence) => {
    expect(isNoOutputSentence(sentence)).toBe(false);
  });
});

describe('classifyOutput', () => {
  it('reads JSON from its first bracket', () => {
    expect(classifyOutput('{\n    "A": 1\n}')).toBe('json');
    expect(classifyOutput('\n  [1, 2]')).toBe('json');
    expect(classifyOutput('{ broken')).toBe('json');
  });

  it('reads aws-cli tables from their rule and framed title', () => {
    const table = ['-------------------', '|  DescribeThings |', '+------+----------+', '|  A   |  B       |', '+------+----------+'].join('\n');
    expect(classifyOutput(table)).toBe('table');
    expect(classifyOutput(`\r\n${table.replace(/\n/g, '\r\n')}`)).toBe('table');
  });

  it('reads words in braces as a description of the output, not JSON; JSON literals stay JSON', () => {
    expect(classifyOutput('{ JSON OUTPUT WITH INSTANCE DETAILS }')).toBe('text');
    expect(classifyOutput('[ ...list of users... ]')).toBe('text');
    expect(classifyOutput('[true, null]')).toBe('json');
    expect(classifyOutput('{ "Users": [] }')).toBe('json');
  });

  it('reads log lines, which open with a tag in brackets, as text; arrays that hold one word stay JSON', () => {
    expect(classifyOutput('[Nest] 1234  - LOG [CacheService] Cache miss for key: user:42\n[Nest] 1234  - LOG Cache set')).toBe('text');
    expect(classifyOutput('[2024-05-01 12:00:00,123] INFO started')).toBe('text');
    expect(classifyOutput('[CLOUD] PHASE 1: provisioning')).toBe('text');
    expect(classifyOutput('[UserPool1, UserPool2]')).toBe('json');
    expect(classifyOutput('["a"] trailing')).toBe('json');
    expect(classifyOutput('[\n  "a"\n]')).toBe('json');
    expect(classifyOutput('[[1]] x')).toBe('json');
  });

  it('reads everything else as text', () => {
    expect(classifyOutput('upload: ./file.txt to s3://bucket/file.txt')).toBe('text');
    expect(classifyOutput('None')).toBe('text');
    expect(classifyOutput('-----\nnot a table')).toBe('text');
    expect(classifyOutput('| a | b |')).toBe('text');
    expect(classifyOutput('')).toBe('text');
  });
});
