import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { selectShard } from '../../src/cli/shard.js';

describe('selectShard', () => {
  it('deals the sorted paths round-robin', () => {
    const paths = ['e.rst', 'a.rst', 'd.rst', 'c.rst', 'b.rst'];
    expect(selectShard(paths, '1/2')).toEqual(['a.rst', 'c.rst', 'e.rst']);
    expect(selectShard(paths, '2/2')).toEqual(['b.rst', 'd.rst']);
    expect(selectShard(paths, '1/1')).toEqual(['a.rst', 'b.rst', 'c.rst', 'd.rst', 'e.rst']);
  });

  it.each(['0/2', '3/2', '1/0', 'x', '1/', '/2', '-1/2', '1.5/2', ''])('rejects the spec %j with a clear message', (spec) => {
    expect(() => selectShard(['a'], spec)).toThrow(`invalid shard "${spec}": expected i/n with 1 <= i <= n, e.g. 1/4`);
  });

  it('property: shards partition the paths, are balanced to one file and ignore input order', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string(), { maxLength: 40 }), fc.integer({ min: 1, max: 7 }), (paths, count) => {
        const shards = Array.from({ length: count }, (_, i) => selectShard(paths, `${i + 1}/${count}`));
        expect(shards.flat().sort()).toEqual([...paths].sort());
        const sizes = shards.map((shard) => shard.length);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
        expect(selectShard([...paths].reverse(), `1/${count}`)).toEqual(shards[0]);
      }),
    );
  });
});
