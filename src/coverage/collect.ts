import type { AwsCommand } from '../commands/types.js';
import type { Example } from '../examples/types.js';
import { shapeOf } from '../model/input/values.js';
import { operationApiName, unaliasedServiceName, xformName } from '../model/names.js';
import type { ModelIndex } from '../model/types.js';
import { fileCommandMismatch } from '../rules/operation-file-mismatch.js';
import type { RuleContext } from '../rules/types.js';

/** What the examples do with one operation, gathered across documents (API names). */
export interface OperationUsage {
  commands: number;
  files: Set<string>;
  inputMembers: Set<string>;
  outputMembers: Set<string>;
  outputsRead: number;
  outputsSkipped: number;
  /** An example passes `--starting-token`, `--max-items` or `--page-size`: the paginator is shown. */
  paginated: boolean;
  /** The CLI replaces the operation by a customization of the same name (`emr describe-cluster`): its input and output are not read. */
  customized: boolean;
}

export interface ServiceUsage {
  files: Set<string>;
  commands: number;
  /** By API operation name. */
  operations: Map<string, OperationUsage>;
  /** Waiters (API names) some `aws <service> wait <waiter>` command runs. */
  waiters: Set<string>;
}

export interface MismatchUsage {
  file: string;
  line: number;
  column: number;
  documented: string;
  runs: string;
}

const PAGINATION_OPTIONS = new Set(['--starting-token', '--max-items', '--page-size']);

/**
 * Gathers what coverage needs from each document the check pipeline analyses (`observe`): per service, the
 * operations and waiters commands run, the input members they pass and the output members documented outputs show.
 * It reads the commands' translations the rules share, so no command is read twice.
 */
export class CoverageCollector {
  readonly services = new Map<string, ServiceUsage>();
  /** Services used without a model here: their files and commands, by CLI name. */
  readonly unmodelled = new Map<string, { files: Set<string>; commands: number }>();
  readonly mismatches: MismatchUsage[] = [];

  constructor(private readonly models: ModelIndex) {}

  readonly observe = (context: RuleContext): void => {
    const { document } = context;
    for (const example of document.examples) {
      example.commands.forEach((command, index) => this.record(context, example, command, index, document.path));
    }
    const mismatch = fileCommandMismatch(document);
    if (mismatch) {
      const at = mismatch.command.serviceWord!.start;
      this.mismatches.push({ file: document.path, line: at.line, column: at.column, documented: mismatch.documented, runs: mismatch.runs });
    }
  };

  private record(context: RuleContext, example: Example, command: AwsCommand, index: number, file: string): void {
    if (command.service === undefined) return;
    const service = unaliasedServiceName(command.service);
    const model = this.models.get(service);
    if (!model) {
      const entry = this.unmodelled.get(service) ?? { files: new Set<string>(), commands: 0 };
      entry.files.add(file);
      entry.commands++;
      this.unmodelled.set(service, entry);
      return;
    }
    const usage = this.serviceUsage(service);
    usage.files.add(file);
    usage.commands++;
    const translation = context.translation(command, example);
    if (!translation) return;
    if (command.operation === 'wait') {
      // A waiter polls its operation: it covers the waiter, not the operation's own documentation.
      const waiterWord = command.args[0]?.value;
      const waiter = Object.keys(model.waiters).find((name) => xformName(name) === waiterWord);
      if (waiter) usage.waiters.add(waiter);
      return;
    }
    const outputs = example.outputs.filter((output) => output.commandIndex === index && output.kind !== 'none');
    if (translation.customization !== undefined) {
      // A customization that keeps an operation's name (`emr describe-cluster`, `logs start-live-tail`) documents that command.
      const replaced = command.operation === undefined ? undefined : operationApiName(model.operations, command.operation);
      if (replaced === undefined) return;
      const operation = this.operationUsage(usage, replaced, file);
      operation.customized = true;
      operation.outputsSkipped += outputs.length;
      return;
    }
    const { operationName } = translation;
    if (operationName === undefined) return;
    const operation = this.operationUsage(usage, operationName, file);
    const operationModel = model.operations[operationName]!;
    const inputMembers = operationModel.input ? shapeOf(model, operationModel.input).members ?? {} : {};
    for (const argument of translation.arguments) {
      if (argument.member !== undefined) operation.inputMembers.add(argument.member);
      if (PAGINATION_OPTIONS.has(argument.name)) operation.paginated = true;
    }
    // Members from --cli-input-json are in the input only.
    for (const member of Object.keys(translation.input ?? {})) if (Object.hasOwn(inputMembers, member)) operation.inputMembers.add(member);

    const reshaped = translation.output.format !== 'json' || translation.output.query !== undefined;
    for (const output of outputs) {
      if (reshaped || !isPlainObject(output.value)) {
        operation.outputsSkipped++;
        continue;
      }
      operation.outputsRead++;
      for (const key of Object.keys(output.value)) operation.outputMembers.add(key);
    }
  }

  private serviceUsage(service: string): ServiceUsage {
    let usage = this.services.get(service);
    if (!usage) {
      usage = { files: new Set(), commands: 0, operations: new Map(), waiters: new Set() };
      this.services.set(service, usage);
    }
    return usage;
  }

  /** The operation's usage, with one more command from `file`. */
  private operationUsage(usage: ServiceUsage, operationName: string, file: string): OperationUsage {
    let operation = usage.operations.get(operationName);
    if (!operation) {
      operation = { commands: 0, files: new Set(), inputMembers: new Set(), outputMembers: new Set(), outputsRead: 0, outputsSkipped: 0, paginated: false, customized: false };
      usage.operations.set(operationName, operation);
    }
    operation.commands++;
    operation.files.add(file);
    return operation;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
