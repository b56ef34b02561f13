import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { translateCommand } from '../../src/model/input/index.js';
import type { CommandTranslation } from '../../src/model/input/types.js';
import { loadModels } from '../../src/model/load.js';
import { xformName } from '../../src/model/names.js';
import { corpusDir, describeWithCorpus, modelsDir } from '../support/shared.js';
import { REMOVED_ARGUMENTS } from '../../src/model/input/cli-table.js';
import { commandOf, corpusFiles, readText, scanCommands } from './input-support.js';

describeWithCorpus('translateCommand over the aws-cli corpus', () => {
  const results: { file: string; translation: CommandTranslation }[] = [];

  beforeAll(() => {
    const models = loadModels(modelsDir);
    for (const file of corpusFiles(corpusDir)) {
      for (const command of scanCommands(readText(file))) {
        results.push({ file, translation: translateCommand(command, { models, documentDir: path.dirname(file), treeRoot: corpusDir }) });
      }
    }
  }, 600_000);

  it('translates every command without throwing and counts problems per kind', () => {
    const counts: Record<string, number> = {};
    for (const { translation } of results) for (const problem of translation.problems) counts[problem.kind] = (counts[problem.kind] ?? 0) + 1;
    console.log(`[input corpus] ${results.length} commands`, counts);
    expect(results.length).toBeGreaterThan(7000);
  });

  it('knows every service word of the corpus: a model folder, an alias the CLI accepts, or a customization', () => {
    const unknown = results.flatMap(({ file, translation }) => translation.problems.filter((problem) => problem.kind === 'unknown-service').map((problem) => `${file}: ${problem.message}`));
    expect(unknown).toEqual([]);
  });

  it("refuses an S3 Bucket that is no bucket name (an s3:// URI, a bucket's ARN) as botocore's handler does; a name to fill in is not checked", () => {
    const models = loadModels(modelsDir);
    const problems = (text: string) => translateCommand(commandOf(text), { models, documentDir: corpusDir, treeRoot: corpusDir }).problems.map((problem) => problem.message);
    expect(problems('aws s3api get-bucket-location --bucket s3://amzn-s3-demo-bucket')).toEqual([
      `Invalid bucket name "s3://amzn-s3-demo-bucket": Bucket name must match the regex "^[a-zA-Z0-9.\\-_]{1,255}$" or be an access point ARN (the API takes the name, 'amzn-s3-demo-bucket', not an s3:// URI).`,
    ]);
    expect(problems('aws s3api get-bucket-policy --bucket arn:aws:s3:::amzn-s3-demo-bucket')).toHaveLength(1);
    for (const bucket of ['amzn-s3-demo-bucket', 'lab-[your-initials]', 'arn:aws:s3:us-west-2:123456789012:accesspoint/reports', 'ACCOUNT_ID-logs']) {
      expect(problems(`aws s3api get-bucket-location --bucket ${bucket}`)).toEqual([]);
    }
    // The s3 commands' paths: the bucket of each; an access point's ARN is theirs to split.
    const customized = (text: string) => problems(text).filter((message) => message.startsWith('Invalid bucket name'));
    expect(customized('aws s3 ls s3://spill-area-*/')).toEqual([
      'Invalid bucket name "spill-area-*": Bucket name must match the regex "^[a-zA-Z0-9.\\-_]{1,255}$" or be an access point ARN (the CLI expands no wildcards in bucket names).',
    ]);
    expect(customized('aws s3 cp s3://arn:aws:s3:us-west-2:123456789012:accesspoint/myaccesspoint/mykey ./mykey')).toEqual([]);
    expect(customized('aws s3 cp s3://amzn-s3-demo-bucket/a.txt ./a.txt')).toEqual([]);
    // mb and rb take a bucket's s3:// path; cp, mv and sync copy to or from S3.
    const paths = (text: string) => problems(text).filter((message) => !message.includes('is a CLI customization'));
    expect(paths('aws s3 mb amzn-s3-demo-bucket')).toEqual([`'aws s3 mb' takes a bucket's S3 path: 'amzn-s3-demo-bucket' does not start with s3://, and the CLI stops with "Invalid argument type"; write s3://amzn-s3-demo-bucket.`]);
    expect(paths('aws s3 cp ./a.txt ./b.txt')).toEqual(['\'aws s3 cp\' copies to or from S3: neither path starts with s3://, and the CLI stops with "Invalid argument type".']);
    expect(paths('aws s3 mb s3://amzn-s3-demo-bucket')).toEqual([]);
    expect(paths('aws s3 cp ./a.txt $DEST')).toEqual([]);
  });

  it('refuses a --zip-file without the fileb:// prefix, as awslambda.py does; a variable may hold the prefix', () => {
    const models = loadModels(modelsDir);
    const problems = (text: string) => translateCommand(commandOf(text), { models, documentDir: corpusDir, treeRoot: corpusDir }).problems.map((problem) => problem.message).filter((message) => message.includes('zip'));
    expect(problems('aws lambda update-function-code --function-name f --zip-file file://function.zip')).toEqual([
      `--zip-file takes a zip archive's bytes: 'file://function.zip' reads the file as text, and the CLI stops with "--zip-file must be a zip file with the fileb:// prefix"; write --zip-file fileb://function.zip.`,
    ]);
    expect(problems('aws lambda update-function-code --function-name f --zip-file fileb://function.zip')).toEqual([]);
    expect(problems('aws lambda update-function-code --function-name f --zip-file $ZIP')).toEqual([]);
  });

  it('warns of a URL where the content of a document goes: AWS CLI v2 sends the URL itself', () => {
    const models = loadModels(modelsDir);
    const problems = (text: string) => translateCommand(commandOf(text), { models, documentDir: corpusDir, treeRoot: corpusDir }).problems.map((problem) => `${problem.kind}: ${problem.message}`);
    const sentAsIs = (name: string) => `constraint: Value for parameter ${name} is a URL, which the AWS CLI v2 sends as the value itself: it no longer downloads http(s):// values, as version 1 did; save the file and pass file://<its name>.`;
    expect(problems('aws iam create-role --role-name demo --assume-role-policy-document https://example.com/trust.json')).toEqual([sentAsIs('AssumeRolePolicyDocument')]);
    expect(problems('aws cloudformation create-stack --stack-name demo --template-body https://example.com/t.yaml')).toEqual([sentAsIs('TemplateBody')]);
    expect(problems('aws stepfunctions create-state-machine --name m --role-arn arn:aws:iam::123456789012:role/r --definition https://example.com/d.json')).toEqual([sentAsIs('definition')]);
    // Parameters that take a URL, or text that may well be one, are not content to download.
    expect(problems('aws cloudformation create-stack --stack-name demo --template-url https://example.com/t.yaml')).toEqual([]);
    expect(problems('aws sqs send-message --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/q --message-body https://example.com/')).toEqual([]);
  });

  it('warns of JSON given to a blob that AWS CLI v2 would read as base64, unless it decodes to nothing', () => {
    const models = loadModels(modelsDir);
    const problems = (text: string) => translateCommand(commandOf(text), { models, documentDir: corpusDir, treeRoot: corpusDir }).problems.map((problem) => `${problem.kind}: ${problem.message}`);
    expect(problems(`aws lambda invoke --function-name f --payload '{"key":"value"}' out.json`)).toEqual([
      "constraint: Value for parameter Payload is JSON, but AWS CLI v2 reads blobs as base64: it would send the bytes decoded from the JSON's letters, not the JSON; add --cli-binary-format raw-in-base64-out.",
    ]);
    // Raw JSON as meant, base64 as meant, and '{}', which decodes to no payload at all.
    expect(problems(`aws lambda invoke --function-name f --cli-binary-format raw-in-base64-out --payload '{"key":"value"}' out.json`)).toEqual([]);
    expect(problems('aws lambda invoke --function-name f --payload eyJrZXkiOiJ2YWx1ZSJ9 out.json')).toEqual([]);
    expect(problems(`aws lambda invoke --function-name f --payload '{}' out.json`)).toEqual([]);
    // Placeholders inside the JSON leave it JSON, whatever they stand for; a value that is all placeholder may be base64.
    expect(problems(`aws lambda invoke --function-name f --payload '{"bucket": "demo-<suffix>", "size": 1}' out.json`)).toEqual([
      "constraint: Value for parameter Payload is JSON, but AWS CLI v2 reads blobs as base64: it would send the bytes decoded from the JSON's letters, not the JSON; add --cli-binary-format raw-in-base64-out.",
    ]);
    expect(problems('aws lambda invoke --function-name f --payload "$PAYLOAD" out.json')).toEqual([]);
    expect(problems('aws lambda invoke --function-name f --payload <payload> out.json')).toEqual([]);
    // Operations the CLI takes out of its command table (removals.py): argparse refuses them.
    expect(problems('aws bedrock-agent-runtime invoke-agent --agent-id A --agent-alias-id B --session-id s --input-text hi')).toEqual([
      "unknown-operation: The AWS CLI has no command 'aws bedrock-agent-runtime invoke-agent': it takes the operation out (deprecated, or it streams events, which the CLI cannot print); call it through an SDK.",
    ]);
    // An elision before the outfile stands for the options: the outfile is the word after it.
    expect(problems('aws s3api get-object ... model.bin')).toEqual([]);
    expect(problems('aws s3api get-object --bucket b … model.bin')).toEqual([]);
    expect(problems('aws s3api get-object --bucket b --key k model.bin extra.bin')).toEqual([
      "unknown-parameter: Unexpected word 'extra.bin': 'aws s3api get-object' takes one positional argument, the output file.",
    ]);
    // Operations the CLI renames (rename_otel_commands), and the old names it keeps as hidden aliases.
    expect(problems('aws cloudwatch start-otel-enrichment')).toEqual([]);
    expect(problems('aws cloudwatch get-o-tel-enrichment')).toEqual([]);
    // An unknown option takes no value in the CLI's parser: the word after it may be the outfile. One defect, one finding.
    expect(problems('aws lambda invoke --function-name f --bogus-flag out.json')).toEqual(["unknown-parameter: Unknown parameter '--bogus-flag' for 'aws lambda invoke'."]);
  });

  it('requires the arguments a customization adds as required (iamvirtmfa.py), in the one missing-arguments error', () => {
    const models = loadModels(modelsDir);
    const problems = (text: string) => translateCommand(commandOf(text), { models, documentDir: corpusDir, treeRoot: corpusDir }).problems.map((problem) => `${problem.kind}: ${problem.message}`);
    expect(problems('aws iam create-virtual-mfa-device --virtual-mfa-device-name m --outfile qr.png --bootstrap-method QRCodePNG')).toEqual([]);
    expect(problems('aws iam create-virtual-mfa-device --virtual-mfa-device-name m')).toEqual([
      "missing-required-parameter: Missing required parameters '--outfile' and '--bootstrap-method' for 'aws iam create-virtual-mfa-device'.",
    ]);
    expect(problems('aws iam create-virtual-mfa-device --outfile qr.png')).toEqual([
      "missing-required-parameter: Missing required parameters '--virtual-mfa-device-name' and '--bootstrap-method' for 'aws iam create-virtual-mfa-device'.",
    ]);
  });

  it('follows ec2/addcount.py: --count replaces --min-count / --max-count, which default to 1', () => {
    const models = loadModels(modelsDir);
    const kinds = (text: string) => translateCommand(commandOf(text), { models, documentDir: corpusDir, treeRoot: corpusDir }).problems.map((problem) => `${problem.kind}: ${problem.message}`);
    expect(kinds('aws ec2 run-instances --image-id ami-0abcdef1234567890 --instance-type t2.micro')).toEqual([]);
    expect(kinds('aws ec2 run-instances --image-id ami-0abcdef1234567890 --count 2:4')).toEqual([]);
    expect(kinds('aws ec2 run-instances --image-id ami-0abcdef1234567890 --max-count 2')).toEqual(["unknown-parameter: Unknown parameter '--max-count' for 'aws ec2 run-instances'."]);
  });

  it('finds the known true positive in cognito-idp/respond-to-auth-challenge.rst', () => {
    const messages = results
      .filter(({ file }) => file.endsWith(path.join('cognito-idp', 'respond-to-auth-challenge.rst')))
      .flatMap(({ translation }) => translation.problems.map((problem) => problem.message));
    expect(messages).toContain('Invalid type for parameter ChallengeResponses.NEW_PASSWORD, value: ["Password"], type: list, valid types: string.');
  });

  it('never calls a parameter unknown when it is the CLI name of a model member (argparse is case-sensitive)', () => {
    for (const { translation } of results) {
      const members = new Set(Object.keys(translation.model?.shapes[translation.model.operations[translation.operationName ?? '']?.input?.shape ?? '']?.members ?? {}));
      for (const problem of translation.problems) {
        if (problem.kind !== 'unknown-parameter') continue;
        // The name as written (a `Did you mean '--x'?` suggestion is no written name).
        const written = /^Unknown parameter '--([^']+)'/.exec(problem.message)?.[1] ?? '';
        if (REMOVED_ARGUMENTS[`${translation.model?.cliName}.${xformName(translation.operationName ?? '')}`]?.includes(`--${written}`)) continue;
        const member = [...members].find((name) => xformName(name) === written);
        expect(member, problem.message).toBeUndefined();
      }
    }
  });
});
