import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { translateCommand } from '../../src/model/input/index.js';
import { embeddedModels, loadModels } from '../../src/model/load.js';
import type { ModelIndex, ServiceModel } from '../../src/model/types.js';
import { commandOf } from './input-support.js';
import { scratchFolder, writeUnder } from '../support/scratch.js';

const models = embeddedModels();
// The tree is one level down, so that a file just outside it stays inside the scratch folder.
const treeRoot = path.join(scratchFolder('input'), 'tree');
const documentDir = path.join(treeRoot, 'cognito-idp');
mkdirSync(documentDir, { recursive: true });
writeFileSync(path.join(documentDir, 'responses.json'), '{"USERNAME": "admin", "NEW_PASSWORD": "Example.123"}');
writeFileSync(path.join(treeRoot, '..', 'outside.json'), '{}');

function translate(text: string) {
  return translateCommand(commandOf(text), { models, documentDir, treeRoot });
}

function kinds(text: string): string[] {
  return translate(text).problems.map((problem) => `${problem.kind}: ${problem.message}`);
}

describe('translateCommand', () => {
  it('reads --name=value whose value holds spaces as an option, as argparse does', () => {
    const result = translate(
      `aws cognito-idp admin-initiate-auth --user-pool-id us-west-2_EXAMPLE --client-id 1example23456789 --auth-flow ADMIN_NO_SRP_AUTH --client-metadata='{"Key": "a value"}'`,
    );
    expect(result.problems.filter((problem) => problem.kind === 'unknown-parameter')).toEqual([]);
    expect(result.input?.ClientMetadata).toEqual({ Key: 'a value' });
  });

  it('still calls a spaced word without = positional', () => {
    expect(kinds("aws cognito-idp list-groups --user-pool-id us-west-2_EXAMPLE '--limit 5'").some((kind) => kind.startsWith('unknown-parameter'))).toBe(true);
  });

  it('builds the API input from shorthand, numbers and booleans', () => {
    const result = translate(
      'aws cognito-idp respond-to-auth-challenge --client-id 1example23456789 --challenge-name NEW_PASSWORD_REQUIRED ' +
        '--challenge-responses USERNAME=admin,NEW_PASSWORD=Example.123 --session AYABeExampleSessionToken1234',
    );
    expect(result.problems).toEqual([]);
    expect(result.operationName).toBe('RespondToAuthChallenge');
    expect(result.input).toEqual({
      ClientId: '1example23456789',
      ChallengeName: 'NEW_PASSWORD_REQUIRED',
      ChallengeResponses: { USERNAME: 'admin', NEW_PASSWORD: 'Example.123' },
      Session: 'AYABeExampleSessionToken1234',
    });
  });

  it('finds the list given to a map of strings (the known true positive)', () => {
    expect(kinds('aws cognito-idp respond-to-auth-challenge --client-id 1example23456789 --challenge-name NEW_PASSWORD_REQUIRED --challenge-responses NEW_PASSWORD=[Password],USERNAME=admin')).toEqual([
      'invalid-parameter-value: Invalid type for parameter ChallengeResponses.NEW_PASSWORD, value: ["Password"], type: list, valid types: string.',
    ]);
  });

  it('reads inline JSON and JSON files beside the document', () => {
    const inline = translate(`aws cognito-idp respond-to-auth-challenge --client-id 1example23456789 --challenge-name SMS_MFA --challenge-responses '{"USERNAME":"a","SMS_MFA_CODE":"123456"}'`);
    expect(inline.input?.ChallengeResponses).toEqual({ USERNAME: 'a', SMS_MFA_CODE: '123456' });
    const fromFile = translate('aws cognito-idp respond-to-auth-challenge --client-id 1example23456789 --challenge-name NEW_PASSWORD_REQUIRED --challenge-responses file://responses.json');
    expect(fromFile.problems).toEqual([]);
    expect(fromFile.input?.ChallengeResponses).toEqual({ USERNAME: 'admin', NEW_PASSWORD: 'Example.123' });
  });

  it('reads a file the example shows (Contents of ``x.json``::) when it is not beside the document, and says so in messages', () => {
    const shownFiles = [
      { name: 'group.json', raw: '{"UserPoolId": "us-west-2_EXAMPLE",\n "Colour": "blue"}', line: 9 },
      { name: 'responses.json', raw: '{"USERNAME": "someone else"}', line: 20 },
    ];
    const withShown = (text: string) => translateCommand(commandOf(text), { models, documentDir, treeRoot, shownFiles });
    const input = withShown('aws cognito-idp list-users --cli-input-json file://group.json');
    expect(input.problems.map((problem) => problem.message)).toEqual([
      'Unknown parameter in input: "Colour", must be one of: UserPoolId, AttributesToGet, Limit, PaginationToken, Filter. (in group.json as shown at line 9)',
    ]);
    expect(input.input).toMatchObject({ UserPoolId: 'us-west-2_EXAMPLE' });
    // A real file beside the document is what the CLI reads.
    const real = withShown('aws cognito-idp respond-to-auth-challenge --client-id 1example23456789 --challenge-name NEW_PASSWORD_REQUIRED --challenge-responses file://responses.json');
    expect(real.input?.ChallengeResponses).toEqual({ USERNAME: 'admin', NEW_PASSWORD: 'Example.123' });
    // Messages stay on one line when the value quoted spans several.
    const [quoted] = withShown('aws cognito-idp respond-to-auth-challenge --client-id 1example23456789 --challenge-name file://group.json').problems;
    expect(quoted?.message).toMatch(/^Invalid value for parameter ChallengeName: '\{"UserPoolId": "us-west-2_EXAMPLE",\\n "Colour": "blue"\}', valid values: .* \(in group\.json as shown at line 9\)$/);
  });

  it('says a missing, empty or outside file name is not read, as info', () => {
    expect(kinds('aws cognito-idp list-users --user-pool-id file://absent.txt')).toEqual([
      "missing-file: 'absent.txt' does not exist beside the document: its content is not checked.",
    ]);
    expect(kinds('aws cognito-idp list-users --user-pool-id file://../../outside.json')).toEqual([
      "missing-file: '../../outside.json' is outside the documents folder: not read.",
    ]);
    expect(kinds('aws cognito-idp list-users --user-pool-id file://.')).toEqual(["missing-file: '.' is a folder, not a file: its content is not checked."]);
    // `file://<path>/input.json`: as the author meant it, a file name with a placeholder in it (shell-syntax reports the
    // redirections bash sees); which file it names is not known, so it is not read and not called missing.
    expect(kinds('aws cognito-idp list-users --cli-input-json file://<path>/input.json')).toEqual([
      "missing-file: 'file://<path>/input.json' names its file through a value not known here: its content is not checked.",
    ]);
  });

  it('knows the service aliases the CLI accepts (opsworks-cm for opsworkscm, runtime.sagemaker) and suggests the documented one', () => {
    const cognito = models.get('cognito-idp')!;
    const byName = new Map<string, ServiceModel>([['opsworkscm', { ...cognito, cliName: 'opsworkscm' }], ['sagemaker-runtime', { ...cognito, cliName: 'sagemaker-runtime' }]]);
    const aliased: ModelIndex = { serviceNames: () => [...byName.keys()], get: (name) => byName.get(name), signature: () => 'aliases' };
    const problems = (text: string) => translateCommand(commandOf(text), { models: aliased, documentDir, treeRoot }).problems.map((problem) => `${problem.kind}: ${problem.message}`);
    expect(problems('aws opsworks-cm list-users --user-pool-id us-west-2_EXAMPLE')).toEqual([]);
    expect(problems('aws opsworkscm list-users --user-pool-id us-west-2_EXAMPLE')).toEqual([]);
    expect(problems('aws runtime.sagemaker list-users --user-pool-id us-west-2_EXAMPLE')).toEqual([]);
    expect(problems('aws opsworks-xm list-users')).toEqual(["unknown-service: Unknown service 'opsworks-xm'. Did you mean 'opsworks-cm'?"]);
  });

  it('reports a value split by a space once: the stray words, not also the broken value before them', () => {
    expect(kinds('aws cognito-idp update-user-pool-client --user-pool-id us-west-2_EXAMPLE --client-id 1example23456789 --token-validity-units AccessToken=hours, IdToken=hours')).toEqual([
      "unknown-parameter: Unexpected word 'IdToken=hours': 'aws cognito-idp update-user-pool-client' takes no positional arguments here.",
    ]);
    // A value not followed by the stray words keeps its own checks.
    expect(kinds('aws cognito-idp list-users --limit ten --user-pool-id us-west-2_EXAMPLE stray')).toEqual([
      "unknown-parameter: Unexpected word 'stray': 'aws cognito-idp list-users' takes no positional arguments here.",
      "invalid-parameter-value: --limit: 'ten' is not an integer.",
    ]);
  });

  it('stops a list value at its first item the CLI cannot read, as argprocess does: one error', () => {
    expect(kinds('aws cognito-idp admin-update-user-attributes --user-pool-id us-west-2_EXAMPLE --username alice --user-attributes Name=email,Value={a Name=x,Value=[b')).toEqual([
      "invalid-parameter-value: Error parsing parameter '--user-attributes': Expected: '=', received: 'EOF' at offset 19.",
    ]);
  });

  it('reports unknown services, operations and parameters with suggestions', () => {
    expect(kinds('aws cognito-ipd list-users')).toEqual(["unknown-service: Unknown service 'cognito-ipd'. Did you mean 'cognito-idp'?"]);
    expect(kinds('aws cognito-idp list-user --user-pool-id x')).toEqual([
      "unknown-operation: Unknown operation 'list-user' for service 'cognito-idp'. Did you mean 'list-users'?",
    ]);
    expect(kinds('aws cognito-idp list-users --user-pool-id us-west-2_EXAMPLE --limt 3')).toEqual([
      "unknown-parameter: Unknown parameter '--limt' for 'aws cognito-idp list-users'. Did you mean '--limit'?",
    ]);
  });

  it("says a positional `{}` (xargs -I) is a stray word once, not also that the options it may hold are missing", () => {
    expect(kinds('aws cognito-idp admin-get-user --user-pool-id us-west-2_EXAMPLE {}')).toEqual([
      "unknown-parameter: Unexpected word '{}': 'aws cognito-idp admin-get-user' takes no positional arguments here.",
    ]);
  });

  it('takes what `xargs` appends (no replace string) as the value the last option lacks, or as words that may hold options', () => {
    expect(kinds('xargs -n1 aws cognito-idp describe-user-pool --user-pool-id')).toEqual([]);
    expect(kinds('xargs aws cognito-idp admin-get-user --user-pool-id us-west-2_EXAMPLE')).toEqual([]);
    // With a replace string, xargs appends nothing: the option is left without its value.
    expect(kinds('xargs -I{} aws cognito-idp describe-user-pool --user-pool-id')).toEqual(["invalid-parameter-value: '--user-pool-id' expects a value."]);
    // It puts what it reads where the replace string stands, also inside quotes: no check needs that content.
    expect(kinds('xargs -I % aws cognito-idp list-users --user-pool-id us-west-2_EXAMPLE --limit %')).toEqual([]);
    expect(kinds(`xargs -I{} aws cognito-idp admin-update-user-attributes --user-pool-id us-west-2_EXAMPLE --username jane --user-attributes '{}'`)).toEqual([]);
    expect(kinds('aws cognito-idp list-users --user-pool-id us-west-2_EXAMPLE --limit %')).toEqual(["invalid-parameter-value: --limit: '%' is not an integer."]);
    expect(kinds('xargs -n1 aws cognito-idp describe-user-pool --user-pool-idd')).toEqual([
      "unknown-parameter: Unknown parameter '--user-pool-idd' for 'aws cognito-idp describe-user-pool'. Did you mean '--user-pool-id'?",
    ]);
  });

  it('takes a name in capitals that spells its own parameter (`--username USERNAME`) for a value to fill in, not a value too short', () => {
    expect(kinds('aws cognito-idp admin-get-user --user-pool-id POOLID --username USERNAME')).toEqual([]);
    // Capitals that are no words of the parameter's name are a value as written.
    expect(kinds('aws cognito-idp respond-to-auth-challenge --client-id 1example23456789 --challenge-name SMS_MFA --session ABCDEFGHIJ')).toEqual([
      'invalid-parameter-value: Invalid length for parameter Session, value: 10, valid min length: 20.',
    ]);
    expect(kinds('aws cognito-idp respond-to-auth-challenge --client-id 1example23456789 --challenge-name SMS_MFA --session SESSION')).toEqual([]);
    // Short words of the name count too (`--role-arn ARN`).
    expect(kinds('aws cognito-idp create-group --user-pool-id us-west-2_EXAMPLE --group-name g --role-arn ARN')).toEqual([]);
    // A run of x's the reader fills in says nothing of the length either.
    expect(kinds('aws cognito-idp respond-to-auth-challenge --client-id 1example23456789 --challenge-name SMS_MFA --session session-xxxx')).toEqual([]);
  });

  it('reports a shorthand error in a member after the one a shell value stands in, without an offset the value would move', () => {
    const command = 'aws cognito-idp update-user-pool-client --user-pool-id us-west-2_EXAMPLE --client-id 1example23456789 --token-validity-units';
    expect(kinds(`${command} AccessToken=$UNIT,IdToken=hours}`)).toEqual(["invalid-parameter-value: Error parsing parameter '--token-validity-units': Expected: ',', received: '}'."]);
    // In the member the value stands in, its content may be what closes the structure: not said.
    expect(kinds(`${command} AccessToken=$UNIT}`)).toEqual([]);
  });

  it('says a value too long once: the pattern it also misses is no second finding', () => {
    const long = 'a'.repeat(60);
    expect(kinds(`aws cognito-idp describe-user-pool --user-pool-id ${long}`)).toEqual(['constraint: Invalid length for parameter UserPoolId, value: 60, valid max length: 55.']);
  });

  it("names a command AWS CLI version 2 removed (ecr get-login) and what to write instead", () => {
    const modelsDir = scratchFolder('v1-models');
    const operation = { name: 'GetAuthorizationToken', http: { method: 'POST', requestUri: '/' }, input: { shape: 'Request' } };
    const service = { metadata: { protocol: 'json', endpointPrefix: 'api.ecr', signingName: 'ecr' }, operations: { GetAuthorizationToken: operation }, shapes: { Request: { type: 'structure', members: {} } } };
    writeUnder(modelsDir, 'ecr/2015-09-21/service-2.json', JSON.stringify(service));
    const ecr = loadModels(modelsDir, { cacheDir: scratchFolder('v1-cache') });
    const problems = translateCommand(commandOf('aws ecr get-login --no-include-email'), { models: ecr, documentDir, treeRoot }).problems;
    expect(problems.map((problem) => `${problem.kind}: ${problem.message}`)).toEqual([
      "unknown-operation: 'aws ecr get-login' is a command of AWS CLI version 1 that version 2 removed: use 'aws ecr get-login-password', piped into 'docker login --username AWS --password-stdin <registry>'.",
    ]);
  });

  it('takes a one-word option named after required ones (`--providers` for `--provider-name`) for them: the unknown option is the one finding', () => {
    expect(kinds('aws cognito-idp create-identity-provider --user-pool-id us-west-2_EXAMPLE --providers Google')).toEqual([
      "unknown-parameter: Unknown parameter '--providers' for 'aws cognito-idp create-identity-provider'.",
    ]);
    // A longer name says more than its first word: the required option is still missing.
    expect(kinds('aws cognito-idp create-identity-provider --user-pool-id us-west-2_EXAMPLE --provider-kind Google --provider-name Google --provider-details a=b')).toEqual([
      "unknown-parameter: Unknown parameter '--provider-kind' for 'aws cognito-idp create-identity-provider'. Did you mean '--provider-name'?",
      "missing-required-parameter: Missing required parameter '--provider-type' for 'aws cognito-idp create-identity-provider'.",
    ]);
  });

  it('takes an option that is the end of a required one, word for word, for it: the unknown option is the one finding', () => {
    expect(kinds('aws cognito-idp admin-get-user --pool-id us-west-2_EXAMPLE --username jane')).toEqual([
      "unknown-parameter: Unknown parameter '--pool-id' for 'aws cognito-idp admin-get-user'.",
    ]);
    // An option that shares a word of its topic with a required one (`role`), not a word of the operation's name.
    expect(kinds('aws cognito-idp create-user-import-job --user-pool-id us-west-2_EXAMPLE --job-name j --iam-role arn:aws:iam::123456789012:role/r').map((kind) => kind.split(':')[0])).toEqual([
      'unknown-parameter',
    ]);
    expect(kinds('aws cognito-idp admin-get-user --id us-west-2_EXAMPLE --username jane')).toEqual([
      "unknown-parameter: Unknown parameter '--id' for 'aws cognito-idp admin-get-user'.",
      "missing-required-parameter: Missing required parameter '--user-pool-id' for 'aws cognito-idp admin-get-user'.",
    ]);
  });

  it('takes an option written with a word added at its end for that option, not also a missing one', () => {
    expect(kinds('aws cognito-idp list-users --user-pool-id-value us-west-2_EXAMPLE')).toEqual([
      "unknown-parameter: Unknown parameter '--user-pool-id-value' for 'aws cognito-idp list-users'. Did you mean '--user-pool-id'?",
    ]);
    expect(kinds('aws cognito-idp admin-get-user --user-pool-id us-west-2_EXAMPLE --username-of-the-user diego')).toEqual([
      "unknown-parameter: Unknown parameter '--username-of-the-user' for 'aws cognito-idp admin-get-user'. Did you mean '--username'?",
    ]);
  });

  it('accepts global options anywhere, with = and abbreviations', () => {
    const result = translate('aws --region us-west-2 cognito-idp list-users --output=text --user-pool-id us-west-2_EXAMPLE --query Users --endpoint http://127.0.0.1:9229');
    expect(result.problems.map((problem) => problem.kind)).toEqual(['abbreviated-parameter']);
    expect(result.output).toEqual({ format: 'text', query: 'Users', maxItems: false, paginated: true });
    expect(result.input).toEqual({ UserPoolId: 'us-west-2_EXAMPLE' });
  });

  it('rejects an ambiguous prefix and a bad --output', () => {
    expect(kinds('aws cognito-idp list-users --user-pool-id x --no')[0]).toMatch(/^ambiguous-parameter: Ambiguous option '--no'/);
    expect(kinds('aws cognito-idp list-users --user-pool-id us-west-2_EXAMPLE --output xml')).toEqual([
      "invalid-parameter-value: Invalid value 'xml' for '--output': choose from json, text, table, yaml, yaml-stream.",
    ]);
  });

  it('knows paging options only on paginated operations and turns paging off for raw tokens', () => {
    expect(translate('aws cognito-idp list-users --user-pool-id x --max-items 5').output).toMatchObject({ maxItems: true, paginated: true });
    expect(translate('aws cognito-idp list-users --user-pool-id x --no-paginate').output.paginated).toBe(false);
    expect(translate('aws cognito-idp list-users --user-pool-id x --pagination-token abc').output.paginated).toBe(false);
    expect(kinds('aws cognito-idp get-user --access-token abc --max-items 5')[0]).toMatch(/^unknown-parameter: Unknown parameter '--max-items'/);
  });

  it('validates the members --cli-input-json supplies as botocore does, the command line winning', () => {
    expect(kinds(`aws cognito-idp list-users --cli-input-json '{"UserPoolId": "us-west-2_EXAMPLE", "Colour": "blue", "constructor": 1}'`)).toEqual([
      'invalid-parameter-value: Unknown parameter in input: "Colour", must be one of: UserPoolId, AttributesToGet, Limit, PaginationToken, Filter.',
      'invalid-parameter-value: Unknown parameter in input: "constructor", must be one of: UserPoolId, AttributesToGet, Limit, PaginationToken, Filter.',
    ]);
    expect(kinds(`aws cognito-idp list-users --cli-input-json '{"UserPoolId": "us-west-2_EXAMPLE", "Limit": "ten"}'`)).toEqual([
      'invalid-parameter-value: Invalid type for parameter Limit, value: ten, type: string, valid types: integer.',
    ]);
    expect(kinds(`aws cognito-idp list-users --limit 5 --cli-input-json '{"UserPoolId": "us-west-2_EXAMPLE", "Limit": "ten"}'`)).toEqual([]);
  });

  it('reports JSON keys named like what every object inherits as unknown', () => {
    expect(kinds(`aws cognito-idp admin-create-user --user-pool-id us-west-2_EXAMPLE --username diego --user-attributes '[{"Name": "email", "Value": "d@example.com", "constructor": "x"}]'`)).toEqual([
      'invalid-parameter-value: Unknown parameter in UserAttributes[0]: "constructor", must be one of: Name, Value.',
    ]);
  });

  it('reports what stops argparse once, not also the required parameters it never gets to check', () => {
    expect(kinds('aws cognito-idp admin-get-user --user-pool-id us-west-2_EXAMPLE --username')).toEqual(["invalid-parameter-value: '--username' expects a value."]);
    expect(kinds('aws cognito-idp list-users --generate-cli-skeleton bogus')).toEqual([
      "invalid-parameter-value: Invalid value 'bogus' for '--generate-cli-skeleton': choose from input, output, yaml-input.",
    ]);
    expect(kinds('aws cognito-idp list-users --cli-read-timeout abc')).toEqual(["invalid-parameter-value: '--cli-read-timeout' takes an integer, not 'abc'."]);
    expect(kinds('aws cognito-idp list-users --user-pool-id us-west-2_EXAMPLE --cli-read-timeout 0 --cli-error-format json')).toEqual([]);
    expect(kinds("aws cognito-idp list-users --user-pool-id us-west-2_EXAMPLE --query 'Users[?Enabled==`true`'")).toEqual([
      'invalid-parameter-value: Bad value for --query Users[?Enabled==`true`: Expected Rbracket, got: EOF',
    ]);
    expect(kinds("aws cognito-idp list-users --user-pool-id us-west-2_EXAMPLE --query 'Users[?Enabled==`true`].Attributes[] | [?Name==`email`].Value | [0]'")).toEqual([]);
    // An unquoted expression that bash splits at its blanks: one finding for it and the words split off it.
    expect(kinds('aws cognito-idp list-users --user-pool-id us-west-2_EXAMPLE --query Users[].[Username, UserStatus] --output text')).toEqual([
      "invalid-parameter-value: The --query expression 'Users[].[Username, UserStatus]' is not quoted: bash splits it at its blanks and the CLI refuses 'Users[].[Username,'; quote the whole expression.",
    ]);
  });

  it('knows help at the service and operation level, and an operation missing', () => {
    expect(kinds('aws cognito-idp help')).toEqual(["customization: 'aws cognito-idp help' prints the service's help page: there is no API call to check."]);
    expect(kinds('aws cognito-idp list-users help')).toEqual(["customization: 'aws cognito-idp list-users help' prints the command's help page: there is no API call to check."]);
    expect(kinds('aws cognito-idp')).toEqual(["unknown-operation: 'aws cognito-idp' names no operation: the AWS CLI prints its usage and fails."]);
  });

  it('reports missing required parameters unless --cli-input-json may hold them', () => {
    expect(kinds('aws cognito-idp list-users')).toEqual(["missing-required-parameter: Missing required parameter '--user-pool-id' for 'aws cognito-idp list-users'."]);
    expect(kinds('aws cognito-idp list-users --cli-input-json file://input.json')).toEqual([
      "missing-file: 'input.json' does not exist beside the document: its content is not checked.",
    ]);
    expect(kinds(`aws cognito-idp list-users --cli-input-json '{"UserPoolId": "us-west-2_EXAMPLE"}'`)).toEqual([]);
    expect(kinds(`aws cognito-idp list-users --cli-input-json '{"Limit": 3}'`)).toEqual([
      "missing-required-parameter: Missing required parameter '--user-pool-id' for 'aws cognito-idp list-users'.",
    ]);
  });

  it('checks enums as errors and lengths as warnings-kind constraints', () => {
    expect(kinds('aws cognito-idp respond-to-auth-challenge --client-id 1example23456789 --challenge-name NEW_PASSWORD')[0]).toMatch(
      /^invalid-parameter-value: Invalid value for parameter ChallengeName: 'NEW_PASSWORD', valid values: /,
    );
    expect(kinds('aws cognito-idp list-users --user-pool-id x')).toEqual([
      "constraint: Value for parameter UserPoolId ('x') does not match the pattern [\\w-]+_[0-9a-zA-Z]+.",
    ]);
    expect(kinds('aws cognito-idp list-users --user-pool-id us-west-2_EXAMPLE --limit 500')).toEqual([
      'constraint: Invalid value for parameter Limit, value: 500, valid max value: 60.',
    ]);
  });

  it('treats customizations and wait commands as such', () => {
    expect(translate('aws s3 cp a.txt s3://amzn-s3-demo-bucket/').customization).toBe('s3 cp');
    expect(kinds('aws configure set region us-west-2')).toEqual([
      "customization: 'aws configure set' is a CLI customization, not an API call: its input is not checked.",
    ]);
  });

  it('reports a duplicate parameter', () => {
    expect(kinds('aws cognito-idp list-users --user-pool-id us-west-2_A --user-pool-id us-west-2_B')).toEqual([
      "duplicate-parameter: '--user-pool-id' is given more than once: the CLI keeps only the last value.",
    ]);
  });

  it('reads booleans as --flag / --no-flag', () => {
    const base = 'aws cognito-idp create-user-pool-client --user-pool-id us-west-2_EXAMPLE --client-name app';
    expect(translate(`${base} --generate-secret`).input).toMatchObject({ GenerateSecret: true });
    expect(translate(`${base} --no-generate-secret`).input).toMatchObject({ GenerateSecret: false });
    expect(kinds(`${base} --generate-secret=true`)).toEqual(["invalid-parameter-value: '--generate-secret' takes no value."]);
  });
});

