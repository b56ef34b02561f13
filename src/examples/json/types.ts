import type { Point, Position } from '../../document/types.js';

/** Where a JSON member's key (for object members) and value stand in the document. */
export interface JsonLocation {
  key?: Position;
  value: Position;
}

/** Locations by JSON pointer (RFC 6901): `''` is the root, `/AuthenticationResult/AccessToken` a member. */
export type JsonValueMap = ReadonlyMap<string, JsonLocation>;

export type JsonRepairHint = 'trailing-comma' | 'missing-comma';

export interface JsonSyntaxError {
  message: string;
  start: Point;
  end: Point;
  hint?: JsonRepairHint;
  /** With a hint: where to insert the missing ',' or the ',' to delete. */
  repairAt?: Point;
}

export interface JsonParseResult {
  /** Present when the text parses (strictly, or once `...` elisions are set aside). */
  value?: unknown;
  map?: JsonValueMap;
  /** The first syntax error, when the text is not valid JSON (elisions aside). */
  error?: JsonSyntaxError;
  /** Where bare `...` elisions stand. */
  elisions: Position[];
  /** Where `<placeholder>`s stand for values (`"SecretAccessKey": <AWS_SECRET_ACCESS_KEY>`), set aside like elisions. */
  placeholders?: Position[];
  /** Where the author's `# notes` stand between tokens (no JSON has a `#` there), set aside (a `# ...` one is an elision). */
  notes?: Position[];
  /** The bracket that opens a level deeper than `MAX_JSON_DEPTH`: then there is no value, map or error. */
  tooDeep?: Position;
  /** Member names that repeat an earlier name of the same object (the last value wins, as with `JSON.parse`). */
  duplicates?: Position[];
}
