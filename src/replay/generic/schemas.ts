import { ServiceException } from '@smithy/core/client';
import { TypeRegistry } from '@smithy/core/schema';
import type { OperationModel, ServiceModel, Shape, ShapeRef } from '../../model/types.js';

/**
 * Smithy static schemas built from a botocore model, in the form generated SDK v3 clients ship
 * (`dist-es/schemas/schemas_0.js`), so the SDK's own protocols serialize and deserialize them.
 * Hand-written because no library turns botocore JSON into Smithy schemas; the layout follows
 * `@smithy/types`' `StaticSchema` (ids 0 simple, 1 list, 2 map, 3 structure, 4 union, -3 error, 9 operation).
 */
export type SchemaRef = number | string | StaticSchema | (() => SchemaRef) | [SchemaRef, Traits];
type Traits = number | Record<string, unknown>;
type StaticSchema = [number, string, string, Traits, ...unknown[]];

/** Simple schema ids (`@smithy/core/schema`'s SCHEMA). */
const simple = {
  string: 0,
  numeric: 1,
  boolean: 2,
  timestampDefault: 4,
  timestampDateTime: 5,
  timestampHttpDate: 6,
  timestampEpochSeconds: 7,
  bigInteger: 17,
  bigDecimal: 19,
  blob: 21,
  streamingBlob: 42,
  document: 15,
} as const;

const numericTypes = new Set(['integer', 'long', 'float', 'double', 'short', 'byte']);

const timestampFormats: Record<string, number> = {
  iso8601: simple.timestampDateTime,
  rfc822: simple.timestampHttpDate,
  unixTimestamp: simple.timestampEpochSeconds,
};

/** The error classes a service's errors are raised as, found by the code on the wire or the shape name. */
export type ErrorClass = new (options: Record<string, unknown>) => Error;

export interface ServiceSchemas {
  /** The Smithy namespace the schemas live in (unique per model, so two models never share a registry). */
  namespace: string;
  /** Registries for the protocol's `errorTypeRegistries`. */
  errorTypeRegistries: TypeRegistry[];
  /** The static operation schema (`[9, ns, name, traits, input, output]`). */
  operation(operationName: string): StaticSchema;
  /** The class an error shape is raised as. */
  errorClass(shapeName: string): ErrorClass | undefined;
  /** The service's base exception (`<Service>ServiceException`): what unknown error codes are raised as. */
  baseException: ErrorClass;
}

let modelCount = 0;
const built = new WeakMap<ServiceModel, ServiceSchemas>();

/** The schemas of a model, built once per model object and shape (recursive shapes are referenced lazily). */
export function serviceSchemas(model: ServiceModel): ServiceSchemas {
  let schemas = built.get(model);
  if (!schemas) {
    schemas = buildSchemas(model);
    built.set(model, schemas);
  }
  return schemas;
}

