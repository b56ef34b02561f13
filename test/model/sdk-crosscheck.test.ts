import * as cognito from '@aws-sdk/client-cognito-identity-provider';
import { NormalizedSchema } from '@smithy/core/schema';
import { expect, it } from 'vitest';
import { loadEmbeddedModel } from '../../src/model/load.js';
import type { ServiceModel } from '../../src/model/types.js';
import { describeWithCorpus } from '../support/shared.js';

type Members = { names: string[]; required: string[] };

/** Member names and required members of an SDK runtime schema (the first `requiredCount` members are required). */
function sdkMembers(schemaRef: unknown): Members {
  const schema = NormalizedSchema.of(schemaRef as Parameters<typeof NormalizedSchema.of>[0]);
  if (!schema.isStructSchema()) return { names: [], required: [] };
  const names = [...schema.structIterator()].map(([name]) => name);
  const requiredCount = ((schema.getSchema() as unknown[])[6] as number | undefined) ?? 0;
  return { names: [...names].sort(), required: names.slice(0, requiredCount).sort() };
}

function modelMembers(model: ServiceModel, shapeName: string | undefined): Members {
  const shape = shapeName === undefined ? undefined : model.shapes[shapeName];
  return { names: Object.keys(shape?.members ?? {}).sort(), required: [...(shape?.required ?? [])].sort() };
}

// The embedded model is regenerated from ../shared and compared byte for byte in schema.test.ts.
describeWithCorpus('cognito-idp model against the SDK runtime schemas', () => {
  it('has the same member names and required members for every operation input and output', () => {
    const model = loadEmbeddedModel('cognito-idp')!;
    const sdkOperations = Object.entries(cognito as Record<string, unknown>).filter(
      (entry): entry is [string, unknown[]] => entry[0].endsWith('$') && Array.isArray(entry[1]) && entry[1][0] === 9,
    );
    expect(sdkOperations.length).toBeGreaterThan(100);
    const missingFromModel: string[] = [];
    const newerSdkMembers: string[] = [];
    let compared = 0;
    for (const [, operation] of sdkOperations) {
      const name = operation[2] as string;
      const modelOperation = model.operations[name];
      if (!modelOperation) {
        missingFromModel.push(name);
        continue;
      }
      const input = operation[4] as () => unknown;
      const output = operation[5] as () => unknown;
      for (const [direction, shapeName, schemaRef] of [
        ['input', modelOperation.input?.shape, input],
        ['output', modelOperation.output?.shape, output],
      ] as const) {
        const ours = modelMembers(model, shapeName);
        const sdk = sdkMembers(schemaRef);
        // The SDK may be newer than the models: members it adds are reported; anything else is a real disagreement.
        const newInSdk = sdk.names.filter((member) => !ours.names.includes(member));
        if (newInSdk.length > 0) newerSdkMembers.push(`${name} ${direction}: ${newInSdk.join(', ')}`);
        const sdkShared = { names: sdk.names.filter((member) => ours.names.includes(member)), required: sdk.required.filter((member) => ours.names.includes(member)) };
        expect({ name, direction, ...ours }).toEqual({ name, direction, ...sdkShared });
      }
      compared++;
    }
    if (missingFromModel.length > 0) {
      console.info(`[model] operations the SDK has that the botocore model lacks: ${missingFromModel.join(', ')}`);
    }
    if (newerSdkMembers.length > 0) console.info(`[model] members only the SDK has: ${newerSdkMembers.join('; ')}`);
    expect(compared).toBe(Object.keys(model.operations).length);
  });
});
