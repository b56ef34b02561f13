import type { CommandReplay } from '../../rules/replay-results.js';
import { capped, escapeHtml } from './escape.js';

/** Lines of one side shown (a list output can run to thousands): the rest is counted. */
const MAX_LINES = 300;

interface JsonLine {
  /** JSON pointer of the value this line opens, closes or holds. */
  pointer: string;
  text: string;
}

/** A value pretty-printed as the CLI prints JSON (4 spaces), each line with the pointer it belongs to. */
function jsonLines(value: unknown, pointer = '', indent = '', label = '', comma = '', into: JsonLine[] = []): JsonLine[] {
  const container = Array.isArray(value) ? '[]' : value !== null && typeof value === 'object' ? '{}' : undefined;
  const entries: Array<[string, unknown]> = Array.isArray(value)
    ? value.map((item, index) => [String(index), item])
    : container
      ? Object.entries(value as Record<string, unknown>)
      : [];
  if (!container || entries.length === 0) {
    into.push({ pointer, text: `${indent}${label}${container ?? JSON.stringify(value) ?? 'null'}${comma}` });
    return into;
  }
  into.push({ pointer, text: `${indent}${label}${container[0]}` });
  entries.forEach(([key, item], index) => {
    const childLabel = Array.isArray(value) ? '' : `${JSON.stringify(key)}: `;
    const segment = key.replace(/~/g, '~0').replace(/\//g, '~1');
    jsonLines(item, `${pointer}/${segment}`, `${indent}    `, childLabel, index < entries.length - 1 ? ',' : '', into);
  });
  into.push({ pointer, text: `${indent}${container[1]}${comma}` });
  return into;
}

/** One side: numbered lines, those at or under a differing pointer marked (with a sign, not colour alone). */
function sideHtml(value: unknown, differing: readonly string[], heading: string): string {
  const lines = jsonLines(value);
  const differs = (pointer: string) => differing.some((at) => pointer === at || pointer.startsWith(`${at}/`));
  const shown = lines.slice(0, MAX_LINES).map(({ pointer, text }) => {
    const body = escapeHtml(capped(text, 300));
    return differs(pointer)
      ? `<mark class="diff" title="${escapeHtml(pointer || '/')}"><span class="sign" aria-label="differs">≠</span>${body}</mark>`
      : `<span class="sign"> </span>${body}`;
  });
  if (lines.length > MAX_LINES) shown.push(`<span class="cut">… ${lines.length - MAX_LINES} more line(s)</span>`);
  return `<figure class="side"><figcaption>${heading}</figcaption><pre><code>${shown.join('\n')}</code></pre></figure>`;
}

/** Documented and replayed output side by side, the differences marked per JSON path, and listed below. */
export function replayDiffHtml(replay: CommandReplay): string {
  const pointers = replay.differences.map((difference) => difference.pointer);
  const sides =
    replay.documented !== undefined && replay.replayed !== undefined
      ? `<div class="sides">${sideHtml(replay.documented, pointers, 'documented')}${sideHtml(replay.replayed, pointers, 'replayed')}</div>`
      : '';
  const rows = replay.differences.map(
    (difference) =>
      `<tr><th scope="row"><code>${escapeHtml(difference.pointer || '/')}</code></th><td>${escapeHtml(difference.kind ?? 'value')}${difference.severity === 'info' ? ' <span class="sev sev-info">(ℹ known deviation)</span>' : ''}</td><td>${escapeHtml(capped(difference.message, 1000))}</td></tr>`,
  );
  const table = rows.length
    ? `<div class="scroll"><table class="differences"><caption>Differences by JSON path</caption><thead><tr><th scope="col">path</th><th scope="col">kind</th><th scope="col">what differs</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`
    : '';
  return sides + table;
}
