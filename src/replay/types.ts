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

/** One disagreement between the document and the real client. */
export interface ReplayProblem {
  /** The problem is about a documented key (a member the client drops) rather than its value. */
  about?: 'key';
  /**
   * JSON pointer (RFC 6901) to what the problem is about: into the API input for request problems,
   * into the documented output for response problems, `''` for the whole.
   */
  pointer: string;
  message: string;
}

/** The HTTP request the SDK serialized, as the transport recorded it. */
export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  headers: Record<string, string>;
  body: string;
}

export type ReplayResult =
  | {
      replayed: true;
      /** Absent when the client failed before sending (the failure is then a request problem). */
      request?: RecordedRequest;
      /** Input members the serializer dropped, could not serialize, or sent differently than given. */
      requestProblems: ReplayProblem[];
      /** Documented output the client drops, cannot read, or does not give back as documented. */
      responseProblems: ReplayProblem[];
      /** The client raised another exception than documented, or none. */
      errorProblems: ReplayProblem[];
      /** The client's result in the CLI's output form (Date → ISO 8601, bytes → base64, no `$metadata`). */
      output?: unknown;
      /** Why the documented output was not compared (text output, `--query`...), when it was not. */
      unchecked?: string;
    }
  | { replayed: false; reason: string };
