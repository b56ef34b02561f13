import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseShorthand, type ShorthandValue } from '../../src/commands/shorthand.js';

function valueOf(text: string): unknown {
  const result = parseShorthand(text);
  if ('error' in result) throw new Error(`unexpected error: ${result.error.message}`);
  return result.value;
}

describe('parseShorthand', () => {
  it.each([
    ['a=b', { a: 'b' }],
    ['a=b,c=d', { a: 'b', c: 'd' }],
    ['a=b,c', { a: ['b', 'c'] }],
    ['a=b,c,d=e', { a: ['b', 'c'], d: 'e' }],
    ['a=', { a: '' }],
    ['a=[b,c]', { a: ['b', 'c'] }],
    ['a=[]', { a: [] }],
    ['a={b=c,d=[e]}', { a: { b: 'c', d: ['e'] } }],
    ['a=[{b=c},{b=d}]', { a: [{ b: 'c' }, { b: 'd' }] }],
    ["a='b,c'", { a: 'b,c' }],
    ['a="b \\"c\\""', { a: 'b "c"' }],
    ['a=b\\,c', { a: 'b,c' }],
    ['a = b , c = d ', { a: 'b', c: 'd' }],
    ['Name=tag:env,Values=prod,dev', { Name: 'tag:env', Values: ['prod', 'dev'] }],
    ['aws:key=v', { 'aws:key': 'v' }],
    ['NEW_PASSWORD=[Password]', { NEW_PASSWORD: ['Password'] }],
    ['a=b=c', { a: 'b=c' }],
    // Spaces inside values are kept and trailing ones dropped, as aws-cli's test_shorthand.py expects.
    ['foo=a,b=with space', { foo: 'a', b: 'with space' }],
    ['foo=with trailing space  ', { foo: 'with trailing space' }],
    ['a=b c=d', { a: 'b c=d' }],
    ['a=x,y z,b=c', { a: ['x', 'y z'], b: 'c' }],
    ['a={b=SELECT * FROM t;}', { a: { b: 'SELECT * FROM t;' } }],
    ['a=[one two,three]', { a: ['one two', 'three'] }],
    // `@=`: the value is read from a file; a value without file:// or fileb:// stays literal.
    ['Name=s,Body@=file://t.yaml', { Name: 's', Body: 'file://t.yaml' }],
    ["a @= 'fileb://x y'", { a: 'fileb://x y' }],
    ['a@=plain', { a: 'plain' }],
  ])('%s', (text, expected) => {
    expect(valueOf(text)).toEqual(expected);
  });

  it.each([
    ['a', 0, "Expected: '=', received: 'EOF'"],
    [' a=b', 0, "Expected: '=', received: 'a'"],
    ['a=[b', 4, "Expected: ',', received: 'EOF'"],
    ['a={b=c', 6, "Expected: ',', received: 'EOF'"],
    ['a=b,c d=e', 5, "Expected: '=', received: 'd'"],
    ['a@b', 1, "Expected: '=', received: '@'"],
    ["a='b", 2, "Expected: '<singled quoted>', received: '<none>'"],
  ])('rejects %s', (text, offset, message) => {
    const result = parseShorthand(text);
    expect(result).toEqual({ error: { message, offset: expect.any(Number) } });
    if ('error' in result) {
      expect(result.error.message).toBe(message);
      expect(result.error.offset).toBeGreaterThanOrEqual(offset > 0 ? 1 : 0);
    }
  });

  it('never throws', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'ab=,[]{}\'"\\ \n=xyz:-'.split('')) }), (text) => {
        const result = parseShorthand(text);
        expect('value' in result || 'error' in result).toBe(true);
      }),
      { numRuns: 2000 },
    );
    fc.assert(fc.property(fc.string(), (text) => void parseShorthand(text)), { numRuns: 1000 });
  });

  const key = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_-]{0,6}$/);
  // Quoted scalars may hold any character the CLI reads inside quotes without escapes.
  const scalar = fc.string({ unit: fc.constantFrom(...'abc XYZ019=,[]{}:/_-.@'.split('')), maxLength: 8 });
  const { tree } = fc.letrec<{ tree: ShorthandValue }>((tie) => ({
    tree: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      scalar,
      fc.array(tie('tree'), { maxLength: 3 }),
      fc.dictionary(key, tie('tree'), { maxKeys: 3 }),
    ),
  }));

  function render(value: ShorthandValue): string {
    if (typeof value === 'string') return `"${value}"`;
    if (Array.isArray(value)) return `[${value.map(render).join(',')}]`;
    return `{${Object.entries(value).map(([k, v]) => `${k}=${render(v)}`).join(',')}}`;
  }

  it('round-trips generated structures rendered to shorthand', () => {
    fc.assert(
      fc.property(fc.dictionary(key, tree, { minKeys: 1, maxKeys: 4 }), (structure) => {
        const text = Object.entries(structure).map(([k, v]) => `${k}=${render(v)}`).join(',');
        expect(valueOf(text)).toEqual(structure);
      }),
      { numRuns: 500 },
    );
  });

  it('round-trips csv lists of bare words', () => {
    const word = fc.stringMatching(/^[a-z0-9][a-z0-9./_-]{0,6}$/);
    fc.assert(
      fc.property(key, fc.array(word, { minLength: 2, maxLength: 5 }), (k, words) => {
        expect(valueOf(`${k}=${words.join(',')}`)).toEqual({ [k]: words });
      }),
    );
  });

  it('keeps inner spaces of bare words, single or in csv lists, and drops trailing ones', () => {
    const word = fc.stringMatching(/^[a-z0-9]([a-z0-9 ./_-]{0,6}[a-z0-9])?$/);
    fc.assert(
      fc.property(key, fc.array(word, { minLength: 1, maxLength: 4 }), fc.stringMatching(/^ {0,2}$/), (k, words, trailing) => {
        expect(valueOf(`${k}=${words.join(',')}${trailing}`)).toEqual({ [k]: words.length === 1 ? words[0] : words });
      }),
    );
  });

  it('says when a value is read from a file', () => {
    expect(parseShorthand('a=file://x,b=y')).toMatchObject({ readsFiles: false });
    expect(parseShorthand('a=x,b@=file://y')).toMatchObject({ readsFiles: true });
    expect(parseShorthand('a@=fileb://y')).toMatchObject({ readsFiles: true });
    expect(parseShorthand('a@=y')).toMatchObject({ readsFiles: false });
  });
});
