import { JSON_MEMBER_LINE } from '../document/json-text.js';

/**
 * What a documented output block holds: JSON (what `--output json`, the default, prints), an aws-cli
 * `--output table` box, or anything else as text (`--output text`, `upload: ...` lines, `None`).
 */
export function classifyOutput(raw: string): 'json' | 'text' | 'table' {
  const text = raw.trim();
  // Members without their braces (`"State": "pending",`) are JSON shown wrong: output-json says where.
  if (text.startsWith('{') || text.startsWith('[') || JSON_MEMBER_LINE.test(text)) return 'json';
  return isTable(text) ? 'table' : 'text';
}

/** A table opens with a `-----` rule over its `|`-framed title: `|  DescribeRegions  |`. */
function isTable(text: string): boolean {
  const [rule, title] = text.split(/\r?\n/, 2).map((line) => line.trim());
  return /^-{3,}$/.test(rule ?? '') && /^\|.*\|$/.test(title ?? '');
}
