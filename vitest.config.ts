import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/tmpdir-guard.ts', 'test/support/build-once.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // The SDK warns that its releases after January 2027 need Node 22; the lockfile pins ours.
    // Results must not depend on the botocore installs of the machine: model discovery is off except where a test
    // turns it on (test/model/discover.test.ts, test/cli/models.test.ts).
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', DOCS_HARNESS_DISCOVERY: 'off' },
  },
});
