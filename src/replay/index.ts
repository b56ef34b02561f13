import type { AwsCommand } from '../commands/types.js';
import { NESTED_TOO_DEEP } from '../document/json-text.js';
import type { Example, ExampleDocument } from '../examples/types.js';
import type { CommandTranslation } from '../model/input/types.js';
import { outputNotValidatedReason } from '../rules/not-validated.js';
import type { RuleContext } from '../rules/types.js';
import { replayMock } from './mock.js';
import type { DocumentedOutcome, ReplayResult } from './types.js';

export type { DocumentedOutcome, ReplayProblem, ReplayResult } from './types.js';

/** The AWS CLI's error line: `An error occurred (NotAuthorizedException) when calling the InitiateAuth operation: ...`. */
const cliErrorLine = /An error occurred \(([A-Za-z0-9_.#]+)\)(?: when calling the \w+ operation)?(?:\s*(?:\(reached max retries: \d+\))?:\s*([^\n]*))?/;

/**
 * What the document says a command answers: a JSON output, no output, an error (in a text output, or in the
 * prose of a one-command example), or something replay cannot compare.
 */
export function documentedOutcome(document: ExampleDocument, example: Example, commandIndex: number, translation: CommandTranslation): DocumentedOutcome {
  const outputs = example.outputs.filter((output) => output.commandIndex === commandIndex);
  const { start, end } = example.position;
  const prose = example.commands.length === 1 && start.offset !== undefined ? [String(document.file.value).slice(start.offset, end.offset)] : [];
  const errorText = [...outputs.filter((output) => output.kind === 'text').map((output) => output.raw), ...prose]
    .map((text) => cliErrorLine.exec(text))
    .find((match) => match !== null);
  if (errorText) return { kind: 'error', code: errorText[1]!, ...(errorText[2] ? { message: errorText[2].trim() } : {}) };
  const output = outputs.find((candidate) => candidate.kind !== 'none') ?? outputs[0];
  if (!output) return { kind: 'unchecked', reason: 'no output is documented' };
  if (output.kind === 'none') return { kind: 'none' };
  if (translation.output.query !== undefined) return { kind: 'unchecked', reason: 'the output is projected by --query' };
  // What `check` does not hold against the response schema (another command's output, the outfile's content...) is no response to compare either.
  const notAResponse = outputNotValidatedReason(translation, example, commandIndex);
  if (notAResponse) return { kind: 'unchecked', reason: notAResponse.replace(/,? (?:and|so the output) is not schema-checked$/, '') };
  if (translation.output.format !== 'json') return { kind: 'unchecked', reason: `the output is printed with --output ${translation.output.format}` };
  if (output.kind !== 'json') return { kind: 'unchecked', reason: `the output is ${output.kind === 'table' ? 'a table' : 'plain text'}, not JSON` };
  if (output.json?.tooDeep) return { kind: 'unchecked', reason: `the output is ${NESTED_TOO_DEEP}` };
  if (output.value === undefined) return { kind: 'unchecked', reason: 'the output is not valid JSON' };
  return { kind: 'json', value: withoutCliNextToken(output.value, translation) };
}

/** With `--max-items`, the CLI's paginator adds a `NextToken` of its own that the API output does not have. */
function withoutCliNextToken(value: unknown, translation: CommandTranslation): unknown {
  const { model, operationName } = translation;
  const outputShape = model?.shapes[model.operations[operationName ?? '']?.output?.shape ?? ''];
  if (!translation.output.maxItems || !translation.output.paginated || outputShape?.members?.NextToken) return value;
  if (typeof value !== 'object' || value === null || !('NextToken' in value)) return value;
  const { NextToken: _cliToken, ...apiOutput } = value as Record<string, unknown>;
  return apiOutput;
}

/** Replay one command through the SDK client with the mock transport, or say why it is not replayed. */
export async function replayCommand(
  document: ExampleDocument,
  example: Example,
  commandIndex: number,
  translation: CommandTranslation | undefined,
): Promise<ReplayResult> {
  if (!translation?.model) return { replayed: false, reason: 'no service model for this command' };
  if (translation.customization) return { replayed: false, reason: `a CLI customization (${translation.customization}) is not an API call` };
  if (!translation.operationName) return { replayed: false, reason: 'unknown operation' };
  if (!translation.input) return { replayed: false, reason: 'the command could not be turned into API input' };
  const region = translation.arguments.find((argument) => argument.name === '--region')?.words[1]?.value;
  return replayMock({
    model: translation.model,
    operationName: translation.operationName,
    input: translation.input,
    documented: documentedOutcome(document, example, commandIndex, translation),
    ...(region ? { region } : {}),
  });
}

/** Every command of a document replayed, one after another (the client is shared; the SDK's own work is the cost). */
export async function replayDocument(
  document: ExampleDocument,
  translate: (command: AwsCommand, example: Example) => CommandTranslation | undefined,
): Promise<Map<AwsCommand, ReplayResult>> {
  const results = new Map<AwsCommand, ReplayResult>();
  for (const example of document.examples) {
    for (const [index, command] of example.commands.entries()) {
      results.set(command, await replayCommand(document, example, index, translate(command, example)));
    }
  }
  return results;
}

/** The engine's `extend` hook: gives rules `context.replay`, each command replayed once however many rules ask. */
export function extendWithReplay(context: RuleContext): void {
  const results = new Map<AwsCommand, Promise<ReplayResult>>();
  context.replay = (command, example) => {
    let result = results.get(command);
    if (!result) {
      result = replayCommand(context.document, example, example.commands.indexOf(command), context.translation(command, example));
      results.set(command, result);
    }
    return result;
  };
}

