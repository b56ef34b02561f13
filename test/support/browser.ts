import { existsSync } from 'node:fs';
import { describe } from 'vitest';

/**
 * The system's Chromium (Debian's `chromium`, which `.ci/run` installs), driven through the DevTools protocol by
 * puppeteer-core: `CHROMIUM_PATH` names another one.
 */
export const chromiumPath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find(
  (candidate): candidate is string => Boolean(candidate) && existsSync(candidate!),
);

/** A describe block that needs a browser: skipped, with a message saying why, where there is none. */
export function describeWithBrowser(name: string, body: () => void): void {
  if (!chromiumPath) {
    console.warn(`[docs-harness tests] SKIPPED "${name}": no Chromium found (install Debian's chromium, or set CHROMIUM_PATH).`);
  }
  describe.skipIf(!chromiumPath)(name, body);
}
