import { describe, expect, it } from 'vitest';
import { closest } from '../../src/model/suggest.js';

describe('closest', () => {
  it('takes the same name written in another case or separator style first', () => {
    expect(closest('-UserPoolId', ['--user-pool-ids', '--user-pool-id', '--username'])).toBe('--user-pool-id');
    expect(closest('--queue_name', ['--queue-url', '--queue-name'])).toBe('--queue-name');
  });

  it('suggests a plausible typo within the distance, and nothing beyond it', () => {
    expect(closest('--userpool-id', ['--user-pool-id', '--limit'])).toBe('--user-pool-id');
    // Two names as far: the one that keeps the word's start, whichever comes first.
    expect(closest('dissociate-access-policy', ['associate-access-policy', 'disassociate-access-policy'])).toBe('disassociate-access-policy');
    expect(closest('--colour', ['--color', '--limit'], 1)).toBe('--color');
    expect(closest('--service-name', ['--service', '--cluster'])).toBeUndefined();
    expect(closest('-', ['--limit'])).toBeUndefined();
  });
});
