import type { ServiceModel } from '../model/types.js';

/** What the document says the command answers. */
export type DocumentedOutcome =
  | { kind: 'json'; value: unknown }
  | { kind: 'none' }
  | { kind: 'error'; code: string; message?: string }
  /** The output is there but cannot be compared (text, table, `--query`...): the request is still replayed. */
  | { kind: 'unchecked'; reason: string };

export interface ReplayRequest {
  model: ServiceModel;
  operationName: string;
  /** API input as the command translator builds it (timestamps as Date, blobs as Uint8Array). */
  input: Record<string, unknown>;
  documented: DocumentedOutcome;
  region?: string;
}

export type { RecordedRequest, ReplayProblem, ReplayResult } from '../rules/replay-results.js';
