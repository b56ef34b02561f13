// Runs one docs-harness command in this process and prints its wall time (from process start, so the
// cold start counts) and peak memory as JSON on stderr's last line. Used by bench/run.js.
import { performance } from 'node:perf_hooks';
import { Writable } from 'node:stream';

const { main } = await import('../dist/cli/main.js');
const sink = new Writable({ write: (_chunk, _encoding, done) => done() });
const code = await main(process.argv.slice(2), { stdout: sink, stderr: process.stderr });
const usage = process.resourceUsage();
process.stderr.write(`\n${JSON.stringify({ code, wallMs: performance.now(), peakMiB: usage.maxRSS / 1024 })}\n`);
