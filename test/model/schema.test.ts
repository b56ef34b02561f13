import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { embeddedSchemasDir, loadEmbeddedModel, loadModels } from '../../src/model/load.js';
import { validateOutput } from '../../src/model/output.js';
import { javaPatternToJs } from '../../src/model/patterns.js';
import { operationSchemaRef, serviceSchema } from '../../src/model/schema.js';
import { runSchemasCommand } from '../../src/model/schemas-command.js';
import { describeWithCorpus, modelsDir } from '../support/shared.js';

describe('javaPatternToJs', () => {
  it.each([
    ['^[a-z0-9]+$', '^[a-z0-9]+$'],
    ['[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+', '[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+'],
    ['\\p{Alnum}+', '[a-zA-Z0-9]+'],
    ['[\\p{Alpha}_]+', '[a-zA-Z_]+'],
    ['[\\w\\-\\_]+', '[\\w\\-_]+'],
    ['[\\w-_]*', '[\\w\\-_]*'],
    ['\\Aabc\\z', '^abc$'],
    ['a\\x{0022}b', 'a\\u{0022}b'],
    ['\\{year\\}/{month}', '\\{year\\}/\\{month\\}'],
    ['x{2,4}', 'x{2,4}'],
  ])('translates %s', (java, js) => {
    expect(javaPatternToJs(java)).toEqual({ pattern: js });
  });

  it.each([
    ['[\\p{Print}&&[^|:/]]+', 'character class intersection (&&)'],
    ['[a-z[0-9]]', 'nested character class (Java class union)'],
    ['a*+', 'possessive quantifier'],
    ['(?>a)', 'atomic group'],
    ['\\Qa.b\\E', 'Java-only escape \\Q'],
  ])('refuses %s', (java, reason) => {
    expect(javaPatternToJs(java)).toEqual({ reason });
  });

  it('gives a pattern JavaScript compiles, or a reason, for any input', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'ab-_[]{}()\\^$|*+?.,:/pPLxQ0123'.split('')) }), (java) => {
        const translation = javaPatternToJs(java);
        if ('pattern' in translation) expect(() => new RegExp(translation.pattern, 'u')).not.toThrow();
        else expect(translation.reason.length).toBeGreaterThan(0);
      }),
    );
  });
});

describe('the embedded cognito-idp schema', () => {
  const model = loadEmbeddedModel('cognito-idp')!;
  const schema = JSON.parse(readFileSync(path.join(embeddedSchemasDir(), 'cognito-idp.schema.json'), 'utf8'));
  const ajv = new Ajv2020({ allErrors: true, strict: false, validateSchema: true, formats: { 'date-time': /^\d{4}-\d{2}-\d{2}(?:[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:[Zz]|[+-]\d{2}(?::?\d{2})?)?)?$/ } });
  ajv.addSchema(schema);

  it('is the schema generated from the embedded model, carries no documentation, and compiles with ajv', () => {
    expect(serviceSchema(model).schema).toEqual(schema);
    expect(JSON.stringify(schema)).not.toMatch(/"documentation"/);
    const validate = ajv.compile({ $ref: operationSchemaRef('cognito-idp', 'InitiateAuth', 'output') });
    expect(validate({ AuthenticationResult: { AccessToken: 'a', ExpiresIn: 3600, TokenType: 'Bearer' } })).toBe(true);
    expect(validate({ AuthenticationResult: { AccessToken: 'a', ExpiresIn: '3600' } })).toBe(false);
    expect(validate({ ChallengeName: 'NOT_A_CHALLENGE' })).toBe(false);
  });

  it('keeps what the translator needs: member types, required, enums, sensitivity, paginators', () => {
    expect(model.shapes.InitiateAuthRequest?.required).toEqual(['AuthFlow', 'ClientId']);
    expect(model.shapes.InitiateAuthRequest?.members?.AuthFlow?.shape).toBe('AuthFlowType');
    expect(model.shapes.AuthFlowType?.enum).toContain('USER_PASSWORD_AUTH');
    expect(model.shapes.PasswordType?.sensitive).toBe(true);
    expect(schema.$defs.PasswordType['x-sensitive']).toBe(true);
    expect(model.paginators.ListUsers?.output_token).toBe('PaginationToken');
  });

  it('agrees with validateOutput on generated outputs of every operation', () => {
    const operations = Object.keys(model.operations).filter((name) => model.operations[name]!.output);
    const sample = fc.oneof(fc.constant('2024-01-31T12:00:00+00:00'), fc.constant('SMS_MFA'), fc.string({ maxLength: 4 }), fc.integer({ min: -2, max: 5000 }), fc.boolean(), fc.constant(null), fc.constant({}), fc.constant([]));
    const output = fc.constantFrom(...operations).chain((operation) => {
      const members = Object.keys(model.shapes[model.operations[operation]!.output!.shape]?.members ?? {});
      return fc.tuple(fc.constant(operation), fc.dictionary(fc.constantFrom(...members, 'Unknown'), sample, { maxKeys: 4 }));
    });
    fc.assert(
      fc.property(output, ([operation, value]) => {
        const validate = ajv.getSchema(operationSchemaRef('cognito-idp', operation, 'output'))!;
        expect(validate(value)).toBe(validateOutput(model, operation, value).length === 0);
      }),
      { numRuns: 500 },
    );
  });
});

describeWithCorpus('schemas generated from ../shared', () => {
  it('regenerate the committed cognito-idp files exactly', () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'docs-harness-schemas-'));
    try {
      const summary = runSchemasCommand({ service: 'cognito-idp', models: modelsDir, out });
      expect(summary.lines[0]).toMatch(/^cognito-idp: \d+ operations, \d+ shapes/);
      for (const name of ['cognito-idp.schema.json', 'cognito-idp.model.json']) {
        expect(readFileSync(path.join(out, name), 'utf8'), name).toBe(readFileSync(path.join(embeddedSchemasDir(), name), 'utf8'));
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('compile with ajv for a large service', () => {
    const ec2 = loadModels(modelsDir).get('ec2')!;
    const ajv = new Ajv2020({ strict: false, validateSchema: false, formats: { 'date-time': true } });
    ajv.addSchema(serviceSchema(ec2).schema);
    expect(ajv.getSchema(operationSchemaRef('ec2', 'DescribeInstances', 'output'))!({ Reservations: [] })).toBe(true);
  });
});
