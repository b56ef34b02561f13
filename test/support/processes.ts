import { readdirSync, readFileSync } from 'node:fs';

/** Processes whose command line names the folder: a server's guard, wherever it was re-parented. */
export function processesUsing(folder: string): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(folder);
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** Data folders of the local servers this process started in this TMPDIR, and the server processes using them (other test files run beside). */
export function serverLeftovers(tmpdir: string): { folders: string[]; processes: number[] } {
  const ours = new RegExp(`^docs-harness-(?:cognito|dynalite|kinesalite|s3rver)-${process.pid}-`);
  const folders = readdirSync(tmpdir).filter((name) => ours.test(name));
  const processes = ['cognito', 'dynalite', 'kinesalite', 's3rver'].flatMap((kind) => processesUsing(`${tmpdir}/docs-harness-${kind}-${process.pid}-`));
  return { folders, processes };
}
