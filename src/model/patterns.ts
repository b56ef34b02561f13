/**
 * botocore patterns are Java regular expressions; JSON Schema `pattern` (and ajv) use JavaScript's with the `u` flag.
 * Hand-written because no library translates between the two dialects: a single scan rewrites what has a safe
 * JavaScript equivalent and refuses what does not.
 */

export type PatternTranslation = { pattern: string } | { reason: string };

// Java's POSIX classes are ASCII-only; written as hex ranges so they fit both inside and outside a class.
const posixClasses: Record<string, string> = {
  Lower: 'a-z',
  Upper: 'A-Z',
  ASCII: '\\x00-\\x7F',
  Alpha: 'a-zA-Z',
  Digit: '0-9',
  Alnum: 'a-zA-Z0-9',
  Punct: '\\x21-\\x2F\\x3A-\\x40\\x5B-\\x60\\x7B-\\x7E',
  Graph: '\\x21-\\x7E',
  Print: '\\x20-\\x7E',
  Blank: ' \\t',
  Cntrl: '\\x00-\\x1F\\x7F',
  XDigit: '0-9a-fA-F',
  Space: ' \\t\\n\\x0B\\f\\r',
};

const classEscapeAtEnd = /\\[dDsSwW]$|\\[pP]\{[^}]*\}$/;
const classEscapeAtStart = /^\\[dDsSwWpP]/;
const syntaxCharacters = new Set('^$\\.*+?()[]{}|/');

/** Translate a Java pattern to an equivalent JavaScript `u`-mode pattern, or say why it has none. */
export function javaPatternToJs(javaPattern: string): PatternTranslation {
  let out = '';
  let inClass = false;
  for (let index = 0; index < javaPattern.length; index++) {
    const char = javaPattern[index]!;
    if (char === '\\') {
      const next = javaPattern[index + 1];
      if (next === undefined) return { reason: 'ends with a lone backslash' };
      index++;
      if ((next === 'p' || next === 'P') && javaPattern[index + 1] === '{') {
        const close = javaPattern.indexOf('}', index);
        if (close < 0) return { reason: 'unterminated \\p{...}' };
        const name = javaPattern.slice(index + 2, close);
        index = close;
        const ranges = posixClasses[name];
        if (ranges === undefined) {
          out += `\\${next}{${name}}`; // Unicode categories (L, Nd...) mean the same in both; the compile check catches the rest.
        } else if (next === 'p') {
          out += inClass ? ranges : `[${ranges}]`;
        } else if (!inClass) {
          out += `[^${ranges}]`;
        } else {
          return { reason: `negated POSIX class \\P{${name}} inside a character class` };
        }
      } else if (next === 'x' && javaPattern[index + 1] === '{') {
        out += '\\u'; // Java's \x{HHHH} is \u{HHHH} in `u` mode.
      } else if (next === 'A') {
        out += '^';
      } else if (next === 'z' || next === 'Z') {
        out += '$';
      } else if (next === 'Q' || next === 'G' || next === 'R' || next === 'X' || next === 'h' || next === 'H') {
        return { reason: `Java-only escape \\${next}` };
      } else if (/[0-9A-Za-z]/.test(next) || syntaxCharacters.has(next) || (inClass && next === '-')) {
        out += `\\${next}`;
      } else {
        // Java allows escaping any punctuation; `u` mode does not, and the unescaped character means the same.
        out += next;
      }
      continue;
    }
    if (inClass) {
      if (char === '[') return { reason: 'nested character class (Java class union)' };
      if (char === '&' && javaPattern[index + 1] === '&') return { reason: 'character class intersection (&&)' };
      if (char === ']') inClass = false;
      // Java reads `-` beside a class escape (`[\w-_]`) as a literal; `u` mode refuses the range.
      const besideClassEscape = classEscapeAtEnd.test(out) || classEscapeAtStart.test(javaPattern.slice(index + 1));
      out += char === '-' && besideClassEscape ? '\\-' : char;
      continue;
    }
    if (char === '[') {
      inClass = true;
      out += char;
      // A `]` or `^]` right after the opening bracket is a literal in Java, an empty class in JavaScript.
      if (javaPattern[index + 1] === '^') out += javaPattern[++index];
      if (javaPattern[index + 1] === ']') {
        out += '\\]';
        index++;
      }
      continue;
    }
    if ((char === '+' || char === '*' || char === '?' || char === '}') && javaPattern[index + 1] === '+') {
      return { reason: 'possessive quantifier' };
    }
    if (char === '(' && javaPattern.startsWith('?>', index + 1)) return { reason: 'atomic group' };
    if (char === '{') {
      const quantifier = /^\{\d+(,\d*)?\}/.exec(javaPattern.slice(index));
      if (quantifier) {
        out += quantifier[0];
        index += quantifier[0].length - 1;
        continue;
      }
    }
    // Java reads a brace that is no quantifier as a literal; `u` mode refuses it unescaped.
    out += char === '{' || char === '}' ? `\\${char}` : char;
  }
  try {
    new RegExp(out, 'u');
  } catch (error) {
    return { reason: (error as Error).message };
  }
  return { pattern: out };
}

const compiledPatterns = new Map<string, RegExp | null>();

/**
 * The compiled JavaScript form of a botocore pattern, or null when it has none (such patterns are not checked): one
 * cache for input and output checks, which meet the same shapes' patterns.
 */
export function compiledPattern(javaPattern: string): RegExp | null {
  let compiled = compiledPatterns.get(javaPattern);
  if (compiled === undefined) {
    const translation = javaPatternToJs(javaPattern);
    compiled = 'pattern' in translation ? new RegExp(translation.pattern, 'u') : null;
    compiledPatterns.set(javaPattern, compiled);
  }
  return compiled;
}
