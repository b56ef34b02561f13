import { describe, expect, it } from 'vitest';
import { validateOutput } from '../../src/model/output.js';
import type { ServiceModel } from '../../src/model/types.js';

const model: ServiceModel = {
  cliName: 'demo',
  metadata: { apiVersion: '2020-01-01', endpointPrefix: 'demo', protocol: 'json', serviceId: 'Demo' },
  operations: {
    SignIn: { name: 'SignIn', output: { shape: 'SignInResponse' } },
    ListThings: { name: 'ListThings', output: { shape: 'ListThingsResponse' } },
    Forget: { name: 'Forget' },
  },
  shapes: {
    SignInResponse: {
      type: 'structure',
      required: ['Status'],
      members: {
        Status: { shape: 'Status' },
        AuthenticationResult: { shape: 'AuthenticationResult' },
        Created: { shape: 'Time' },
        Tags: { shape: 'Tags' },
        Choice: { shape: 'Choice' },
        Payload: { shape: 'Blob' },
      },
    },
    AuthenticationResult: {
      type: 'structure',
      members: { AccessToken: { shape: 'Token' }, ExpiresIn: { shape: 'Seconds' }, TokenType: { shape: 'Token' } },
    },
    Status: { type: 'string', enum: ['ACTIVE', 'DISABLED'] },
    Token: { type: 'string', min: 1, max: 8, pattern: '^[\\w\\-]+$' },
    Seconds: { type: 'integer', min: 0, max: 86400 },
    Time: { type: 'timestamp' },
    Blob: { type: 'blob' },
    Tags: { type: 'map', key: { shape: 'Token' }, value: { shape: 'Token' } },
    Choice: { type: 'structure', union: true, members: { A: { shape: 'Token' }, B: { shape: 'Token' } } },
    ListThingsResponse: { type: 'structure', members: { Things: { shape: 'Things' }, NextMarker: { shape: 'Token' } } },
    Things: { type: 'list', member: { shape: 'Token' }, max: 2 },
  },
  paginators: { ListThings: { input_token: 'Marker', output_token: 'NextMarker', result_key: 'Things' } },
  waiters: {},
};

