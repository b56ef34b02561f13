import type { Point } from '../../document/types.js';
import type { ServiceModel } from '../types.js';

/**
 * Kinds of input problems: `unknown-service`, `unknown-operation`, `unknown-parameter`,
 * `abbreviated-parameter`, `missing-required-parameter`, `duplicate-parameter`,
 * `invalid-parameter-value`, `constraint` (length, range, pattern), `customization`, `missing-file`, `elided-value`, `query-path` (a `--query` member the output lacks)
 * (`--option ...`: a value the author left out).
 */
export type InputProblemKind =
  | 'unknown-service'
  | 'unknown-operation'
  | 'unknown-parameter'
  | 'abbreviated-parameter'
  | 'ambiguous-parameter'
  | 'missing-required-parameter'
  | 'duplicate-parameter'
  | 'invalid-parameter-value'
  | 'constraint'
  | 'customization'
  | 'missing-file'
  | 'elided-value'
  | 'broken-model'
  | 'missing-model'
  | 'query-path';

/** A fact found while turning a command's words into API input; rules turn these into findings. */
export interface InputProblem {
  kind: InputProblemKind | string;
  message: string;
  start: Point;
  end: Point;
  /** Problems with the same group key are one defect, reported once (stray words after one cause). */
  group?: ProblemGroup;
}

/** Problems that are one defect: `message` says it once from every member's `item`, in document order. */
export interface ProblemGroup {
  /** Stable when lines move: it goes into the grouped finding's fingerprint. */
  key: string;
  /** What this member adds to the grouped message (a word, a JSON path). */
  item: string;
  message(items: readonly string[]): string;
}

/** One argument as the CLI read it. */
export interface ParsedArgument {
  /** The full CLI option name (`--user-pool-id`), after abbreviation expansion. */
  name: string;
  /** The API member it fills; absent for global and CLI-only options. */
  member?: string;
  /** The option word and its value words. */
  words: { value: string; start: Point; end: Point }[];
}

/** What a command means to the service: the API operation and its input, as the AWS CLI v2 builds them. */
export interface CommandTranslation {
  model?: ServiceModel;
  /** API operation name, e.g. `RespondToAuthChallenge` (for `wait` commands, the waiter's operation). */
  operationName?: string;
  /** The API input object (timestamps as Date, blobs as Uint8Array). */
  input?: Record<string, unknown>;
  problems: InputProblem[];
  /** How the documented output is shaped by the command. */
  output: {
    format: 'json' | 'text' | 'table' | 'yaml' | 'yaml-stream';
    query?: string;
    /** `--max-items` given: a paginated output may carry the continuation token. */
    maxItems: boolean;
    /** The operation can paginate and the CLI would merge pages. */
    paginated: boolean;
  };
  /** Set for CLI customizations (`s3 cp`, `deploy push`, `wait`...): what the command is instead of a plain API call. */
  customization?: string;
  /** The arguments as read, in order (globals included). */
  arguments: ParsedArgument[];
}
