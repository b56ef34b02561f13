/**
 * What a replay tells the rules: the replay stage fills these in (src/replay), the replay rules read them.
 * They live here, in the lower stage, so that rules never import the replay stage.
 */

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
  /** The body as text (UTF-8). */
  body: string;
  /** The body's bytes, when the SDK sent bytes (CBOR is not text). */
  bytes?: Uint8Array;
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

export interface OutputDifference {
  /** JSON pointer of the difference (into the documented output; for extra keys, into the live output). */
  pointer: string;
  /** The nearest pointer that exists in the documented output: where a finding is placed. */
  anchor: string;
  kind: 'missing' | 'extra' | 'type' | 'value';
  severity: 'error' | 'info';
  /** A readable one-line diff; secrets are masked. */
  message: string;
}

export interface LiveCommandResult {
  operationName: string;
  status: 'passed' | 'failed' | 'skipped';
  /** Why the command was not replayed, or what failed before a comparison was possible. */
  reason?: string;
  /** The request sent, secrets masked. */
  input?: unknown;
  /** Documented placeholder → live value (masked). */
  bindings: Array<[string, string]>;
  /** The live response in CLI v2 form, secrets masked. */
  output?: unknown;
  error?: { name: string; message: string };
  differences: OutputDifference[];
  /** Time in SDK calls (the fixture's and the command's own), and the whole replay, in ms. */
  sdkMs: number;
  totalMs: number;
}

/** How one command's replay went, as reports show it: the documented and the replayed output side by side. */
export interface CommandReplay {
  status: 'passed' | 'failed' | 'not-replayed';
  /** Why the command was not replayed, its output not compared, or what failed before a comparison. */
  reason?: string;
  /** The documented output and the replayed one (the CLI's form), secrets masked; absent when not compared. */
  documented?: unknown;
  replayed?: unknown;
  /** Where the two differ: JSON pointers into the documented output (extra keys: into the replayed one). */
  differences: Array<{ pointer: string; kind?: OutputDifference['kind']; message: string; severity?: OutputDifference['severity'] }>;
}
