import { describe, expect, test } from 'vitest';
import { GLOBAL_OPTIONS, parseAwsCommand } from '../../src/commands/aws.js';
import { readShellCommand } from '../../src/commands/shell.js';
import { indentedBlock } from './support.js';

function parse(text: string) {
  const command = parseAwsCommand(readShellCommand(indentedBlock(text).lines));
  const values = (words: { value: string }[]) => words.map((word) => word.value);
  return { service: command.service, operation: command.operation, globals: values(command.leadingGlobals), args: values(command.args), command };
}

describe('parseAwsCommand', () => {
  test('service, operation and arguments', () => {
    expect(parse('aws cognito-idp respond-to-auth-challenge --client-id abc --session "x y"')).toEqual(
      expect.objectContaining({ service: 'cognito-idp', operation: 'respond-to-auth-challenge', globals: [], args: ['--client-id', 'abc', '--session', 'x y'] }),
    );
  });
  test('global options before the service and before the operation, with and without values', () => {
    expect(parse('aws --region us-east-1 --debug s3api --output=json --no-paginate list-buckets --query Buckets')).toEqual(
      expect.objectContaining({
        service: 's3api',
        operation: 'list-buckets',
        globals: ['--region', 'us-east-1', '--debug', '--output=json', '--no-paginate'],
        args: ['--query', 'Buckets'],
      }),
    );
  });
  test.each([
    ['aws s3 ls s3://b', 's3', 'ls', ['s3://b']],
    ['aws configure set region us-west-2', 'configure', 'set', ['region', 'us-west-2']],
    ['aws deploy push --application-name app', 'deploy', 'push', ['--application-name', 'app']],
    ['aws ec2 wait instance-running --instance-ids i-1', 'ec2', 'wait', ['instance-running', '--instance-ids', 'i-1']],
  ])('customizations split the same way: %s', (text, service, operation, args) => {
    expect(parse(text)).toEqual(expect.objectContaining({ service, operation, args }));
  });
  test('aws help and aws --version have no operation', () => {
    expect(parse('aws help')).toEqual(expect.objectContaining({ service: 'help', operation: undefined, args: [] }));
    expect(parse('aws --version')).toEqual(expect.objectContaining({ service: undefined, operation: undefined, globals: ['--version'] }));
  });
  test('the intended words are used: a missing continuation does not lose the parameters', () => {
    expect(parse('aws sns publish\n    --topic-arn t').args).toEqual(['--topic-arn', 't']);
  });
  test('a command that is not aws has no parts', () => {
    expect(parse('export X=1')).toEqual(expect.objectContaining({ service: undefined, operation: undefined, args: [] }));
  });
  test('the global option list matches the AWS CLI v2 documentation', () => {
    const byKind = (kind: string) => Object.keys(GLOBAL_OPTIONS).filter((name) => GLOBAL_OPTIONS[name] === kind).sort();
    expect(byKind('flag')).toEqual(['--cli-auto-prompt', '--debug', '--no-cli-auto-prompt', '--no-cli-pager', '--no-paginate', '--no-sign-request', '--no-verify-ssl', '--version']);
    expect(byKind('value')).toContain('--cli-binary-format');
  });
});