describe('member traits', () => {
  // s3's `Body` is a blob made `streaming` by its member reference, not by its shape: botocore's resolve_shape_ref merges the two.
  const streamingModel: ServiceModel = {
    cliName: 'demo',
    metadata: { apiVersion: '2020-01-01', endpointPrefix: 'demo', protocol: 'rest-xml', serviceId: 'Demo' },
    operations: { PutThing: { name: 'PutThing', input: { shape: 'PutThingRequest' } } },
    shapes: {
      PutThingRequest: { type: 'structure', members: { Body: { shape: 'Body', streaming: true }, Tag: { shape: 'Body' } } },
      Body: { type: 'blob' },
    },
    paginators: {},
    waiters: {},
  };
  const index: ModelIndex = { serviceNames: () => ['demo'], get: (name) => (name === 'demo' ? streamingModel : undefined), signature: () => 'test' };

  it('reads a blob made streaming by its member reference as a file path, and other blobs as base64', () => {
    const result = translateCommand(commandOf('aws demo put-thing --body part01 --tag part01'), { models: index, documentDir, treeRoot });
    expect(result.problems.map((problem) => `${problem.kind}: ${problem.message}`)).toEqual([
      "missing-file: 'part01' does not exist beside the document: its content is not checked.",
      "invalid-parameter-value: Invalid base64 for parameter Tag: 'part01' (AWS CLI v2 reads blobs as base64; add --cli-binary-format raw-in-base64-out for raw text).",
    ]);
  });
});

