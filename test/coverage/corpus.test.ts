import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import type { CoverageReport } from '../../src/coverage/index.js';
import { runCli } from '../cli/run-cli.js';
import { corpusDir, describeWithCorpus, modelsDir } from '../support/shared.js';

// An independent count, from the raw files: every line that starts an `aws <service> <operation>` command in an
// example file, against the operation names of each service's newest botocore model. Names are compared with their
// dashes dropped and lowercased (`admin-create-user` ~ `AdminCreateUser`), so neither the harness's reader nor its
// name conversion is used here.

/** Botocore folders the CLI names differently (the corpus README says so). */
const CLI_NAMES: Record<string, string> = { s3: 's3api', config: 'configservice', codedeploy: 'deploy' };
const VALUED_GLOBALS = '--(?:region|profile|output|endpoint-url|cli-read-timeout|cli-connect-timeout|color|ca-bundle|query)\\s+\\S+';
const FLAG_GLOBALS = '--(?:debug|no-verify-ssl|no-paginate|no-sign-request|no-cli-pager)';
const GLOBALS = `(?:(?:${VALUED_GLOBALS}|${FLAG_GLOBALS})\\s+)*`;
const COMMAND_LINE = new RegExp(`^\\s*(?:\\$\\s+)?aws\\s+${GLOBALS}([a-z][a-z0-9.-]*)\\s+${GLOBALS}([a-z][a-z0-9-]*)`);

const squashed = (name: string) => name.replaceAll('-', '').toLowerCase();

/** Service (CLI name) → the operations command lines name, squashed. */
function scanCommands(): Map<string, Set<string>> {
  const used = new Map<string, Set<string>>();
  for (const entry of readdirSync(corpusDir, { recursive: true, withFileTypes: true })) {
    // Names with `_` are descriptions, not examples (the corpus README).
    if (!entry.isFile() || !entry.name.endsWith('.rst') || entry.name.includes('_')) continue;
    for (const line of readFileSync(path.join(entry.parentPath, entry.name), 'utf8').split(/\r?\n/)) {
      const match = COMMAND_LINE.exec(line);
      if (!match) continue;
      const operations = used.get(match[1]!) ?? new Set<string>();
      operations.add(squashed(match[2]!));
      used.set(match[1]!, operations);
    }
  }
  return used;
}

/** Service (CLI name) → the operation names of its newest model. */
function modelOperations(): Map<string, string[]> {
  const operations = new Map<string, string[]>();
  for (const folder of readdirSync(modelsDir)) {
    for (const version of readdirSync(path.join(modelsDir, folder)).sort().reverse()) {
      const file = ['service-2.json.gz', 'service-2.json'].map((name) => path.join(modelsDir, folder, version, name)).find((candidate) => existsSync(candidate));
      if (!file) continue;
      const bytes = readFileSync(file);
      const model = JSON.parse((file.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8')) as { operations: Record<string, unknown> };
      operations.set(CLI_NAMES[folder] ?? folder, Object.keys(model.operations));
      break;
    }
  }
  return operations;
}

describeWithCorpus('coverage of the aws-cli corpus', () => {
  it('agrees, service by service, with an independent count from the raw files', { timeout: 240_000 }, async () => {
    const { code, stdout, stderr } = await runCli(['coverage', corpusDir, '--models', modelsDir, '--format', 'json']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const report = JSON.parse(stdout) as CoverageReport;

    const used = scanCommands();
    const models = modelOperations();
    const expected = new Map<string, { operations: number; covered: string[] }>();
    for (const [service, scanned] of used) {
      const operations = models.get(service);
      if (operations) expected.set(service, { operations: operations.length, covered: operations.filter((name) => scanned.has(name.toLowerCase())).map(squashed).sort() });
    }
    const reported = new Map(report.services.map((service) => [service.service, { operations: service.operations, covered: service.covered.map(squashed).sort() }]));
    expect(Object.fromEntries(reported)).toEqual(Object.fromEntries(expected));

    const covered = [...expected.values()].reduce((sum, service) => sum + service.covered.length, 0);
    const operations = [...expected.values()].reduce((sum, service) => sum + service.operations, 0);
    expect(report.totals).toMatchObject({ services: expected.size, operations, covered });
    // Every operation of a service is either covered or uncovered, once.
    for (const service of report.services) expect(new Set([...service.covered, ...service.uncovered]).size).toBe(service.operations);
  });
});
