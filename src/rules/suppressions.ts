import type { DocumentFormat } from '../document/types.js';
import type { Finding, SeveritySetting } from './types.js';

/** The rule id of findings about suppressions that suppress nothing or name an unknown rule. */
export const UNUSED_SUPPRESSION_RULE_ID = 'unused-suppression';

export type SuppressionKind = 'disable-next-line' | 'disable' | 'enable';

/** One `docs-harness-...` comment. */
export interface SuppressionComment {
  kind: SuppressionKind;
  /** Rule ids named; empty for all rules. */
  ruleIds: string[];
  reason?: string;
  /** 1-based line, column of the comment marker, offsets into the text. */
  line: number;
  column: number;
  offset: number;
  endColumn: number;
  endOffset: number;
  /** Offsets of the whole line, line ending included: removing it leaves the rest intact. */
  lineStart: number;
  lineEnd: number;
  /** Lines the comment covers (`disable-next-line`: its block; `disable`: up to the matching `enable`). */
  coveredLines?: { from: number; to: number };
  /** The comment goes on over more lines (an RST comment body). */
  multiLine: boolean;
}

export interface SuppressionResult {
  /** Findings no suppression covers. */
  kept: Finding[];
  /** `unused-suppression` warnings: suppressions that suppressed nothing, unknown rule ids, unmatched enables. */
  unused: Finding[];
  /** Findings covered by a suppression (for reporters that list them, e.g. SARIF `suppressions`). */
  suppressed: Finding[];
}

interface TextLine {
  text: string;
  offset: number;
  /** Offset after the line ending. */
  next: number;
}

const rstComment = /^([ \t]*)(\.\.)[ \t]+docs-harness-(disable-next-line|disable|enable)(?=[ \t]|$)(.*?)[ \t]*$/;
const markdownComment = /^([ \t]*)(<!--)[ \t]*docs-harness-(disable-next-line|disable|enable)(?=[ \t]|-->)(.*?)[ \t]*-->[ \t]*$/;

/**
 * Applies the document's suppression comments to its findings:
 * `.. docs-harness-disable-next-line <rule-id>[, <rule-id>] -- reason`,
 * `.. docs-harness-disable [<rule-id>...]` / `.. docs-harness-enable [<rule-id>...]` (no id: all rules);
 * in Markdown the same words inside `<!-- ... -->`.
 *
 * `disable-next-line` covers the next *block*, not only the next line, because a command and its
 * findings span several lines and an RST comment cannot sit between an introducing `::` paragraph
 * and its literal block (the block would become the comment's body): the block is the next
 * paragraph (after blank and comment lines) together with the indented block it introduces when it
 * ends with `::` or is a directive; in Markdown, the next paragraph or fenced code block. A blank or
 * comment line ends a paragraph.
 * A finding is covered when its start line is in the covered lines. `enable <id>` ends every open
 * `disable` naming that id (all its ids) but not a `disable` of all rules; a bare `enable` ends all.
 *
 * `text` is the text the findings' positions refer to. Options: `knownRuleIds` — report ids not
 * among them; `severity` — the configured setting of `unused-suppression` (`off`: none reported).
 */
export function applySuppressions(
  text: string,
  format: DocumentFormat,
  findings: readonly Finding[],
  options: { knownRuleIds?: Iterable<string>; severity?: SeveritySetting } = {},
): SuppressionResult {
  // Almost no document holds a suppression: skip the line scan then.
  if (!text.includes('docs-harness-')) return { kept: [...findings], unused: [], suppressed: [] };
  const known = options.knownRuleIds === undefined ? undefined : new Set(options.knownRuleIds);
  const severity = options.severity ?? 'warning';
  const comments = findSuppressionComments(text, format);
  const unused: Finding[] = [];
  const units: { comment: SuppressionComment; ruleId?: string; used: boolean }[] = [];
  for (const comment of comments) {
    if (comment.kind === 'enable') {
      if (!comment.coveredLines) unused.push(warning(comment, `docs-harness-enable ${describeIds(comment)}matches no open docs-harness-disable`, true));
      continue;
    }
    const unknown = known ? comment.ruleIds.filter((id) => !known.has(id)) : [];
    for (const id of unknown) unused.push(warning(comment, `unknown rule "${id}" in suppression`, unknown.length === comment.ruleIds.length));
    const ids = comment.ruleIds.length === 0 ? [undefined] : comment.ruleIds.filter((id) => !unknown.includes(id));
    for (const ruleId of ids) units.push({ comment, ruleId, used: false });
  }

  const kept: Finding[] = [];
  const suppressed: Finding[] = [];
  for (const finding of findings) {
    const covering = units.filter(
      ({ comment, ruleId }) =>
        (ruleId === undefined || ruleId === finding.ruleId) &&
        finding.ruleId !== UNUSED_SUPPRESSION_RULE_ID &&
        comment.coveredLines !== undefined &&
        finding.start.line >= comment.coveredLines.from &&
        finding.start.line <= comment.coveredLines.to,
    );
    for (const unit of covering) unit.used = true;
    (covering.length > 0 ? suppressed : kept).push(finding);
  }

  for (const unit of units) {
    if (unit.used) continue;
    const wholeCommentUnused = units.every((other) => other.comment !== unit.comment || !other.used);
    const what = unit.ruleId === undefined ? 'all rules' : unit.ruleId;
    unused.push(warning(unit.comment, `suppression of ${what} suppressed nothing`, wholeCommentUnused));
  }
  unused.sort((a, b) => a.start.offset! - b.start.offset!);
  return { kept, unused: severity === 'off' ? [] : unused.map((finding) => ({ ...finding, severity })), suppressed };
}

