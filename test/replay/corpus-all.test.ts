import { readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { loadModels } from '../../src/model/load.js';
import { analyzeFile } from '../../src/pipeline.js';
import { genericProtocol } from '../../src/replay/generic/client.js';
import type { ReplayResult } from '../../src/replay/types.js';
import { allRules } from '../../src/rules/index.js';
import type { Finding } from '../../src/rules/types.js';
import { corpusDir, describeWithCorpus, modelsDir } from '../support/shared.js';
import { recordingReplay } from './recording.js';

interface Replayed {
  protocol: string;
  result: ReplayResult;
}

/**
 * Disagreements replay finds that `check` cannot see, each a real defect of the document or a real limit of the
 * SDK, said here with its reason. Anything else replay finds must be found by `check` too.
 */
const explained: Array<{ message: RegExp; why: string }> = [
  {
    message: /\(not the base64 the CLI prints for bytes\)/,
    why: 'a blob documented as a placeholder or a cut value ("<HMAC_TAG>", "...EXAMPLE"): the CLI prints bytes as base64, and the SDK refuses to read it',
  },
];

/** `check`'s pointers name every item of a list with `*` and are said once for all of them. */
function pointerPattern(pointer: string): RegExp {
  return new RegExp(`^${pointer.split('/').map((segment) => (segment === '*' ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('/')}(/|$)`);
}

describeWithCorpus('replay over the whole corpus', () => {
  const replayed: Replayed[] = [];
  const findings: Array<Finding & { file: string }> = [];

  beforeAll(async () => {
    const models = loadModels(modelsDir);
    const services = readdirSync(corpusDir, { withFileTypes: true }).filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'));
    for (const service of services) {
      const folder = path.join(corpusDir, service.name);
      for (const file of readdirSync(folder).filter((name) => name.endsWith('.rst')).sort()) {
        const extend = recordingReplay(({ command, example, result, context }) => {
          const translation = context.translation(command, example);
          if (!translation?.model || !translation.operationName || translation.customization) return;
          const chosen = genericProtocol(translation.model);
          replayed.push({ protocol: 'protocol' in chosen ? chosen.protocol : chosen.unsupported, result });
        });
        const result = await analyzeFile(path.join(folder, file), { rules: allRules, models, treeRoot: corpusDir, extend });
        findings.push(...result.findings.map((finding) => ({ ...finding, file: `${service.name}/${file}` })));
      }
    }
  }, 600_000);

  it('sends at least 95 % of the commands that map to an API operation through the SDK protocol code, every protocol', () => {
    const table = new Map<string, { commands: number; replayed: number; notReplayed: Record<string, number> }>();
    for (const { protocol, result } of replayed) {
      const row = table.get(protocol) ?? { commands: 0, replayed: 0, notReplayed: {} };
      row.commands += 1;
      if (result.replayed) row.replayed += 1;
      else row.notReplayed[result.reason] = (row.notReplayed[result.reason] ?? 0) + 1;
      table.set(protocol, row);
    }
    console.log('[replay corpus] per protocol:', JSON.stringify(Object.fromEntries(table), null, 1));
    const sent = replayed.filter((entry) => entry.result.replayed).length;
    console.log(`[replay corpus] ${sent} of ${replayed.length} commands that map to an API operation sent through the SDK (${((100 * sent) / replayed.length).toFixed(1)} %)`);
    expect(replayed.length).toBeGreaterThan(5000);
    expect(sent / replayed.length).toBeGreaterThanOrEqual(0.95);
    for (const protocol of ['awsJson1_0', 'awsJson1_1', 'restJson1', 'restXml', 'awsQuery', 'ec2Query', 'rpcv2Cbor']) {
      expect({ protocol, replayed: (table.get(protocol)?.replayed ?? 0) > 0 }).toEqual({ protocol, replayed: true });
    }
  });

  it('finds no disagreement that check does not also report, but the explained real defects', () => {
    const checks = findings.filter((finding) => !finding.ruleId.startsWith('replay-') && finding.ruleId !== 'not-replayed');
    const tally = new Map<string, number>();
    const unexplained: string[] = [];
    for (const finding of findings.filter((candidate) => ['replay-request', 'replay-response', 'replay-error'].includes(candidate.ruleId))) {
      const pointer = /^(\/\S*|--[\w-]+):/.exec(finding.message)?.[1];
      // check says one defect once: at its first place, the others as related locations, or with a `*` pointer for all list items.
      const alsoChecked = checks.some(
        (check) =>
          check.file === finding.file &&
          (check.start.line === finding.start.line ||
            (check.related ?? []).some((related) => related.start.line === finding.start.line) ||
            (pointer?.startsWith('/') && check.message.startsWith('/') && pointerPattern(check.message.split(':')[0]!).test(pointer))),
      );
      if (alsoChecked) continue;
      const reason = explained.find((candidate) => candidate.message.test(finding.message));
      if (reason) tally.set(reason.why, (tally.get(reason.why) ?? 0) + 1);
      else unexplained.push(`${finding.file}:${finding.start.line}: ${finding.ruleId}: ${finding.message}`);
    }
    console.log('[replay corpus] disagreements only replay finds, explained:', Object.fromEntries(tally));
    expect(unexplained).toEqual([]);
  });
});
