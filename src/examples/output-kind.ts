import { JSON_MEMBER_LINE, parsesAsJson } from '../document/json-text.js';

/**
 * What a documented output block holds: JSON (what `--output json`, the default, prints), an aws-cli
 * `--output table` box, or anything else as text (`--output text`, `upload: ...` lines, `None`).
 */
export function classifyOutput(raw: string): 'json' | 'text' | 'table' {
  const text = raw.trim();
  // `{ JSON OUTPUT WITH THE INSTANCE DETAILS }`, `[ ...list of users... ]`: words in braces describe an output, not show it.
  if (DESCRIBED_OUTPUT.test(text) && !parsesAsJson(text)) return 'text';
  // `[Nest] LOG Cache miss`, `[INFO] 12:00:01 started`: log lines open with a tag in brackets, which no JSON array does.
  if (LOG_LINE.test(text)) return 'text';
  // Members without their braces (`"State": "pending",`) are JSON shown wrong: output-json says where.
  if (text.startsWith('{') || text.startsWith('[') || JSON_MEMBER_LINE.test(text)) return 'json';
  return isTable(text) ? 'table' : 'text';
}

/** One line of words (no quotes, colons or nesting) in braces or brackets: a description standing for the output. */
const DESCRIBED_OUTPUT = /^[{[][ \t.…]*[A-Za-z][A-Za-z0-9 \t.,…'-]*[A-Za-z.…][ \t]*[}\]]$/;

/** A tag in brackets (no quotes, brackets or braces inside), then blanks and more words on the same line. */
const LOG_LINE = /^\[[^\]\n"{}[]+\][ \t]+\S/;

/** A table opens with a `-----` rule over its `|`-framed title: `|  DescribeRegions  |`. */
function isTable(text: string): boolean {
  const [rule, title] = text.split(/\r?\n/, 2).map((line) => line.trim());
  return /^-{3,}$/.test(rule ?? '') && /^\|.*\|$/.test(title ?? '');
}
