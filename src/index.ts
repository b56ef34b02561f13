/**
 * docs-harness as a library: the same stages the CLI runs, for editors, scripts and other test runners.
 * `docs-harness/vitest` registers one vitest test per example.
 */
export { main } from './cli/main.js';
export { runFiles, type FileOutcome, type RunOptions, type RunResult } from './cli/run.js';
export { parseDocument, readDocument, documentFromText, rstParse, markdownParse } from './document/index.js';
export { extractExamples } from './examples/index.js';
export type { Example, ExampleDocument, Output } from './examples/types.js';
export { readShellCommand, splitCommands } from './commands/shell.js';
export { readCommandsInBlock, type BlockCommand, type BlockReadOptions, type ShellDialect } from './commands/index.js';
export { parseAwsCommand } from './commands/aws.js';
export { parseShorthand } from './commands/shorthand.js';
export { embeddedModels, loadModels, ModelLoadError } from './model/load.js';
export { translateCommand } from './model/input/index.js';
export { validateOutput } from './model/output.js';
export { analyzeFile, analyzeVFile, parseExamples, type FileResult } from './pipeline.js';
export { allRules, documentRules, modelRules, replayRules, ruleById } from './rules/index.js';
export type { GenericClient, GenericClientOptions, GenericProtocol } from './replay/generic/client.js';

/** `callOperation` of the generic client (src/replay/generic), loaded on first use: the SDK's protocols cost every other use start-up time. */
export async function callOperation(...args: Parameters<typeof import('./replay/generic/client.js').callOperation>): Promise<Record<string, unknown>> {
  const { callOperation: call } = await import('./replay/generic/client.js');
  return call(...args);
}
export { runRules, type EngineOptions } from './rules/engine.js';
export { formatFinding, type Finding, type Rule, type Severity } from './rules/types.js';
export { formatReport, REPORT_FORMATS, type ReportFormat } from './reports/index.js';
export { buildCoverageReport, CoverageCollector, type CoverageOptions, type CoverageReport, type ServiceCoverage } from './coverage/index.js';
export { formatCoverage, COVERAGE_FORMATS, type CoverageFormat } from './reports/coverage.js';
