import { describe, expect, test } from 'vitest';
import { secretsIn } from '../../src/model/secrets.js';

describe('secrets by member name', () => {
  test('values of members that hold secrets are secrets; members that name or describe one are not', () => {
    const found = new Set<string>();
    const input = {
      SecretId: 'prod/db-credentials',
      SecretArn: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf',
      SecretString: 'hunter2-value',
      ClientSecret: 'abc123xyz',
      SecretAccessKey: 'wJalrXUtn/K7MDENG',
      AccessKeyId: 'AKIAIOSFODNN7EXAMPLE',
      PasswordPolicy: { MinimumLength: 8 },
    };
    secretsIn(input, undefined, undefined, '', found);
    expect([...found].sort()).toEqual(['abc123xyz', 'hunter2-value', 'wJalrXUtn/K7MDENG']);
  });
});
