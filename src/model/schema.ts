import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ModelLoadError } from './load.js';
import { operationCliName } from './names.js';
import { javaPatternToJs } from './patterns.js';
import { printedForm, printedMembers } from './printed-forms.js';
import type { ModelIndex, ServiceModel, Shape, ShapeRef } from './types.js';

export type JsonSchema = { [keyword: string]: unknown };

/** A botocore pattern left out of the schema because JavaScript has no safe equivalent. */
export interface DroppedPattern {
  shape: string;
  pattern: string;
  reason: string;
}

export interface ServiceSchema {
  schema: JsonSchema;
  droppedPatterns: DroppedPattern[];
}

/** The `$id` of a service's schema document; ajv resolves `<id>#/$defs/...` against it. */
export function schemaId(cliService: string): string {
  return `urn:docs-harness:aws:${cliService}`;
}

/** `$defs` key of an operation's input or output schema: `InitiateAuth.output` (shape names never hold a dot). */
export function operationDefName(operation: string, direction: 'input' | 'output'): string {
  return `${operation}.${direction}`;
}

/** A ref ajv can compile once the service's schema is added: `urn:docs-harness:aws:cognito-idp#/$defs/InitiateAuth.output`. */
export function operationSchemaRef(cliService: string, operation: string, direction: 'input' | 'output'): string {
  return `${schemaId(cliService)}#/$defs/${operationDefName(operation, direction)}`;
}


/**
 * One JSON Schema (draft 2020-12) document for a service: a `$defs` entry per shape, plus `<Operation>.input` and
 * `<Operation>.output` entries. Annotations (`x-...`) carry the model facts a schema keyword cannot express.
 */
export function serviceSchema(model: ServiceModel): ServiceSchema {
  const droppedPatterns: DroppedPattern[] = [];
  const defs: Record<string, JsonSchema> = {};
  for (const name of Object.keys(model.shapes).sort()) {
    defs[name] = shapeSchema(model, name, model.shapes[name]!, droppedPatterns);
  }
  const operations: Record<string, JsonSchema> = {};
  for (const name of Object.keys(model.operations).sort()) {
    const operation = model.operations[name]!;
    const paginator = model.paginators[name];
    operations[name] = {
      cliName: operationCliName(name),
      ...(operation.deprecated ? { deprecated: true } : {}),
      ...(paginator ? { paginated: true } : {}),
      ...(printedMembers(model, name) ? { printedForms: printedMembers(model, name) } : {}),
    };
    defs[operationDefName(name, 'input')] = operation.input ? refSchema(operation.input) : emptyObject();
    defs[operationDefName(name, 'output')] = operation.output ? refSchema(operation.output) : emptyObject();
  }
  const schema: JsonSchema = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: schemaId(model.cliName),
    title: `${model.cliName} ${model.metadata.apiVersion}`,
    'x-aws-service': {
      cliName: model.cliName,
      serviceId: model.metadata.serviceId,
      apiVersion: model.metadata.apiVersion,
      protocol: model.metadata.protocol,
    },
    'x-aws-operations': operations,
    $defs: sortedDefs(defs),
  };
  return { schema, droppedPatterns };
}

function sortedDefs(defs: Record<string, JsonSchema>): Record<string, JsonSchema> {
  return Object.fromEntries(Object.entries(defs).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function emptyObject(): JsonSchema {
  return { type: 'object', additionalProperties: false };
}

function refSchema(ref: ShapeRef): JsonSchema {
  // A `jsonvalue` member holds JSON text on the wire that botocore decodes into any value.
  if (ref.jsonvalue) return { 'x-aws-jsonvalue': true, 'x-aws-shape': ref.shape };
  return {
    $ref: `#/$defs/${ref.shape}`,
    ...(ref.deprecated ? { deprecated: true } : {}),
    ...(ref.idempotencyToken ? { 'x-aws-idempotency-token': true } : {}),
  };
}

function defined(entries: Record<string, unknown>): JsonSchema {
  return Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== undefined));
}

