/**
 * Text from a document shown in a report, with the characters a terminal or a log viewer would obey rather
 * than show — C0 and C1 controls (an ESC sequence can erase lines of a CI log), DEL, and the bidirectional
 * overrides that reorder what a reader sees — written as visible escapes (`\u001b`). Tabs stay.
 */
export function visible(text: string): string {
  return INVISIBLE.test(text) ? text.replace(INVISIBLE_ALL, escape) : text;
}

const SOURCE = '[\\u0000-\\u0008\\u000a-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069]';
const INVISIBLE = new RegExp(SOURCE);
const INVISIBLE_ALL = new RegExp(SOURCE, 'g');
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r' };

function escape(char: string): string {
  return NAMED[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}