describe("ec2's top-level booleans (toplevelbool.py)", () => {
  const ec2Like = (cliName: string): ModelIndex => {
    const model: ServiceModel = {
      cliName,
      metadata: { apiVersion: '2016-11-15', endpointPrefix: 'ec2', protocol: 'ec2', serviceId: 'EC2' },
      operations: { ModifyThing: { name: 'ModifyThing', input: { shape: 'ModifyThingRequest' } } },
      shapes: {
        ModifyThingRequest: { type: 'structure', members: { SourceDestCheck: { shape: 'AttributeBooleanValue' } } },
        AttributeBooleanValue: { type: 'structure', members: { Value: { shape: 'Boolean' } } },
        Boolean: { type: 'boolean' },
      },
      paginators: {},
      waiters: {},
    };
    return { serviceNames: () => [cliName], get: (name) => (name === cliName ? model : undefined), signature: () => 'test' };
  };
  const run = (cliName: string, options: string) => translateCommand(commandOf(`aws ${cliName} modify-thing ${options}`), { models: ec2Like(cliName), documentDir, treeRoot });

  it('take --flag, --flag Value=false and --no-flag for a {"Value": boolean} structure', () => {
    expect(run('ec2', '--no-source-dest-check')).toMatchObject({ problems: [], input: { SourceDestCheck: { Value: false } } });
    expect(run('ec2', '--source-dest-check')).toMatchObject({ problems: [], input: { SourceDestCheck: { Value: true } } });
    expect(run('ec2', '--source-dest-check Value=false')).toMatchObject({ problems: [], input: { SourceDestCheck: { Value: false } } });
  });

  it('exist for ec2 only', () => {
    expect(run('demo', '--no-source-dest-check').problems.map((problem) => problem.kind)).toContain('unknown-parameter');
  });
});