function shapeSchema(model: ServiceModel, name: string, shape: Shape, dropped: DroppedPattern[]): JsonSchema {
  const annotations = {
    deprecated: shape.deprecated ? true : undefined,
    'x-sensitive': shape.sensitive ? true : undefined,
  };
  // botocore writes a document as a structure marked `document`: it holds any JSON value.
  if (shape.document) return defined({ 'x-aws-type': 'document', ...annotations });
  switch (shape.type) {
    case 'structure': {
      const members = shape.members ?? {};
      return defined({
        type: 'object',
        properties: Object.fromEntries(Object.entries(members).map(([member, ref]) => [member, refSchema(ref)])),
        required: shape.required?.length ? [...shape.required] : undefined,
        additionalProperties: false,
        // A union holds exactly one of its members.
        minProperties: shape.union ? 1 : undefined,
        maxProperties: shape.union ? 1 : undefined,
        'x-aws-union': shape.union ? true : undefined,
        'x-aws-exception': shape.exception ? true : undefined,
        ...annotations,
      });
    }
    case 'list':
      return defined({
        type: 'array',
        items: shape.member ? refSchema(shape.member) : {},
        minItems: shape.min,
        maxItems: shape.max,
        ...annotations,
      });
    case 'map':
      return defined({
        type: 'object',
        additionalProperties: shape.value ? refSchema(shape.value) : {},
        propertyNames: shape.key ? refSchema(shape.key) : undefined,
        minProperties: shape.min,
        maxProperties: shape.max,
        ...annotations,
      });
    case 'string': {
      let pattern: string | undefined;
      let javaPattern: string | undefined;
      if (shape.pattern !== undefined) {
        const translation = javaPatternToJs(shape.pattern);
        if ('pattern' in translation) pattern = translation.pattern;
        else {
          javaPattern = shape.pattern;
          dropped.push({ shape: name, pattern: shape.pattern, reason: translation.reason });
        }
      }
      return defined({
        type: 'string',
        enum: shape.enum ? [...shape.enum] : undefined,
        minLength: shape.min,
        maxLength: shape.max,
        pattern,
        'x-aws-java-pattern': javaPattern,
        'x-aws-decoded-json': printedForm(model, '', name) === 'json' ? true : undefined,
        ...annotations,
      });
    }
    case 'integer':
    case 'long':
      return defined({ type: 'integer', minimum: shape.min, maximum: shape.max, 'x-aws-type': shape.type, ...annotations });
    case 'float':
    case 'double':
      return defined({ type: 'number', minimum: shape.min, maximum: shape.max, 'x-aws-type': shape.type, ...annotations });
    case 'boolean':
      return defined({ type: 'boolean', ...annotations });
    case 'timestamp':
      // The CLI v2 prints timestamps as ISO 8601 strings; v1's epoch numbers are told apart by the output checker.
      return defined({
        type: 'string',
        format: 'date-time',
        'x-aws-type': 'timestamp',
        'x-aws-timestamp-format': shape.timestampFormat,
        ...annotations,
      });
    case 'blob':
      return defined({ type: 'string', contentEncoding: 'base64', 'x-aws-type': 'blob', ...annotations });
    default:
      // Types this version does not know hold any JSON value.
      return defined({ 'x-aws-type': shape.type, ...annotations });
  }
}

/** JSON as committed: 2-space indent and a final newline (keys keep the order they were built in). */
export function formatJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

export interface WrittenSchemas {
  service: string;
  files: string[];
  operations: number;
  shapes: number;
  droppedPatterns: DroppedPattern[];
}

/**
 * Write `<outDir>/<service>.schema.json` (the JSON Schema) and `<outDir>/<service>.model.json` (the digested model:
 * facts only, what the translator needs without botocore files).
 */
export function writeServiceSchemas(models: ModelIndex, service: string, outDir: string): WrittenSchemas {
  const model = models.get(service);
  if (!model) throw new ModelLoadError(`no model for service '${service}' in the models folder`);
  const { schema, droppedPatterns } = serviceSchema(model);
  mkdirSync(outDir, { recursive: true });
  const schemaFile = path.join(outDir, `${service}.schema.json`);
  const modelFile = path.join(outDir, `${service}.model.json`);
  writeFileSync(schemaFile, formatJson(schema));
  writeFileSync(modelFile, formatJson(model));
  return {
    service,
    files: [schemaFile, modelFile],
    operations: Object.keys(model.operations).length,
    shapes: Object.keys(model.shapes).length,
    droppedPatterns,
  };
}
