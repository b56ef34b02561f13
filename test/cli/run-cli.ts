import { Writable } from 'node:stream';
import { main } from '../../src/cli/main.js';

/** Runs the CLI in this process and captures what it prints. */
export async function runCli(args: string[], cwd?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const sink = (append: (text: string) => void) =>
    new Writable({
      write(chunk, _encoding, done) {
        append(String(chunk));
        done();
      },
    });
  const previous = process.cwd();
  if (cwd) process.chdir(cwd);
  try {
    const code = await main(args, { stdout: sink((text) => (stdout += text)), stderr: sink((text) => (stderr += text)) });
    return { code, stdout, stderr };
  } finally {
    if (cwd) process.chdir(previous);
  }
}