describe('shorthand values (shorthand.py)', () => {
  const model: ServiceModel = {
    cliName: 'demo',
    metadata: { apiVersion: '2020-01-01', endpointPrefix: 'demo', protocol: 'json', serviceId: 'Demo' },
    operations: { PutThing: { name: 'PutThing', input: { shape: 'PutThingRequest' } } },
    shapes: {
      PutThingRequest: {
        type: 'structure',
        members: { Options: { shape: 'Options' }, Numbers: { shape: 'NumberList' }, Stacks: { shape: 'StackList' } },
      },
      Options: { type: 'structure', members: { Groups: { shape: 'NumberList' }, Description: { shape: 'Text' } } },
      NumberList: { type: 'list', member: { shape: 'NumberValue' } },
      NumberValue: { type: 'structure', members: { Value: { shape: 'Count' } } },
      StackList: { type: 'list', member: { shape: 'Stack' } },
      Stack: { type: 'structure', required: ['Name'], members: { Name: { shape: 'Text' }, Body: { shape: 'Text' } } },
      Count: { type: 'integer' },
      Text: { type: 'string' },
    },
    paginators: {},
    waiters: {},
  };
  const index: ModelIndex = { serviceNames: () => ['demo'], get: (name) => (name === 'demo' ? model : undefined), signature: () => 'test' };
  const run = (options: string) => translateCommand(commandOf(`aws demo put-thing ${options}`), { models: index, documentDir, treeRoot });

  it('read items of a list of one-member structures as written, nested or top-level', () => {
    expect(run('--options Groups=[{Value=14},{Value=15}] --numbers Value=1 Value=2')).toMatchObject({
      problems: [],
      input: { Options: { Groups: [{ Value: 14 }, { Value: 15 }] }, Numbers: [{ Value: 1 }, { Value: 2 }] },
    });
  });

  it('keep spaces inside values, as bash leaves them after quote removal', () => {
    expect(run(`--options Description='Two words'`)).toMatchObject({ problems: [], input: { Options: { Description: 'Two words' } } });
  });

  it('leave a value read with @= from a file unchecked', () => {
    expect(run('--stacks Name=a,Body@=file://a.yaml Name=b,Body@=file://b.yaml')).toMatchObject({ problems: [] });
  });
});

