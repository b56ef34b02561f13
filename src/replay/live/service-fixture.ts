import type { DocumentedOutcome } from '../types.js';

/** What an example assumes exists, created before its commands and removed after them (one per service). */
export interface ServiceFixture {
  /** Reads a document's commands first: what one command shows (a key schema, a shard count) serves the others. */
  learn(operationName: string, input: Record<string, unknown>, documented: DocumentedOutcome): void;
  /** Creates what this command assumes exists (a table with its items, a bucket with its objects, a stream). */
  prepare(operationName: string, input: Record<string, unknown>, documented: DocumentedOutcome): Promise<void>;
  /** Removes what the fixture and the example's own commands created. */
  cleanUp(): Promise<void>;
}

export type FixtureCall = (operationName: string, input: Record<string, unknown>) => Promise<Record<string, unknown>>;
