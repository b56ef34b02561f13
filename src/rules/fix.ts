/** A replacement of the file text's `[start, end)` (string offsets, as vfile counts them) with `text`. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

export interface FixResult {
  text: string;
  /** Edits applied. */
  applied: number;
  /** Edits left out because they overlap an applied one or lie outside the text: a second pass may apply them. */
  skipped: number;
}

/**
 * Applies every edit that does not overlap another, leaving all other characters (line endings
 * included) exactly as they were. Overlapping edits are resolved by position: the one that starts
 * first wins; two insertions at the same offset conflict (their order would be a guess). Identical
 * edits (same range and text, e.g. two rules proposing the same fix) count once.
 */
export function applyFixes(text: string, fixes: readonly TextEdit[]): FixResult {
  const unique = new Map<string, TextEdit>();
  for (const fix of fixes) unique.set(`${fix.start}:${fix.end}:${fix.text}`, fix);
  const ordered = [...unique.values()].sort((a, b) => a.start - b.start || a.end - b.end);

  const pieces: string[] = [];
  let copiedUpTo = 0;
  let lastInsertionAt = -1;
  let applied = 0;
  let skipped = 0;
  for (const fix of ordered) {
    const valid = Number.isInteger(fix.start) && Number.isInteger(fix.end) && fix.start >= 0 && fix.start <= fix.end && fix.end <= text.length;
    const overlaps = fix.start < copiedUpTo || (fix.start === fix.end && fix.start === lastInsertionAt);
    if (!valid || overlaps) {
      skipped++;
      continue;
    }
    pieces.push(text.slice(copiedUpTo, fix.start), fix.text);
    copiedUpTo = fix.end;
    if (fix.start === fix.end) lastInsertionAt = fix.start;
    applied++;
  }
  pieces.push(text.slice(copiedUpTo));
  return { text: pieces.join(''), applied, skipped };
}

/**
 * Runs `computeFixes` and applies its edits until nothing is left to apply (or `maxPasses` is
 * reached), so edits skipped for overlapping are recomputed against the fixed text and applied.
 */
export async function fixUntilStable(
  text: string,
  computeFixes: (text: string) => readonly TextEdit[] | Promise<readonly TextEdit[]>,
  maxPasses = 10,
): Promise<{ text: string; applied: number; passes: number }> {
  let current = text;
  let applied = 0;
  let passes = 0;
  while (passes < maxPasses) {
    passes++;
    const result = applyFixes(current, await computeFixes(current));
    applied += result.applied;
    if (result.applied === 0 || result.text === current) break;
    current = result.text;
  }
  return { text: current, applied, passes };
}
