import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { displayPath } from '../../src/cli/files.js';

/** What a report shows for a path: relative to the working folder, with `/` separators. */
function expected(filePath: string, cwd: string): string {
  const relative = path.relative(cwd, path.resolve(cwd, filePath));
  return (relative === '' ? '.' : relative).split(path.sep).join('/');
}

describe('displayPath', () => {
  const segment = fc.constantFrom('a', 'b', 'docs', 'cognito-idp', '..', '.', 'list-users.rst', 'x y');
  const absolute = fc.array(segment, { maxLength: 5 }).map((parts) => path.join(path.sep, ...parts));
  const relative = fc.array(segment, { minLength: 1, maxLength: 4 }).map((parts) => parts.join(path.sep));

  it('shows every path as path.relative does, whether the working folder is above, beside or below it, and again from its cache', () => {
    fc.assert(
      fc.property(fc.oneof(absolute, relative), absolute, (filePath, cwd) => {
        expect(displayPath(filePath, cwd)).toBe(expected(filePath, cwd));
        expect(displayPath(filePath, cwd)).toBe(expected(filePath, cwd));
      }),
      { numRuns: 500 },
    );
  });

  it('shows the working folder as . and the folders above it as ..', () => {
    expect(displayPath('/a/b', '/a/b')).toBe('.');
    expect(displayPath('/a/b', '/a/b/c')).toBe('..');
    expect(displayPath('/a', '/a/b/c')).toBe('../..');
    expect(displayPath('/a/c/d.rst', '/a/b')).toBe('../c/d.rst');
  });
});
