import abbreviatedParameter from './abbreviated-parameter.js';
import commandAsText from './command-as-text.js';
import customization from './customization.js';
import documentRecovered from './document-recovered.js';
import duplicateParameter from './duplicate-parameter.js';
import exampleTitle from './example-title.js';
import fileName from './file-name.js';
import httpLink from './http-link.js';
import invalidParameterValue from './invalid-parameter-value.js';
import literalBlockExpected from './literal-block-expected.js';
import missingRequiredParameter from './missing-required-parameter.js';
import nonAscii from './non-ascii.js';
import notReplayed from './not-replayed.js';
import notValidated from './not-validated.js';
import operationFileMismatch from './operation-file-mismatch.js';
import outputAttachment from './output-attachment.js';
import outputConflict from './output-conflict.js';
import outputJson from './output-json.js';
import outputSchema from './output-schema.js';
import queryPath from './query-path.js';
import replayError from './replay-error.js';
import replayMismatch from './replay-mismatch.js';
import replayRequest from './replay-request.js';
import replayResponse from './replay-response.js';
import shellContinuation from './shell-continuation.js';
import shellSyntax from './shell-syntax.js';
import type { Rule } from './types.js';
import unknownOperation from './unknown-operation.js';
import unknownParameter from './unknown-parameter.js';
import unknownService from './unknown-service.js';
import unreadableFile from './unreadable-file.js';
import unusedSuppression from './unused-suppression.js';

/** Rules that read the document alone (what `extract` runs). */
export const documentRules: readonly Rule[] = [
  unreadableFile,
  fileName,
  documentRecovered,
  exampleTitle,
  commandAsText,
  literalBlockExpected,
  shellContinuation,
  shellSyntax,
  nonAscii,
  httpLink,
  outputJson,
  outputConflict,
  outputAttachment,
  unusedSuppression,
];

/** Rules that check commands and outputs against the service models (`check`). */
export const modelRules: readonly Rule[] = [
  unknownService,
  unknownOperation,
  unknownParameter,
  abbreviatedParameter,
  missingRequiredParameter,
  duplicateParameter,
  invalidParameterValue,
  queryPath,
  customization,
  operationFileMismatch,
  notValidated,
  outputSchema,
];

/** Rules about replaying commands through the SDK client; they report only when a replay target is set. */
export const replayRules: readonly Rule[] = [replayRequest, replayResponse, replayError, replayMismatch, notReplayed];

/** Every rule, in the order they run. */
export const allRules: readonly Rule[] = [...documentRules, ...modelRules, ...replayRules];

export function ruleById(id: string): Rule | undefined {
  return allRules.find((rule) => rule.id === id);
}