function buildSchemas(model: ServiceModel): ServiceSchemas {
  const namespace = `docs-harness.replay.m${++modelCount}.${identifier(model.metadata.serviceId || model.cliName)}`;
  const shapeSchemas = new Map<string, SchemaRef>();
  const operations = new Map<string, StaticSchema>();
  const errorClasses = new Map<string, ErrorClass>();
  const registry = new TypeRegistry(namespace);
  const syntheticRegistry = new TypeRegistry(`smithy.ts.sdk.synthetic.${namespace}`);
  const baseName = `${identifier(model.metadata.serviceId || model.cliName)}ServiceException`;
  const baseException = namedClass(baseName, ServiceException as unknown as ErrorClass, undefined);
  syntheticRegistry.registerError([-3, `smithy.ts.sdk.synthetic.${namespace}`, baseName, 0, [], []] as never, baseException as never);
  const isXml = ['rest-xml', 'query', 'ec2'].includes(protocolName(model));

  const schemaOf = (name: string): SchemaRef => {
    const existing = shapeSchemas.get(name);
    if (existing !== undefined) return existing;
    const shape = model.shapes[name];
    if (!shape) throw new Error(`the model has no shape ${name}`);
    const schema = shapeSchema(name, shape);
    shapeSchemas.set(name, schema);
    return schema;
  };
  // Aggregates are referenced through a function, as generated clients do: that is what lets a shape contain itself.
  const refTo = (ref: ShapeRef, memberTraits: Record<string, unknown>): SchemaRef => {
    const shape = model.shapes[ref.shape];
    const timestamp = shape?.type === 'timestamp' && typeof ref.timestampFormat === 'string' ? timestampFormats[ref.timestampFormat] : undefined;
    const target: SchemaRef = timestamp ?? (isAggregate(shape) ? () => schemaOf(ref.shape) : schemaOf(ref.shape));
    return Object.keys(memberTraits).length > 0 ? [target, memberTraits] : target;
  };

  const shapeSchema = (name: string, shape: Shape): SchemaRef => {
    switch (shape.type) {
      case 'structure': {
        if (shape.document) return simple.document;
        const members = Object.entries(shape.members ?? {});
        const required = new Set(shape.required ?? []);
        // Generated schemas list required members first and give their count: the SDK reads it that way.
        members.sort(([a], [b]) => Number(required.has(b)) - Number(required.has(a)));
        const requiredCount = members.filter(([memberName]) => required.has(memberName)).length;
        const traits = structureTraits(shape);
        const id = shape.exception || shape.error ? -3 : shape.union ? 4 : 3;
        const schema: StaticSchema = [
          id,
          namespace,
          name,
          traits,
          members.map(([memberName]) => memberName),
          members.map(([memberName, ref]) => refTo(ref, memberTraitsOf(memberName, ref, shape))),
        ];
        if (requiredCount > 0 && id !== 4) schema.push(requiredCount);
        if (id === -3) {
          const errorClass = namedClass(name, baseException, traits.error as string);
          errorClasses.set(name, errorClass);
          registry.registerError(schema as never, errorClass as never);
        }
        return schema;
      }
      case 'list':
        return [1, namespace, name, containerTraits(shape), refTo(shape.member!, nestedTraits(shape.member!))];
      case 'map':
        return [2, namespace, name, containerTraits(shape), refTo(shape.key!, nestedTraits(shape.key!)), refTo(shape.value!, nestedTraits(shape.value!))];
      default:
        return simpleSchema(shape);
    }
  };

  const structureTraits = (shape: Shape): Record<string, unknown> => {
    const traits: Record<string, unknown> = {};
    const error = shape.error as { code?: string; httpStatusCode?: number; senderFault?: boolean } | undefined;
    if (shape.exception || error) {
      traits.error = error?.senderFault === false || (error?.httpStatusCode ?? 400) >= 500 ? 'server' : 'client';
      if (error?.httpStatusCode) traits.httpError = error.httpStatusCode;
      if (error?.code) traits.awsQueryError = [error.code, error.httpStatusCode ?? 400];
    }
    if (typeof shape.locationName === 'string') traits.xmlName = shape.locationName;
    if (shape.xmlNamespace) traits.xmlNamespace = xmlNamespace(shape.xmlNamespace);
    if (shape.sensitive) traits.sensitive = 1;
    return traits;
  };

  const containerTraits = (shape: Shape): Traits => {
    const traits: Record<string, unknown> = {};
    if (shape.flattened) traits.xmlFlattened = 1;
    if (shape.sensitive) traits.sensitive = 1;
    return Object.keys(traits).length > 0 ? traits : 0;
  };

  /** Traits of a list member or map key/value: only its XML name and namespace. */
  const nestedTraits = (ref: ShapeRef): Record<string, unknown> => {
    const traits: Record<string, unknown> = {};
    if (ref.locationName) traits.xmlName = ref.locationName;
    if (ref.xmlNamespace) traits.xmlNamespace = xmlNamespace(ref.xmlNamespace);
    return traits;
  };

  const memberTraitsOf = (memberName: string, ref: ShapeRef, owner: Shape): Record<string, unknown> => {
    const traits: Record<string, unknown> = {};
    const target = model.shapes[ref.shape];
    switch (ref.location) {
      case 'header':
        traits.httpHeader = ref.locationName ?? memberName;
        if (ref.jsonvalue || target?.jsonvalue) traits.mediaType = 'application/json';
        break;
      case 'headers':
        traits.httpPrefixHeaders = ref.locationName ?? '';
        break;
      case 'querystring':
        if (target?.type === 'map') traits.httpQueryParams = 1;
        else traits.httpQuery = ref.locationName ?? memberName;
        break;
      case 'uri':
        traits.httpLabel = 1;
        break;
      case 'statusCode':
        traits.httpResponseCode = 1;
        break;
      default:
        if (ref.locationName) {
          if (isXml) traits.xmlName = ref.locationName;
          else traits.jsonName = ref.locationName;
        }
    }
    if (owner.payload === memberName) traits.httpPayload = 1;
    if (typeof ref.queryName === 'string') traits.ec2QueryName = ref.queryName;
    if (ref.flattened) traits.xmlFlattened = 1;
    if (ref.xmlAttribute) traits.xmlAttribute = 1;
    if (ref.xmlNamespace) traits.xmlNamespace = xmlNamespace(ref.xmlNamespace);
    if (ref.idempotencyToken) traits.idempotencyToken = 1;
    if (ref.hostLabel) traits.hostLabel = 1;
    if (ref.streaming || target?.streaming) traits.streaming = 1;
    if (target?.eventstream) traits.streaming = 1;
    return traits;
  };

  const operationSchema = (operationName: string): StaticSchema => {
    let schema = operations.get(operationName);
    if (!schema) {
      const operation = model.operations[operationName];
      if (!operation) throw new Error(`the model has no operation ${operationName}`);
      schema = [9, namespace, operationName, operationTraits(model, operation), structureRef(operation.input), structureRef(operation.output)];
      operations.set(operationName, schema);
    }
    return schema;
  };
  const structureRef = (ref: ShapeRef | undefined): SchemaRef => (ref ? () => schemaOf(ref.shape) : 'unit');

  // Error shapes are registered when built: build them all up front, so any documented error finds its class.
  for (const [name, shape] of Object.entries(model.shapes)) if (shape.exception || shape.error) schemaOf(name);

  return {
    namespace,
    errorTypeRegistries: [syntheticRegistry, registry],
    operation: operationSchema,
    errorClass: (shapeName) => errorClasses.get(shapeName),
    baseException,
  };
}

