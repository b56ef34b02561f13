import { withoutModelLists } from '../model/suggest.js';
import type { Finding } from './types.js';

/**
 * What a finding is about, stable when lines move and when a model gains values: the rule's own fingerprint,
 * else its message without line numbers, the model's lists or a did-you-mean, plus the trimmed text of the line
 * it starts on (`text`: the document, or its lines).
 */
export function fingerprintOf(finding: Pick<Finding, 'fingerprint' | 'message' | 'start'>, text: string | readonly string[]): string {
  if (finding.fingerprint !== undefined) return finding.fingerprint;
  const message = withoutModelLists(finding.message)
    .replace(/\b(lines?)\s+\d+(?:\s*(?:-|,|and|to)\s*\d+)*/gi, '$1 #')
    .replace(/\b\d+:\d+(?:-\d+:\d+)?\b/g, '#');
  const lines = typeof text === 'string' ? text.split(/\r\n|\r|\n/) : text;
  const sourceLine = (lines[finding.start.line - 1] ?? '').trim().replace(/\s+/g, ' ');
  return `${message} @ ${sourceLine}`;
}
