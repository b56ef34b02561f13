// Runs one docs-harness command in this process and prints its wall and CPU time (from process start, so the
// cold start counts) and peak memory as JSON on stderr's last line. Used by bench/run.js.
import { performance } from 'node:perf_hooks';
import { Writable } from 'node:stream';

// As bin/docs-harness.js does.
const cli = (await import('../dist/cli/launch.js')).launchCli();
const sink = new Writable({ write: (_chunk, _encoding, done) => done() });
const code = await cli.main(process.argv.slice(2), { stdout: sink, stderr: process.stderr });
cli.saveCodeCache();
const usage = process.resourceUsage();
// CPU time (user + system) is what other processes on a shared machine disturb least.
const cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000;
process.stderr.write(`\n${JSON.stringify({ code, wallMs: performance.now(), cpuMs, peakMiB: usage.maxRSS / 1024 })}\n`);