describe('paging options', () => {
  // cloudfront's operations carry a versioned wire name (`ListThings2020_05_31`); paginators are keyed by the operation.
  const model: ServiceModel = {
    cliName: 'demo',
    metadata: { apiVersion: '2020-05-31', endpointPrefix: 'demo', protocol: 'rest-xml', serviceId: 'Demo' },
    operations: { ListThings: { name: 'ListThings2020_05_31', input: { shape: 'ListThingsRequest' } } },
    shapes: {
      ListThingsRequest: { type: 'structure', members: { Marker: { shape: 'Text' }, MaxItems: { shape: 'Text' } } },
      Text: { type: 'string' },
    },
    paginators: { ListThings: { input_token: 'Marker', output_token: 'NextMarker', limit_key: 'MaxItems', result_key: 'Things' } },
    waiters: {},
  };
  const index: ModelIndex = { serviceNames: () => ['demo'], get: (name) => (name === 'demo' ? model : undefined), signature: () => 'test' };
  const run = (options: string) => translateCommand(commandOf(`aws demo list-things ${options}`), { models: index, documentDir, treeRoot });

  it('take --max-items as the CLI paging option even where the model has a MaxItems member', () => {
    expect(run('--max-items 3')).toMatchObject({ problems: [], output: { maxItems: true, paginated: true } });
    expect(run('--marker abc').output.paginated).toBe(false);
  });
});