function operationTraits(model: ServiceModel, operation: OperationModel): Record<string, unknown> {
  const traits: Record<string, unknown> = {};
  if (operation.http) traits.http = [operation.http.method, smithyUri(model, operation), operation.http.responseCode ?? 200];
  const endpoint = operation.endpoint as { hostPrefix?: string } | undefined;
  if (endpoint?.hostPrefix) traits.endpoint = [endpoint.hostPrefix];
  return traits;
}

/** botocore names URI labels by the member's `locationName` (`{restapi_id}`), Smithy by the member name (`{restApiId}`). */
function smithyUri(model: ServiceModel, operation: OperationModel): string {
  const members = Object.entries((operation.input && model.shapes[operation.input.shape]?.members) ?? {});
  return operation.http!.requestUri.replace(/\{([^}+]+)(\+?)\}/g, (label, name: string, greedy: string) => {
    const member = members.find(([memberName, ref]) => ref.location === 'uri' && (ref.locationName ?? memberName) === name);
    return member ? `{${member[0]}${greedy}}` : label;
  });
}

function simpleSchema(shape: Shape): number {
  if (numericTypes.has(shape.type)) return simple.numeric;
  switch (shape.type) {
    case 'boolean':
      return simple.boolean;
    case 'bigInteger':
      return simple.bigInteger;
    case 'bigDecimal':
      return simple.bigDecimal;
    case 'blob':
      return shape.streaming ? simple.streamingBlob : simple.blob;
    case 'timestamp':
      return (shape.timestampFormat ? timestampFormats[shape.timestampFormat] : undefined) ?? simple.timestampDefault;
    default:
      return simple.string;
  }
}

function isAggregate(shape: Shape | undefined): boolean {
  return shape !== undefined && ['structure', 'list', 'map'].includes(shape.type) && !shape.document;
}

/** botocore's `{ "uri": ..., "prefix": ... }` as Smithy's `[prefix, uri]`. */
function xmlNamespace(value: unknown): [string, string] {
  const { uri, prefix } = value as { uri?: string; prefix?: string };
  return [prefix ?? '', uri ?? ''];
}

/** The botocore protocol a client speaks: the first of `metadata.protocols` (preference order), else `metadata.protocol`. */
export function protocolName(model: ServiceModel): string {
  return model.metadata.protocols?.[0] ?? model.metadata.protocol;
}

function identifier(text: string): string {
  return text.replace(/[^A-Za-z0-9]/g, '');
}

/** A class with a given name, as generated clients declare one per error shape. */
function namedClass(name: string, base: ErrorClass, fault: string | undefined): ErrorClass {
  const classes = {
    [name]: class extends base {
      constructor(options: Record<string, unknown>) {
        super({ name, ...(fault ? { $fault: fault } : {}), ...options });
        this.name = name;
      }
    },
  };
  return classes[name]!;
}
