/** Levenshtein distance: small enough to write here, and the did-you-mean needs nothing more. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** A name's letters and digits in lower case: `-QueueName`, `--queue_name` and `--queue-name` are one name written three ways. */
function spelling(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/**
 * The closest candidate, when it is close enough to be a plausible typo: the same name in another case or
 * separator style (PowerShell's `-QueueName` for `--queue-name`), else within `maxDistance` edits.
 */
export function closest(word: string, candidates: Iterable<string>, maxDistance = Math.max(2, Math.floor(word.length / 3))): string | undefined {
  const written = spelling(word);
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    if (written !== '' && spelling(candidate) === written) return candidate;
    // Names whose lengths differ by more than maxDistance are further apart than that: no need to measure.
    if (Math.abs(candidate.length - lower.length) > maxDistance) continue;
    const distance = editDistance(lower, candidate.toLowerCase());
    // On a tie, the name that keeps more of the word's start: `dissociate-x` meant `disassociate-x`, not `associate-x`.
    if (distance < bestDistance || (distance === bestDistance && best !== undefined && sharedStart(lower, candidate) > sharedStart(lower, best))) {
      [best, bestDistance] = [candidate, distance];
    }
  }
  return best !== undefined && bestDistance <= maxDistance ? best : undefined;
}

/** How many first characters two names share, letter case aside. */
function sharedStart(a: string, b: string): number {
  const lowerB = b.toLowerCase();
  let index = 0;
  while (index < a.length && a[index] === lowerB[index]) index++;
  return index;
}

/** ` Did you mean 'x'?` or nothing. */
export function didYouMean(word: string, candidates: Iterable<string>, prefix = ''): string {
  const match = closest(word, candidates);
  return match === undefined ? '' : ` Did you mean '${prefix}${match}'?`;
}

/**
 * What the model adds to a message: a did-you-mean, and the lists of valid values, members or choices. A message
 * without them is what a finding's fingerprint is made of, so a model that gains an enum value or a member (or a
 * closer name to suggest) does not make known findings new. The offending value and where it stands stay.
 */
const MODEL_DERIVED_TEXT = [
  / Did you mean '[^']*'\?$/,
  /, valid values: .*$/,
  /, must be one of: .*$/,
  /: the model (?:has|allows) .*$/,
  /: choose from .*$/,
];

export function withoutModelLists(message: string): string {
  return MODEL_DERIVED_TEXT.reduce((text, pattern) => text.replace(pattern, ''), message);
}
