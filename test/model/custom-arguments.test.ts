import fc from 'fast-check';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { translateCommand } from '../../src/model/input/index.js';
import { CUSTOM_COMMAND_ARGUMENTS, customCommandArguments } from '../../src/model/input/custom-arguments.js';
import { CUSTOM_COMMANDS, CUSTOM_SERVICES } from '../../src/model/input/cli-table.js';
import { GLOBAL_OPTIONS } from '../../src/commands/aws.js';
import { embeddedModels } from '../../src/model/load.js';
import { commandOf } from './input-support.js';
import { scratchFolder } from '../support/scratch.js';

const treeRoot = scratchFolder('custom-arguments');
const models = embeddedModels();

/** The problems of one command other than the customization's own info, as `kind: message`. */
function problems(text: string): string[] {
  return translateCommand(commandOf(text), { models, documentDir: path.join(treeRoot, 'docs'), treeRoot })
    .problems.filter((problem) => problem.kind !== 'customization')
    .map((problem) => `${problem.kind}: ${problem.message}`);
}

describe('the customization argument tables', () => {
  it('finds a table by service and command, and none for commands without one', () => {
    expect(customCommandArguments('s3', 'cp')?.positionals).toMatchObject({ min: 2, max: 2 });
    expect(customCommandArguments('cloudformation', 'deploy')?.required).toEqual(['--template-file', '--stack-name']);
    expect(customCommandArguments('lightsail', 'push-container-image')?.required).toEqual(['--service-name', '--label', '--image']);
    expect(customCommandArguments('emr', 'create-cluster')).toBeUndefined();
    expect(customCommandArguments('s3', 'constructor')).toBeUndefined();
  });

  it('covers only commands the CLI implements as customizations, each naming its aws-cli source', () => {
    for (const [name, table] of Object.entries(CUSTOM_COMMAND_ARGUMENTS)) {
      const [service, operation] = name.split(' ') as [string, string];
      expect(CUSTOM_SERVICES.has(service) || (CUSTOM_COMMANDS[service] ?? []).includes(operation), name).toBe(true);
      expect(table.source, name).toMatch(/^awscli\/customizations\/.+\.py$/);
      for (const required of table.required) expect(table.options, `${name} ${required}`).toHaveProperty([required]);
      for (const repeatable of table.repeatable ?? []) expect(table.options, `${name} ${repeatable}`).toHaveProperty([repeatable]);
      // A global option in a command's table would be read as the global one: the table must not shadow it.
      for (const option of Object.keys(table.options)) expect(GLOBAL_OPTIONS, `${name} ${option}`).not.toHaveProperty([option]);
      expect(table.positionals.min).toBeLessThanOrEqual(table.positionals.max);
    }
  });
});

