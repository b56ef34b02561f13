import { chmodSync } from 'node:fs';
import path from 'node:path';
import { writeUnder } from './scratch.js';

// Fake botocore installs for the model discovery tests (#11.11): nothing of a real model is copied.

/** A one-operation botocore model: `aws demo get-thing --name N`. */
export const demoModel = JSON.stringify({
  metadata: { apiVersion: '2020-01-01', endpointPrefix: 'demo', protocol: 'json', serviceId: 'Demo', jsonVersion: '1.1', targetPrefix: 'Demo' },
  operations: { GetThing: { name: 'GetThing', http: { method: 'POST', requestUri: '/' }, input: { shape: 'GetThingRequest' } } },
  shapes: { GetThingRequest: { type: 'structure', required: ['Name'], members: { Name: { shape: 'String' } } }, String: { type: 'string' } },
});

/** botocore data (`<service>/<api-version>/service-2.json`) at `dataDir` under `root`; returns its absolute path. */
export function layData(root: string, dataDir: string): string {
  writeUnder(root, `${dataDir}/demo/2020-01-01/service-2.json`, demoModel);
  return path.join(root, dataDir);
}

/** An executable script at `relative` under `root`. */
export function layScript(root: string, relative: string, body: string): string {
  const file = writeUnder(root, relative, `#!/bin/sh\n${body}\n`);
  chmodSync(file, 0o755);
  return file;
}

