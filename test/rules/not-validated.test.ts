import { describe, expect, it } from 'vitest';
import type { Example } from '../../src/examples/types.js';
import type { CommandTranslation } from '../../src/model/input/types.js';
import type { ServiceModel } from '../../src/model/types.js';
import { outputNotValidatedReason } from '../../src/rules/not-validated.js';

const example = { outputs: [] } as unknown as Example;

function translation(model: ServiceModel, operationName: string): CommandTranslation {
  return { model, operationName, problems: [], arguments: [], output: { format: 'json', maxItems: false, paginated: false } };
}

function model(cliName: string, operation: string, output: ServiceModel['shapes']): ServiceModel {
  return {
    cliName,
    metadata: { apiVersion: '1', endpointPrefix: cliName, protocol: 'rest-json', serviceId: cliName },
    operations: { [operation]: { name: operation, output: { shape: 'Out' } } },
    shapes: output,
    paginators: {},
    waiters: {},
  };
}

describe('outputs that are not the API response', () => {
  it('a response that is only a blob payload is the outfile, not checked', () => {
    const blobOnly = model('iot-data', 'GetThingShadow', { Out: { type: 'structure', payload: 'payload', members: { payload: { shape: 'Blob' } } }, Blob: { type: 'blob' } });
    expect(outputNotValidatedReason(translation(blobOnly, 'GetThingShadow'), example, 0)).toMatch(/outfile/);
  });

  it('a blob payload beside other members is still checked (the CLI prints the others)', () => {
    const withHeaders = model('s3api', 'GetObject', {
      Out: { type: 'structure', payload: 'Body', members: { Body: { shape: 'Blob' }, ETag: { shape: 'S' } } },
      Blob: { type: 'blob' },
      S: { type: 'string' },
    });
    expect(outputNotValidatedReason(translation(withHeaders, 'GetObject'), example, 0)).toBeUndefined();
  });

  it('an output the CLI rewrites is not checked', () => {
    const pipeline = model('datapipeline', 'GetPipelineDefinition', { Out: { type: 'structure', members: {} } });
    expect(outputNotValidatedReason(translation(pipeline, 'GetPipelineDefinition'), example, 0)).toMatch(/pipeline definition file format/);
  });
});