/** The suppression comments of a document, with the lines each covers. */
export function findSuppressionComments(text: string, format: DocumentFormat): SuppressionComment[] {
  const lines = splitLines(text);
  const patterns = format === 'markdown' ? [markdownComment] : format === 'rst' ? [rstComment] : [rstComment, markdownComment];
  const comments: SuppressionComment[] = [];
  const openDisables: SuppressionComment[] = [];
  lines.forEach((line, index) => {
    const match = patterns.map((pattern) => pattern.exec(line.text)).find((found) => found !== null);
    if (!match) return;
    const [whole, indent, marker, kind, rest] = match as unknown as [string, string, string, SuppressionKind, string];
    const [idsPart, ...reasonParts] = rest.split(/[ \t]--(?:[ \t]|$)/);
    const reason = reasonParts.join(' -- ').trim();
    const column = indent.length + 1;
    const contentEnd = marker === '..' ? whole.length : whole.lastIndexOf('-->') + 3;
    const comment: SuppressionComment = {
      kind,
      ruleIds: idsPart!.split(/[\s,]+/).filter((id) => id !== ''),
      ...(reason === '' ? {} : { reason }),
      line: index + 1,
      column,
      offset: line.offset + indent.length,
      endColumn: contentEnd + 1,
      endOffset: line.offset + contentEnd,
      lineStart: line.offset,
      lineEnd: line.next,
      multiLine: marker === '..' && commentBodyEnd(lines, index) > index,
    };
    comments.push(comment);
    if (kind === 'disable-next-line') {
      const block = nextBlock(lines, commentBodyEnd(lines, index) + 1, format);
      if (block) comment.coveredLines = { from: block.from + 1, to: block.to + 1 };
    } else if (kind === 'disable') {
      comment.coveredLines = { from: index + 1, to: lines.length };
      openDisables.push(comment);
    } else {
      const closes = openDisables.filter((open) => comment.ruleIds.length === 0 || open.ruleIds.some((id) => comment.ruleIds.includes(id)));
      for (const open of closes) {
        open.coveredLines = { from: open.line, to: index + 1 };
        openDisables.splice(openDisables.indexOf(open), 1);
      }
      if (closes.length > 0) comment.coveredLines = { from: index + 1, to: index + 1 };
    }
  });
  return comments;
}

function splitLines(text: string): TextLine[] {
  const lines: TextLine[] = [];
  const lineBreak = /\r\n|\r|\n/g;
  let offset = 0;
  for (let match = lineBreak.exec(text); match; match = lineBreak.exec(text)) {
    lines.push({ text: text.slice(offset, match.index), offset, next: lineBreak.lastIndex });
    offset = lineBreak.lastIndex;
  }
  lines.push({ text: text.slice(offset), offset, next: text.length });
  return lines;
}

const indentOf = (line: string) => /^[ \t]*/.exec(line)![0].length;
const isBlank = (line: string) => line.trim() === '';
const isComment = (line: string) => /^[ \t]*(\.\.([ \t]+(?![\w-]+::)|$)|<!--.*-->[ \t]*$)/.test(line);

/** The last line of an RST comment starting at `index`: its body is the following lines indented deeper. */
function commentBodyEnd(lines: TextLine[], index: number): number {
  const indent = indentOf(lines[index]!.text);
  if (!/^[ \t]*\.\./.test(lines[index]!.text)) return index;
  let last = index;
  while (last + 1 < lines.length && !isBlank(lines[last + 1]!.text) && indentOf(lines[last + 1]!.text) > indent) last++;
  return last;
}

/** 0-based first and last line of the block starting at or after `from`, skipping blank and comment lines. */
function nextBlock(lines: TextLine[], from: number, format: DocumentFormat): { from: number; to: number } | undefined {
  let first = from;
  while (first < lines.length && (isBlank(lines[first]!.text) || isComment(lines[first]!.text))) first = commentBodyEnd(lines, first) + 1;
  if (first >= lines.length) return undefined;

  const fence = format === 'rst' ? null : /^ {0,3}(`{3,}|~{3,})/.exec(lines[first]!.text);
  if (fence) {
    let last = first + 1;
    while (last < lines.length && !lines[last]!.text.trimStart().startsWith(fence[1]!)) last++;
    return { from: first, to: Math.min(last, lines.length - 1) };
  }

  let last = first;
  while (last + 1 < lines.length && !isBlank(lines[last + 1]!.text) && !isComment(lines[last + 1]!.text)) last++;
  const introducesBlock = format !== 'markdown' && (lines[last]!.text.trimEnd().endsWith('::') || /^[ \t]*\.\.[ \t]+[\w-]+::/.test(lines[first]!.text));
  if (introducesBlock) {
    const indent = indentOf(lines[first]!.text);
    for (let next = last + 1; next < lines.length && (isBlank(lines[next]!.text) || indentOf(lines[next]!.text) > indent); next++) {
      if (!isBlank(lines[next]!.text)) last = next;
    }
  }
  return { from: first, to: last };
}

function describeIds(comment: SuppressionComment): string {
  return comment.ruleIds.length === 0 ? '' : `${comment.ruleIds.join(', ')} `;
}

/** A warning at the comment; `removable` adds a fix deleting the comment line (single-line comments only). */
function warning(comment: SuppressionComment, message: string, removable: boolean): Finding {
  return {
    ruleId: UNUSED_SUPPRESSION_RULE_ID,
    severity: 'warning',
    message,
    start: { line: comment.line, column: comment.column, offset: comment.offset },
    end: { line: comment.line, column: comment.endColumn, offset: comment.endOffset },
    fingerprint: `${comment.kind} ${comment.ruleIds.join(',')}: ${message}`,
    ...(removable && !comment.multiLine ? { fix: { start: comment.lineStart, end: comment.lineEnd, text: '' } } : {}),
  };
}
