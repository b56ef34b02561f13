import type { CommandSummary, RunReport } from '../reports/types.js';
import type { Finding } from '../rules/types.js';
import type { ExtractedFile } from './extract.js';

/** Where an example stands, for reporters that group findings by example. */
export interface ExampleSummary {
  index: number;
  title: string | null;
  startLine: number;
  endLine: number;
}

/** What a run keeps of one file: plain data, the document itself is let go. */
export interface FileOutcome {
  path: string;
  findings: Finding[];
  examples: ExampleSummary[];
  /** The document's text (baselines fingerprint findings by their source line). */
  text: string;
  /** Its text as reports may show it (secrets masked), when it has findings. */
  source?: string;
  commands: CommandSummary[];
  extract?: ExtractedFile;
}

export interface RunResult {
  report: RunReport;
  outcomes: FileOutcome[];
}
