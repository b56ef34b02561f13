import { readdirSync } from 'node:fs';
import { expect, it } from 'vitest';
import { knownCliServices } from '../../src/model/cli-services.js';
import { loadModels } from '../../src/model/load.js';
import { describeWithCorpus, modelsDir } from '../support/shared.js';

describeWithCorpus('the list of CLI services shipped for runs without --models', () => {
  it('names exactly the services of the models folder it was made from', () => {
    expect([...knownCliServices()].sort()).toEqual(loadModels(modelsDir).serviceNames().sort());
    expect(readdirSync(modelsDir).length).toBeGreaterThan(400);
  });
});