describe('commands customizations add to a service with a model', () => {
  const bare = (cliName: string): ServiceModel => ({
    cliName,
    metadata: { apiVersion: '2020-01-01', endpointPrefix: cliName, protocol: 'json', serviceId: cliName },
    operations: {},
    shapes: {},
    paginators: {},
    waiters: {},
  });
  const index: ModelIndex = { serviceNames: () => ['dlm', 'ecs', 'emr-containers', 'rds'], get: bare, signature: () => 'test' };
  const run = (text: string) => translateCommand(commandOf(text), { models: index, documentDir, treeRoot });

  it.each([
    ['aws dlm create-default-role --resource-type snapshot', 'dlm create-default-role'],
    ['aws ecs monitor-express-gateway-service --service-arn arn:aws:ecs:us-east-1:123456789012:service/c/s', 'ecs monitor-express-gateway-service'],
    ['aws emr-containers delete-role-associations --cluster-name c --namespace n --role-name r', 'emr-containers delete-role-associations'],
    ['aws rds add-option-to-option-group --option-group-name g --options OptionName=MEMCACHED', 'rds add-option-to-option-group'],
  ])('%s is a customization', (text, customization) => {
    expect(run(text)).toMatchObject({ customization, problems: [{ kind: 'customization' }] });
  });
});

