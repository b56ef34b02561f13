import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { botocoreServiceName, cliServiceName, operationApiName, operationCliName, xformName } from '../../src/model/names.js';

describe('xformName (botocore xform_name)', () => {
  // Cases from botocore's own tests (tests/unit/test_utils.py, TestTransformName) and the docs.
  const cases: Array<[string, '-' | '_', string]> = [
    ['UpperCamelCase', '_', 'upper_camel_case'],
    ['UpperCamelCase', '-', 'upper-camel-case'],
    ['lowerCamelCase', '_', 'lower_camel_case'],
    ['lowerCamelCase', '-', 'lower-camel-case'],
    ['HTTPHeaders', '_', 'http_headers'],
    ['HTTPHeaders', '-', 'http-headers'],
    ['MainHTTPHeaders', '_', 'main_http_headers'],
    ['MainHTTPHeaders', '-', 'main-http-headers'],
    ['S3BucketName', '_', 's3_bucket_name'],
    ['leave_alone', '_', 'leave_alone'],
    ['s3_bucket_name', '_', 's3_bucket_name'],
    ['bucket_s3_name', '_', 'bucket_s3_name'],
    ['SwapEnvironmentCNAMEs', '_', 'swap_environment_cnames'],
    ['SwapEnvironmentCNAMEs', '-', 'swap-environment-cnames'],
    ['CreateCachediSCSIVolume', '-', 'create-cached-iscsi-volume'],
    ['CreateCachediSCSIVolume', '_', 'create_cached_iscsi_volume'],
    ['DescribeCachediSCSIVolumes', '-', 'describe-cached-iscsi-volumes'],
    ['DescribeStorediSCSIVolumes', '-', 'describe-stored-iscsi-volumes'],
    ['CreateStorediSCSIVolume', '-', 'create-stored-iscsi-volume'],
    ['sourceServerIDs', '-', 'source-server-ids'],
    ['GatewayARNs', '-', 'gateway-arns'],
    ['GatewayCRNs', '-', 'gateway-crns'],
    ['ListWebACLs', '-', 'list-web-acls'],
    ['ExecutePartiQLStatement', '-', 'execute-partiql-statement'],
    ['AllowedOAuthFlows', '-', 'allowed-o-auth-flows'],
    ['DBInstanceIdentifier', '-', 'db-instance-identifier'],
    ['RespondToAuthChallenge', '-', 'respond-to-auth-challenge'],
    ['Ipv6Address', '-', 'ipv6-address'],
    // botocore's plural special case puts its separator first even when nothing stands before the acronym.
    ['UPs', '-', '-ups'],
  ];
  it.each(cases)('%s with %s → %s', (name, sep, expected) => {
    expect(xformName(name, sep)).toBe(expected);
  });

  const identifier = fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,30}$/);

  it('gives lower-case words of letters and digits joined by single separators', () => {
    fc.assert(
      // Except a name that is all one plural acronym (`UPs`), as above.
      fc.property(identifier.filter((name) => !/^[A-Z]{2,}s$/.test(name)), (name) => {
        expect(xformName(name, '-')).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      }),
    );
  });

  it('only inserts separators: removing them gives the lower-cased name', () => {
    fc.assert(
      fc.property(identifier, (name) => {
        expect(xformName(name, '-').replaceAll('-', '')).toBe(name.toLowerCase());
      }),
    );
  });

  it('is idempotent and agrees between separators', () => {
    fc.assert(
      fc.property(identifier, (name) => {
        const dashed = xformName(name, '-');
        expect(xformName(dashed, '-')).toBe(dashed);
        expect(xformName(name, '_')).toBe(dashed.replaceAll('-', '_'));
      }),
    );
  });
});

describe('service and operation names', () => {
  it('renames the botocore folders the CLI renames, and back', () => {
    expect(cliServiceName('s3')).toBe('s3api');
    expect(cliServiceName('config')).toBe('configservice');
    expect(cliServiceName('codedeploy')).toBe('deploy');
    expect(cliServiceName('cognito-idp')).toBe('cognito-idp');
    for (const name of ['s3', 'config', 'codedeploy', 'ec2']) expect(botocoreServiceName(cliServiceName(name))).toBe(name);
  });

  it('maps CLI operation names to API names', () => {
    const operations = { InitiateAuth: {}, ListWebACLs: {}, AdminGetUser: {} };
    expect(operationCliName('InitiateAuth')).toBe('initiate-auth');
    expect(operationApiName(operations, 'list-web-acls')).toBe('ListWebACLs');
    expect(operationApiName(operations, 'admin-get-user')).toBe('AdminGetUser');
    expect(operationApiName(operations, 'admin-get-users')).toBeUndefined();
    // Same letters, other words: only the name the CLI derives is found.
    expect(operationApiName(operations, 'initiateauth')).toBeUndefined();
    expect(operationApiName(operations, 'initi-ate-auth')).toBeUndefined();
  });

  it('finds every operation by its CLI name, and no name the CLI does not derive', () => {
    const apiName = fc.stringMatching(/^[A-Z][A-Za-z0-9]{0,24}$/);
    fc.assert(
      fc.property(fc.uniqueArray(apiName, { minLength: 1, maxLength: 12 }), fc.string({ maxLength: 30 }), (names, written) => {
        const operations = Object.fromEntries(names.map((name) => [name, {}]));
        // The look-up agrees with a table of every operation's CLI name (the last one wins where two names derive the same).
        const table = new Map(names.map((name) => [operationCliName(name), name]));
        for (const cliName of [...table.keys(), written]) expect(operationApiName(operations, cliName)).toBe(table.get(cliName));
      }),
    );
  });
});
