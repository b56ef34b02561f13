import { describe, expect, it } from 'vitest';
import { unpackArgument, usesOldListCase } from '../../src/model/input/values.js';
import type { ServiceModel } from '../../src/model/types.js';

function modelFor(serviceId: string): ServiceModel {
  return {
    cliName: 'demo',
    metadata: { apiVersion: '2020-01-01', endpointPrefix: 'demo', protocol: 'query', serviceId },
    operations: { RemoveTags: { name: 'RemoveTags', input: { shape: 'RemoveTagsInput' } } },
    shapes: {
      RemoveTagsInput: { type: 'structure', members: { Tags: { shape: 'TagKeyList' } } },
      TagKeyList: { type: 'list', member: { shape: 'TagKeyOnly' } },
      TagKeyOnly: { type: 'structure', members: { Key: { shape: 'TagKey' } } },
      TagKey: { type: 'string' },
    },
    paginators: {},
    waiters: {},
  };
}

function unpack(model: ServiceModel, words: string[]) {
  const reports: string[] = [];
  const context = {
    model,
    binaryFormat: 'base64',
    report: (_kind: string, message: string) => reports.push(message),
    oldListCase: usesOldListCase(model, 'remove-tags', 'tags'),
  };
  return { value: unpackArgument({ shape: 'TagKeyList' }, words, context, '--tags'), reports };
}

describe("argprocess.py's old list case", () => {
  it('takes bare words for the listed arguments, by hyphenized service id', () => {
    expect(unpack(modelFor('Elastic Load Balancing'), ['project', 'team'])).toEqual({ value: [{ Key: 'project' }, { Key: 'team' }], reports: [] });
  });

  it('still parses JSON there, and shorthand elsewhere', () => {
    expect(unpack(modelFor('Elastic Load Balancing'), ['[{"Key": "project"}]']).value).toEqual([{ Key: 'project' }]);
    const elsewhere = unpack(modelFor('Elastic Load Balancing v2'), ['project']);
    expect(elsewhere.value).toBeUndefined();
    expect(elsewhere.reports[0]).toMatch(/Error parsing parameter '--tags'/);
    expect(usesOldListCase(modelFor('Elastic Load Balancing'), 'add-tags', 'tags')).toBe(false);
  });
});
