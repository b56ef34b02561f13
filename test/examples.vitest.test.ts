// Our own examples as one vitest test per example: `npm test` fails on any error-level finding in them.
import { fileURLToPath } from 'node:url';
import { registerExampleTests } from '../src/vitest.js';

await registerExampleTests(fileURLToPath(new URL('../examples', import.meta.url)), { target: 'mock' });