describe('validateOutput', () => {
  it('accepts an output as the CLI v2 prints it', () => {
    expect(
      validateOutput(model, 'SignIn', {
        Status: 'ACTIVE',
        AuthenticationResult: { AccessToken: 'abc', ExpiresIn: 3600, TokenType: 'Bearer' },
        Created: '2024-01-31T12:00:00.123000+00:00',
        Tags: { team: 'docs' },
        Choice: { A: 'x' },
        Payload: 'aGVsbG8=',
      }),
    ).toEqual([]);
    expect(validateOutput(model, 'Forget', {})).toEqual([]);
  });

  it('reports keys named like what every object inherits (constructor, __proto__) as unknown', () => {
    const value = JSON.parse('{"Status": "ACTIVE", "constructor": 1, "__proto__": {"a": 1}, "AuthenticationResult": {"toString": "x"}}');
    expect(validateOutput(model, 'SignIn', value).map((problem) => `${problem.kind} ${problem.pointer}`)).toEqual([
      'unknown-key /constructor',
      'unknown-key /__proto__',
      'unknown-key /AuthenticationResult/toString',
    ]);
  });

  it('names an unknown key, lists the model members and suggests the closest', () => {
    expect(validateOutput(model, 'SignIn', { Status: 'ACTIVE', AuthenticationResult: { AccesToken: 'abc' } })).toEqual([
      {
        kind: 'unknown-key',
        pointer: '/AuthenticationResult/AccesToken',
        member: 'AccesToken',
        severity: 'error',
        message: "unknown key 'AccesToken' in AuthenticationResult: the model has AccessToken, ExpiresIn, TokenType (did you mean 'AccessToken'?)",
      },
    ]);
    expect(validateOutput(model, 'Forget', { Surprise: 1 })[0]?.message).toBe("unknown key 'Surprise' in the Forget output: the model has no members");
  });

  it('reports wrong types, enum values, missing required members and constraints', () => {
    const problems = validateOutput(model, 'SignIn', {
      AuthenticationResult: { ExpiresIn: '3600', AccessToken: 'far-too-long-token' },
      Status: 'ACTIV',
    });
    expect(problems.map(({ kind, pointer, severity }) => ({ kind, pointer, severity }))).toEqual([
      { kind: 'wrong-type', pointer: '/AuthenticationResult/ExpiresIn', severity: 'error' },
      { kind: 'constraint', pointer: '/AuthenticationResult/AccessToken', severity: 'warning' },
      { kind: 'enum', pointer: '/Status', severity: 'error' },
    ]);
    expect(problems[0]!.message).toBe(`'ExpiresIn' should be an integer, not the string "3600"`);
    expect(problems[2]!.message).toBe(`the string "ACTIV" is not a value of 'Status': the model allows ACTIVE, DISABLED (did you mean 'ACTIVE'?)`);
    expect(validateOutput(model, 'SignIn', {})).toEqual([
      { kind: 'missing-required', pointer: '', member: 'Status', severity: 'warning', message: "'Status' is required in the SignIn output but missing" },
    ]);
    expect(validateOutput(model, 'SignIn', { Status: 'ACTIVE', Choice: { A: 'x', B: 'y' }, Tags: { 'bad key!': 'v' } }).map((p) => p.pointer)).toEqual([
      '/Choice',
      '/Tags/bad key!',
    ]);
  });

  it('flags epoch timestamps as CLI v1 style and other strings as wrong', () => {
    expect(validateOutput(model, 'SignIn', { Status: 'ACTIVE', Created: 1706702400 })).toMatchObject([
      { kind: 'v1-timestamp', pointer: '/Created', severity: 'warning' },
    ]);
    expect(validateOutput(model, 'SignIn', { Status: 'ACTIVE', Created: 'yesterday' })).toMatchObject([{ kind: 'wrong-type', pointer: '/Created' }]);
  });

  it('expects merged pages: the page token only with --max-items, as NextToken', () => {
    const page = { Things: ['a', 'b'], NextMarker: 'm' };
    expect(validateOutput(model, 'ListThings', page)).toEqual([]);
    expect(validateOutput(model, 'ListThings', page, { paginated: true })).toMatchObject([{ kind: 'unknown-key', pointer: '/NextMarker', severity: 'warning' }]);
    expect(validateOutput(model, 'ListThings', { Things: ['a'], NextToken: 't' }, { paginated: true, maxItems: true })).toEqual([]);
    expect(validateOutput(model, 'ListThings', { Things: ['a'], NextToken: 't' }, { paginated: true })).toMatchObject([{ kind: 'unknown-key', pointer: '/NextToken' }]);
    expect(validateOutput(model, 'ListThings', { Things: ['a', 'b', 'c'] })).toMatchObject([{ kind: 'constraint', pointer: '/Things' }]);
  });

  it('accepts IAM policy documents decoded into objects, only for IAM', () => {
    const iam: ServiceModel = {
      ...model,
      cliName: 'iam',
      operations: { GetRole: { name: 'GetRole', output: { shape: 'Role' } } },
      shapes: { Role: { type: 'structure', members: { AssumeRolePolicyDocument: { shape: 'policyDocumentType' } } }, policyDocumentType: { type: 'string' } },
    };
    const document = { AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [] } };
    expect(validateOutput(iam, 'GetRole', document)).toEqual([]);
    expect(validateOutput({ ...iam, cliName: 'other' }, 'GetRole', document)).toMatchObject([{ kind: 'wrong-type' }]);
  });

  it('accepts a CloudFormation GetTemplate JSON TemplateBody decoded into an object, as botocore json_decode_template_body prints it', () => {
    const cloudformation: ServiceModel = {
      ...model,
      cliName: 'cloudformation',
      operations: { GetTemplate: { name: 'GetTemplate', output: { shape: 'GetTemplateOutput' } }, Other: { name: 'Other', output: { shape: 'GetTemplateOutput' } } },
      shapes: { GetTemplateOutput: { type: 'structure', members: { TemplateBody: { shape: 'TemplateBody' } } }, TemplateBody: { type: 'string', min: 1 } },
    };
    const template = { TemplateBody: { AWSTemplateFormatVersion: '2010-09-09', Resources: {} } };
    expect(validateOutput(cloudformation, 'GetTemplate', template)).toEqual([]);
    // A YAML template is not JSON: the CLI prints it as the string it is.
    expect(validateOutput(cloudformation, 'GetTemplate', { TemplateBody: 'Resources: {}\n' })).toEqual([]);
    expect(validateOutput(cloudformation, 'Other', template)).toMatchObject([{ kind: 'wrong-type', pointer: '/TemplateBody' }]);
  });

  it('accepts ec2 GetConsoleOutput Output as decoded text, as botocore decode_console_output prints it, and nothing else there', () => {
    const ec2: ServiceModel = {
      ...model,
      cliName: 'ec2',
      operations: { GetConsoleOutput: { name: 'GetConsoleOutput', output: { shape: 'GetConsoleOutputResult' } } },
      shapes: { GetConsoleOutputResult: { type: 'structure', members: { Output: { shape: 'String' }, InstanceId: { shape: 'String' } } }, String: { type: 'string' } },
    };
    expect(validateOutput(ec2, 'GetConsoleOutput', { InstanceId: 'i-1234567890abcdef0', Output: 'Linux version 5.10 (gcc)\r\nbooting...' })).toEqual([]);
    expect(validateOutput(ec2, 'GetConsoleOutput', { Output: { text: 'x' } })).toMatchObject([{ kind: 'wrong-type', pointer: '/Output' }]);
  });

  it('accepts any JSON in a document shape', () => {
    const withDocument: ServiceModel = {
      ...model,
      operations: { Describe: { name: 'Describe', output: { shape: 'DescribeResponse' } } },
      shapes: { DescribeResponse: { type: 'structure', members: { Options: { shape: 'Document' } } }, Document: { type: 'structure', members: {}, document: true } },
    };
    expect(validateOutput(withDocument, 'Describe', { Options: { anything: [1, { nested: true }] } })).toEqual([]);
    expect(validateOutput(withDocument, 'Describe', { Options: 'text' })).toEqual([]);
  });

  it('accepts null map values and list items, which botocore passes through, and warns of null structure members, which it drops', () => {
    const withMaps: ServiceModel = {
      ...model,
      operations: { Describe: { name: 'Describe', output: { shape: 'DescribeResponse' } } },
      shapes: {
        DescribeResponse: { type: 'structure', members: { Templates: { shape: 'Templates' }, Names: { shape: 'Names' }, Name: { shape: 'Name' } } },
        Templates: { type: 'map', key: { shape: 'Name' }, value: { shape: 'Name' } },
        Names: { type: 'list', member: { shape: 'Name' } },
        Name: { type: 'string' },
      },
    };
    expect(validateOutput(withMaps, 'Describe', { Templates: { 'application/json': null }, Names: ['a', null] })).toEqual([]);
    expect(validateOutput(withMaps, 'Describe', { Name: null })).toMatchObject([{ kind: 'null-member', pointer: '/Name', severity: 'warning' }]);
    const queryProtocol = { ...withMaps, metadata: { ...withMaps.metadata, protocol: 'query' } };
    expect(validateOutput(queryProtocol, 'Describe', { Templates: { 'application/json': null } })).toMatchObject([{ kind: 'wrong-type' }]);
  });

  it('accepts null members, and required members of the merged object missing, where the CLI merged pages, and only there', () => {
    const withPaginator: ServiceModel = {
      ...model,
      paginators: { ListThings: { input_token: 'Marker', output_token: 'NextMarker', result_key: 'Things', more_results: 'Truncated' } },
      shapes: {
        ...model.shapes,
        ListThingsResponse: { type: 'structure', required: ['Truncated'], members: { Things: { shape: 'Things' }, NextMarker: { shape: 'Token' }, Truncated: { shape: 'Flag' } } },
        Flag: { type: 'boolean' },
      },
    };
    expect(validateOutput(withPaginator, 'ListThings', { Things: null }, { paginated: true })).toEqual([]);
    expect(validateOutput(withPaginator, 'ListThings', { Things: null }).map((problem) => problem.kind)).toEqual(['null-member', 'missing-required']);
  });

  it('reports enum values the model does not list as warnings: services return values newer than the model', () => {
    expect(validateOutput(model, 'SignIn', { Status: 'SUSPENDED' })).toMatchObject([{ kind: 'enum', pointer: '/Status', severity: 'warning' }]);
    expect(validateOutput(model, 'SignIn', { Status: '' })).toMatchObject([{ kind: 'enum', severity: 'warning' }]);
    // A value that differs from a listed one only in case or separators is the service's spelling, not a typo.
    expect(validateOutput(model, 'SignIn', { Status: 'active' })).toMatchObject([{ kind: 'enum', severity: 'warning' }]);
    expect(validateOutput(model, 'SignIn', { Status: 'dis-abled' })).toMatchObject([{ kind: 'enum', severity: 'warning' }]);
    // One that differs in its separators alone is what the service prints (ACM's `RSA-2048` for `RSA_2048`): no finding.
    expect(validateOutput(model, 'SignIn', { Status: 'DIS-ABLED' })).toEqual([]);
  });
});
