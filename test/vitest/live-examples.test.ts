// registerExampleTests with a live target: cognito-local starts in beforeAll and stops in afterAll.
import { fileURLToPath } from 'node:url';
import { registerExampleTests } from '../../src/vitest.js';

await registerExampleTests(fileURLToPath(new URL('../../examples', import.meta.url)), { target: 'cognito-local' });
