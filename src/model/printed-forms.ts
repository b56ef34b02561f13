import type { ServiceModel } from './types.js';

/**
 * How the AWS CLI prints a value that botocore's after-call handlers rewrite (botocore/handlers.py): `json`, the
 * JSON the string holds, decoded (kept as the string when it is not JSON); `text`, base64 decoded into text.
 */
export type PrintedForm = 'json' | 'text';

/** Top-level output members rewritten for one operation, by CLI service name and API operation. */
const OUTPUT_MEMBERS: Record<string, Record<string, Record<string, PrintedForm>>> = {
  // json_decode_template_body: a JSON template is printed as the object it holds; a YAML one stays a string.
  cloudformation: { GetTemplate: { TemplateBody: 'json' } },
  // decode_console_output: the console output is sent as base64 and printed as text.
  ec2: { GetConsoleOutput: { Output: 'text' } },
};

/** Shapes rewritten wherever they stand in a service's outputs. */
const OUTPUT_SHAPES: Record<string, Record<string, PrintedForm>> = {
  // json_decode_policies: IAM returns policies as URL-encoded JSON, printed as the decoded object.
  iam: { policyDocumentType: 'json' },
};

/** The form the CLI prints the member `member` (shape `shapeName`) in; `member` only for the output's own members. */
export function printedForm(model: ServiceModel, operation: string, shapeName: string, topLevelMember?: string): PrintedForm | undefined {
  const byShape = OUTPUT_SHAPES[model.cliName]?.[shapeName];
  if (byShape) return byShape;
  return topLevelMember === undefined ? undefined : OUTPUT_MEMBERS[model.cliName]?.[operation]?.[topLevelMember];
}

/** The output members `operation` prints in another form than the service sends (for schemas). */
export function printedMembers(model: ServiceModel, operation: string): Record<string, PrintedForm> | undefined {
  return OUTPUT_MEMBERS[model.cliName]?.[operation];
}

/** Whether botocore rewrites any output member of the service (most services: none, and replay skips the walk). */
export function hasPrintedForms(model: ServiceModel): boolean {
  return OUTPUT_SHAPES[model.cliName] !== undefined || OUTPUT_MEMBERS[model.cliName] !== undefined;
}