describe('checking a customization against its table', () => {
  it('accepts valid commands, global options anywhere and repeated filters', () => {
    expect(problems('aws s3 cp ./site s3://amzn-s3-demo-bucket/ --recursive --exclude "*" --include "*.html" --exclude "tmp/*" --region us-west-2')).toEqual([]);
    expect(problems('aws --profile dev s3 sync . s3://amzn-s3-demo-bucket --delete --sse --no-cli-pager')).toEqual([]);
    expect(problems('aws s3 ls')).toEqual([]);
    expect(problems('aws cloudformation deploy --template-file t.yaml --stack-name s --parameter-overrides A=1 B=2 --capabilities CAPABILITY_IAM')).toEqual([]);
    expect(problems('aws ecr get-login-password --region us-east-1')).toEqual([]);
    expect(problems('aws s3 cp help')).toEqual([]);
  });

  it('reports an unknown option with the closest one, as unknown-parameter does for API commands', () => {
    expect(problems('aws cloudformation deploy --template-url https://example.com/t.yaml --stack-name s')).toEqual([
      "unknown-parameter: Unknown parameter '--template-url' for 'aws cloudformation deploy'. Did you mean '--template-file'?",
    ]);
    expect(problems('aws s3 rm s3://amzn-s3-demo-bucket/key --acl private')).toEqual(["unknown-parameter: Unknown parameter '--acl' for 'aws s3 rm'."]);
  });

  it('reads a unique prefix as argparse does: an abbreviation, not an unknown option', () => {
    expect(problems('aws s3 cp --recursiv ./dir s3://amzn-s3-demo-bucket/')).toEqual(["abbreviated-parameter: '--recursiv' is an abbreviation of '--recursive': write the full name."]);
  });

  it('reports missing required options in one finding', () => {
    expect(problems('aws eks update-kubeconfig --region us-west-2')).toEqual(["missing-required-parameter: Missing required parameter '--name' for 'aws eks update-kubeconfig'."]);
    expect(problems('aws codeartifact login --tool npm')).toEqual([
      "missing-required-parameter: Missing required parameters '--domain' and '--repository' for 'aws codeartifact login'.",
    ]);
  });

  it('counts positional words', () => {
    expect(problems('aws s3 cp file.txt')).toEqual(["missing-required-parameter: 'aws s3 cp' takes two paths (source and destination): 1 given."]);
    expect(problems('aws logs tail --follow')).toEqual(["missing-required-parameter: 'aws logs tail' takes one log group name: none given."]);
    expect(problems('aws s3 ls s3://a s3://b')).toEqual(["unknown-parameter: Unexpected word 's3://b': 'aws s3 ls' takes at most one S3 path."]);
  });

  it('reports an option given without its value', () => {
    expect(problems('aws s3 presign s3://amzn-s3-demo-bucket/key --expires-in')).toEqual(["invalid-parameter-value: '--expires-in' expects a value."]);
  });

  it('says nothing a placeholder or a word standing for options would make a guess', () => {
    expect(problems('aws s3 cp $SRC $DEST')).toEqual([]);
    expect(problems('aws cloudformation deploy $DEPLOY_ARGS')).toEqual([]);
    expect(problems('aws cloudformation deploy ...')).toEqual([]);
    expect(problems('aws s3 cp <file> <s3-uri>')).toEqual([]);
    expect(problems('aws s3 cp file.txt s3://amzn-s3-demo-bucket/ --$OPTION x')).toEqual([]);
    // An unknown option may have taken the paths: their count is not called wrong as well.
    expect(problems('aws s3 cp --bogus a b')).toEqual(["unknown-parameter: Unknown parameter '--bogus' for 'aws s3 cp'."]);
  });

  it('leaves customizations whose arguments are not known here unchecked', () => {
    expect(problems('aws configure set region us-west-2 --anything')).toEqual([]);
  });
});

describe('an option that takes a fixed number of values', () => {
  it('takes them, given once per item, and says when some are missing', () => {
    expect(problems('aws s3 mb s3://amzn-s3-demo-bucket --tags Key1 Value1 --tags Key2 Value2')).toEqual([]);
    expect(problems('aws s3 mb s3://amzn-s3-demo-bucket --tags Key1')).toEqual(["invalid-parameter-value: '--tags' expects 2 values."]);
  });
});

describe('any words after a customization', () => {
  it('never throw, and every problem stands inside the command at its words', () => {
    const word = fc.oneof(
      fc.constantFrom('--recursive', '--exclude', '--tags', '--sse', '--region', '--recursiv', '--', '-', 'help', '$ARGS', '...', 's3://b/k', './dir', '--expires-in=5'),
      fc.stringMatching(/^[-a-z0-9:/.$=]{1,12}$/),
    );
    const command = fc.tuple(fc.constantFrom(...Object.keys(CUSTOM_COMMAND_ARGUMENTS)), fc.array(word, { maxLength: 8 }));
    fc.assert(
      fc.property(command, ([name, words]) => {
        const text = `aws ${name} ${words.join(' ')}`;
        for (const problem of translateCommand(commandOf(text), { models, documentDir: path.join(treeRoot, 'docs'), treeRoot }).problems) {
          expect(problem.start.line).toBe(1);
          expect(problem.end.line).toBe(1);
          expect(problem.start.column).toBeGreaterThanOrEqual(1);
          expect(problem.end.column).toBeLessThanOrEqual(text.length + 1);
        }
      }),
    );
  });
});
