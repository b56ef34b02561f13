import { describe, expect, it } from 'vitest';
import type { Example } from '../../src/examples/types.js';
import type { CommandTranslation } from '../../src/model/input/types.js';
import type { ServiceModel } from '../../src/model/types.js';
import { outputNotValidatedReason } from '../../src/rules/not-validated.js';

const example = { outputs: [], commands: [] } as unknown as Example;

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

  it('beside a blob payload, a block none of whose keys the CLI prints is the outfile; one that shares a key is the response', () => {
    const invoke = model('lambda', 'Invoke', {
      Out: { type: 'structure', payload: 'Payload', members: { Payload: { shape: 'Blob' }, StatusCode: { shape: 'I' } } },
      Blob: { type: 'blob' },
      I: { type: 'integer' },
    });
    const documented = (value: unknown, raw = JSON.stringify(value)) => ({ outputs: [{ commandIndex: 0, kind: 'json', value, raw }], commands: [] }) as unknown as Example;
    expect(outputNotValidatedReason(translation(invoke, 'Invoke'), documented({ statusCode: 200, body: 'ok' }), 0)).toMatch(/writes its payload to a file/);
    // JSON that does not parse: none of the printed keys stands quoted in it, or one does.
    expect(outputNotValidatedReason(translation(invoke, 'Invoke'), documented(undefined, '{\n  "state": "error\n  still"\n}'), 0)).toMatch(/writes its payload to a file/);
    expect(outputNotValidatedReason(translation(invoke, 'Invoke'), documented(undefined, '{\n  "StatusCode": 200,\n}'), 0)).toBeUndefined();
    expect(outputNotValidatedReason(translation(invoke, 'Invoke'), documented({ StatusCode: 200, extra: 1 }), 0)).toBeUndefined();
    expect(outputNotValidatedReason(translation(invoke, 'Invoke'), documented({}), 0)).toBeUndefined();
  });

  it('an output the CLI rewrites is not checked', () => {
    const pipeline = model('datapipeline', 'GetPipelineDefinition', { Out: { type: 'structure', members: {} } });
    expect(outputNotValidatedReason(translation(pipeline, 'GetPipelineDefinition'), example, 0)).toMatch(/pipeline definition file format/);
  });
});

describe('outputs of another command', () => {
  const tags = model('datapipeline', 'AddTags', { Out: { type: 'structure', members: {} } });
  tags.operations.DescribePipelines = { name: 'DescribePipelines' };
  const introduced = (introducer: string) => ({ outputs: [{ kind: 'json', commandIndex: 0, introducer }], commands: [] }) as unknown as Example;

  it('a block its sentence calls the output of another operation of the service is not checked', () => {
    expect(outputNotValidatedReason(translation(tags, 'AddTags'), introduced('The tags then appear in the output for describe-pipelines:'), 0)).toBe(
      'the block is the output of describe-pipelines, another command, and is not schema-checked',
    );
  });

  it('the output of the command itself, a name that is no operation, or an earlier sentence leave it checked', () => {
    for (const introducer of [
      'The output of the ``add-tags`` command:',
      'The output for the add-tagz command looks like the following:',
      'Use the output of describe-pipelines for this. Output:',
    ]) {
      expect(outputNotValidatedReason(translation(tags, 'AddTags'), introduced(introducer), 0)).toBeUndefined();
    }
  });
});
