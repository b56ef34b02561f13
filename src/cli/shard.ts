export class ShardSpecError extends Error {
  override name = 'ShardSpecError';
}

/**
 * The files of shard `i/n` (1-based): the paths are sorted (by UTF-16 code units, independent of
 * locale) and dealt round-robin. Round-robin by sorted index rather than by hash because it is
 * balanced to ±1 file for any n, and neighbouring files — one service's examples, which cost alike —
 * spread over all shards; every shard must get the same path list, which CI guarantees.
 */
export function selectShard(paths: readonly string[], spec: string): string[] {
  const { index, count } = parseShardSpec(spec);
  const sorted = [...new Set(paths)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return sorted.filter((_, position) => position % count === index - 1);
}

export function parseShardSpec(spec: string): { index: number; count: number } {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(spec);
  const index = match ? Number(match[1]) : NaN;
  const count = match ? Number(match[2]) : NaN;
  if (!match || count < 1 || index < 1 || index > count) {
    throw new ShardSpecError(`invalid shard "${spec}": expected i/n with 1 <= i <= n, e.g. 1/4`);
  }
  return { index, count };
}
