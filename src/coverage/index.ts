export { CoverageCollector } from './collect.js';
export { buildCoverageReport, type CoverageOptions } from './report.js';
export type { CoverageReport, CoverageThreshold, CoverageTotals, FileMismatch, OperationCoverage, ServiceCoverage, UnmodelledService } from './types.js';