describe('argument values customizations read their own way', () => {
  const model: ServiceModel = {
    cliName: 'emr',
    metadata: { apiVersion: '2009-03-31', endpointPrefix: 'elasticmapreduce', protocol: 'json', serviceId: 'EMR' },
    operations: { AddTags: { name: 'AddTags', input: { shape: 'AddTagsInput' } } },
    shapes: {
      AddTagsInput: { type: 'structure', required: ['ResourceId', 'Tags'], members: { ResourceId: { shape: 'Text' }, Tags: { shape: 'TagList' } } },
      TagList: { type: 'list', member: { shape: 'Tag' } },
      Tag: { type: 'structure', members: { Key: { shape: 'Text' }, Value: { shape: 'Text' } } },
      Text: { type: 'string' },
    },
    paginators: {},
    waiters: {},
  };
  const index: ModelIndex = { serviceNames: () => ['emr'], get: (name) => (name === 'emr' ? model : undefined), signature: () => 'test' };

  it('emr add-tags takes key=value words as tags (addtags.py)', () => {
    const result = translateCommand(commandOf(`aws emr add-tags --resource-id j-1 --tags name="John Doe" age=29 flag`), { models: index, documentDir, treeRoot });
    expect(result).toMatchObject({
      problems: [],
      input: { ResourceId: 'j-1', Tags: [{ Key: 'name', Value: 'John Doe' }, { Key: 'age', Value: '29' }, { Key: 'flag', Value: '' }] },
    });
  });
});
