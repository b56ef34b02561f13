import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { describe } from 'vitest';

/** `../shared` beside the checkout: the aws-cli corpus and models. Never written to, never copied from. */
export const sharedDir = path.resolve(fileURLToPath(new URL('../../../shared', import.meta.url)));
export const corpusDir = path.join(sharedDir, 'corpus/aws-cli/examples');
export const modelsDir = path.join(sharedDir, 'corpus/aws-cli/botocore-data');
export const seedsDir = path.join(sharedDir, 'seeds');
export const hasCorpus = existsSync(corpusDir) && existsSync(modelsDir);

/** A describe block that needs ../shared: skipped, with a message saying why, where it is absent. */
export function describeWithCorpus(name: string, body: () => void): void {
  if (!hasCorpus) {
    console.warn(`[docs-harness tests] SKIPPED "${name}": ../shared/corpus is absent (${sharedDir}).`);
  }
  describe.skipIf(!hasCorpus)(name, body);
}
