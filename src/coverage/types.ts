import type { ModelsUsed } from '../model/discover.js';

/**
 * Example coverage of the service models by a set of documents: what `docs-harness coverage` reports and what a
 * reporter (pretty, json, html) takes. Names are the CLI's: services `cognito-idp`, operations `admin-create-user`,
 * input members as their options (`--user-pool-id`); output members as the JSON output shows them (`UserPool`).
 * `schemas/coverage.schema.json` describes the JSON form.
 */
export interface CoverageReport {
  /** The service models coverage is measured against. */
  models?: ModelsUsed;
  /** Documents read. */
  files: number;
  totals: CoverageTotals;
  /** Services with a model, by CLI name: those the documents use, or every one in the models with `--all-services`. */
  services: ServiceCoverage[];
  /** Services the documents use that have no usable model here: listed, never counted. */
  servicesWithoutModel: UnmodelledService[];
  /** Files whose name says one command while their commands run another (`operation-file-mismatch`). */
  fileMismatches: FileMismatch[];
  /** The minimums asked for (`--min-coverage`, the config file's `coverage`), and whether each is met. */
  thresholds: CoverageThreshold[];
  /** Lines the run wants the reader to know (folders skipped, thresholds that could not be checked). */
  notes: string[];
}

export interface CoverageTotals {
  services: number;
  operations: number;
  covered: number;
  /** covered / operations × 100, two decimals; null when there is no operation. */
  percent: number | null;
}

export interface ServiceCoverage {
  service: string;
  apiVersion: string;
  /** The API version before this one, when the models folder holds it: `newOperations` are those it lacks. */
  previousApiVersion?: string;
  /** How many operations the model has. */
  operations: number;
  /** Operations with at least one example command, alphabetical. */
  covered: string[];
  /** Operations with none: new operations first (when an older API version is known), then alphabetical. */
  uncovered: string[];
  /** Operations absent from the previous API version's model (present only when one is known). */
  newOperations?: string[];
  percent: number | null;
  /** Documents with at least one command of the service. */
  files: number;
  commands: number;
  /** Per covered operation: how much of its input and output the examples show. */
  details: Record<string, OperationCoverage>;
  paginators: { total: number; withoutExample: string[] };
  waiters: { total: number; withoutExample: string[] };
}

export interface OperationCoverage {
  commands: number;
  files: number;
  /** The CLI replaces the operation by a customization of the same name (`emr describe-cluster`): input and output are not read. */
  customized?: true;
  input: {
    /** Input members an example can pass (a paginated operation's token and page size left out: the CLI hides them). */
    members: number;
    passed: number;
    /** Their options, in model order. */
    neverPassed: string[];
  };
  output: {
    /** Top-level output members (a paginated operation's continuation token left out: the CLI merges pages). */
    members: number;
    shown: number;
    neverShown: string[];
    /** Documented outputs read for members: JSON objects of commands whose output is not reshaped. */
    outputsRead: number;
    /** Documented outputs not read: not JSON, or shaped by `--query` / `--output text|table`. */
    outputsSkipped: number;
  };
}

export interface UnmodelledService {
  service: string;
  reason: string;
  files: number;
  commands: number;
}

export interface FileMismatch {
  file: string;
  line: number;
  column: number;
  /** The command the file's name documents: `aws cognito-idp list-groups`. */
  documented: string;
  /** The command its first example runs instead. */
  runs: string;
}

export interface CoverageThreshold {
  /** `selection`: every service of the report together; `service`: one service (the config file's `coverage.services`). */
  scope: 'selection' | 'service';
  service?: string;
  /** Where the minimum comes from: `--min-coverage` or the config file. */
  source: 'flag' | 'config';
  minimum: number;
  percent: number | null;
  met: boolean;
}
