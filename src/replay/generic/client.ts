import {
  getHostHeaderPlugin,
  getLoggerPlugin,
  getRecursionDetectionPlugin,
  getUserAgentPlugin,
  resolveHostHeaderConfig,
  resolveUserAgentConfig,
  createDefaultUserAgentProvider,
} from '@aws-sdk/core/client';
import { AwsSdkSigV4Signer, resolveAwsSdkSigV4Config } from '@aws-sdk/core/httpAuthSchemes';
import { AwsEc2QueryProtocol, AwsJson1_0Protocol, AwsJson1_1Protocol, AwsQueryProtocol, AwsRestJsonProtocol, AwsRestXmlProtocol, AwsSmithyRpcV2CborProtocol } from '@aws-sdk/core/protocols';
import { DefaultIdentityProviderConfig, getHttpAuthSchemeEndpointRuleSetPlugin, getHttpSigningPlugin, NoAuthSigner } from '@smithy/core';
import { Sha256 } from '@smithy/core/checksum';
import { Client, Command, getSmithyContext, NoOpLogger } from '@smithy/core/client';
import { resolveRegionConfig } from '@smithy/core/config';
import { getEndpointPlugin, resolveEndpointConfig } from '@smithy/core/endpoints';
import { getContentLengthPlugin, parseUrl } from '@smithy/core/protocols';
import { getRetryPlugin, resolveRetryConfig } from '@smithy/core/retry';
import { getSchemaSerdePlugin } from '@smithy/core/schema';
import { calculateBodyLength, fromBase64, fromUtf8, toBase64, toUtf8 } from '@smithy/core/serde';
import { NodeHttpHandler, streamCollector } from '@smithy/node-http-handler';
import type { ServiceModel } from '../../model/types.js';
import { protocolName, serviceSchemas, type ErrorClass } from './schemas.js';

/** The wire protocols the generic client speaks, by their Smithy names. */
export type GenericProtocol = 'awsJson1_0' | 'awsJson1_1' | 'restJson1' | 'restXml' | 'awsQuery' | 'ec2Query' | 'rpcv2Cbor';

/** An SDK `requestHandler`: the mock transport, or `NodeHttpHandler` for a real server. */
export interface RequestHandler {
  handle(request: unknown, options?: Record<string, unknown>): Promise<{ response: unknown }>;
  updateHttpClientConfig?(key: never, value: never): void;
  httpHandlerConfigs?(): Record<string, unknown>;
  destroy?(): void;
}

export interface GenericClientOptions {
  /** Where requests go, e.g. `http://127.0.0.1:4567`; default the service's public endpoint (`https://<prefix>.<region>.amazonaws.com`). */
  endpoint?: string;
  region?: string;
  /** Default: the SDK's `NodeHttpHandler` (a real connection to `endpoint`). */
  requestHandler?: RequestHandler;
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
}

/** A service's client built from its model: every operation, through the SDK's protocol and middleware stack. */
export interface GenericClient {
  protocol: GenericProtocol;
  /** Sends one operation; resolves with the deserialized output, rejects with the modeled exception. `options` go to the request handler. */
  send(operationName: string, input: Record<string, unknown>, options?: Record<string, unknown>): Promise<Record<string, unknown>>;
  /** The class an error is raised as, by its shape name or its code on the wire (`error.code`). */
  exceptionClass(code: string): ErrorClass | undefined;
  destroy(): void;
}

const protocols: Record<string, GenericProtocol> = {
  'rest-json': 'restJson1',
  'rest-xml': 'restXml',
  query: 'awsQuery',
  ec2: 'ec2Query',
  'smithy-rpc-v2-cbor': 'rpcv2Cbor',
};

/** The protocol the generic client speaks for a model, or why it cannot. */
/** Why an operation is not replayed because it streams events (its input or output holds an event stream); undefined when it does not. */
export function eventStreamReason(model: ServiceModel, operationName: string): string | undefined {
  const operation = model.operations[operationName];
  for (const ref of [operation?.input, operation?.output]) {
    for (const [name, member] of Object.entries((ref ? model.shapes[ref.shape] : undefined)?.members ?? {})) {
      if (model.shapes[member.shape]?.eventstream) return `${operationName} streams events (${name}): event streams are not replayed`;
    }
  }
  return undefined;
}

export function genericProtocol(model: ServiceModel): { protocol: GenericProtocol } | { unsupported: string } {
  const name = protocolName(model);
  if (name === 'json') return { protocol: model.metadata.jsonVersion === '1.0' ? 'awsJson1_0' : 'awsJson1_1' };
  const protocol = protocols[name];
  return protocol ? { protocol } : { unsupported: `protocol ${name} is not replayed` };
}

const dummyCredentials = { accessKeyId: 'AKIDREPLAYEXAMPLE', secretAccessKey: 'replay-secret-example' };

/**
 * A client for any service in a botocore model, built the way generated SDK v3 clients are (the same
 * config resolvers and middleware plugins, in the same order), with schemas built from the model.
 * Retries are off: one attempt, so a documented throttling error surfaces as is.
 */
export function createGenericClient(model: ServiceModel, options: GenericClientOptions): GenericClient {
  const chosen = genericProtocol(model);
  if ('unsupported' in chosen) throw new Error(chosen.unsupported);
  const schemas = serviceSchemas(model);
  const { metadata } = model;
  const region = options.region ?? 'us-east-1';
  const endpoint = options.endpoint ?? `https://${metadata.endpointPrefix}.${region}.amazonaws.com`;
  const signingName = metadata.signingName ?? metadata.endpointPrefix;
  const serviceTarget = metadata.targetPrefix ?? '';
  const errorCodes = new Map<string, string>();
  for (const [name, shape] of Object.entries(model.shapes)) {
    const code = (shape.error as { code?: string } | undefined)?.code;
    if (code && code !== name) errorCodes.set(code, name);
  }
  const ProtocolClass = protocolClasses[chosen.protocol];
  const protocol = new ProtocolClass({
    defaultNamespace: schemas.namespace,
    errorTypeRegistries: schemas.errorTypeRegistries,
    serviceTarget,
    xmlNamespace: typeof metadata.xmlNamespace === 'string' ? metadata.xmlNamespace : (metadata.xmlNamespace as { uri?: string } | undefined)?.uri,
    version: metadata.apiVersion,
    awsQueryCompatible: metadata.awsQueryCompatible !== undefined,
  });
  const noAuth = new Set(Object.values(model.operations).filter((operation) => operation.authtype === 'none' || (operation.auth as string[] | undefined)?.[0] === 'smithy.api#noAuth').map((operation) => operation.name));

  const config0 = {
    apiVersion: metadata.apiVersion,
    base64Decoder: fromBase64,
    base64Encoder: toBase64,
    bodyLengthChecker: calculateBodyLength,
    disableHostPrefix: false,
    endpointProvider: () => ({ url: new URL(endpoint) }),
    extensions: [],
    httpAuthSchemeProvider: (parameters: { operation: string }) =>
      noAuth.has(parameters.operation)
        ? [{ schemeId: 'smithy.api#noAuth' }]
        : [
            {
              schemeId: 'aws.auth#sigv4',
              signingProperties: { name: signingName, region },
              propertiesExtractor: (config: unknown, context: unknown) => ({ signingProperties: { config, context } }),
            },
          ],
    httpAuthSchemes: [
      { schemeId: 'aws.auth#sigv4', identityProvider: (config: { getIdentityProvider(id: string): unknown }) => config.getIdentityProvider('aws.auth#sigv4'), signer: new AwsSdkSigV4Signer() },
      { schemeId: 'smithy.api#noAuth', identityProvider: () => async () => ({}), signer: new NoAuthSigner() },
    ],
    logger: new NoOpLogger(),
    protocol,
    serviceId: metadata.serviceId,
    sha256: Sha256,
    urlParser: parseUrl,
    utf8Decoder: fromUtf8,
    utf8Encoder: toUtf8,
    runtime: 'node',
    defaultsMode: async () => 'standard',
    credentials: options.credentials ?? dummyCredentials,
    region,
    requestHandler: options.requestHandler ?? new NodeHttpHandler(),
    maxAttempts: 1,
    retryMode: 'standard',
    // Each command's middleware stack built once, not per call (only `send`s without options use it).
    cacheMiddleware: true,
    streamCollector,
    useDualstackEndpoint: false,
    useFipsEndpoint: false,
    defaultSigningName: signingName,
    defaultUserAgentProvider: createDefaultUserAgentProvider({ serviceId: metadata.serviceId, clientVersion: '0.0.0-docs-harness' }),
    authSchemePreference: async () => [],
  };
  const client = new Client(config0 as never) as unknown as {
    config: Record<string, unknown>;
    middlewareStack: { use(plugin: unknown): void };
    send(command: unknown, options?: unknown): Promise<unknown>;
    destroy(): void;
  };
  // The generated clients' resolver chain, in order.
  const config = resolveAwsSdkSigV4Config(
    resolveEndpointConfig(resolveHostHeaderConfig(resolveRegionConfig(resolveRetryConfig(resolveUserAgentConfig(config0 as never) as never) as never) as never) as never) as never,
  ) as Record<string, unknown>;
  client.config = config;
  client.middlewareStack.use(getSchemaSerdePlugin(config as never));
  client.middlewareStack.use(getUserAgentPlugin(config as never));
  client.middlewareStack.use(getRetryPlugin(config as never));
  client.middlewareStack.use(getContentLengthPlugin(config as never));
  client.middlewareStack.use(getHostHeaderPlugin(config as never));
  client.middlewareStack.use(getLoggerPlugin(config as never));
  client.middlewareStack.use(getRecursionDetectionPlugin(config as never));
  client.middlewareStack.use(
    getHttpAuthSchemeEndpointRuleSetPlugin(config as never, {
      httpAuthSchemeParametersProvider: async (_config: unknown, context: never) => ({ operation: getSmithyContext(context).operation, region }),
      identityProviderConfigProvider: async (resolved: { credentials: unknown }) => new DefaultIdentityProviderConfig({ 'aws.auth#sigv4': resolved.credentials as never }),
    } as never),
  );
  client.middlewareStack.use(getHttpSigningPlugin(config as never));

  const commands = new Map<string, new (input: unknown) => unknown>();
  const commandClass = (operationName: string) => {
    let CommandClass = commands.get(operationName);
    if (!CommandClass) {
      CommandClass = Command.classBuilder<never, never, never, never, never>()
        .ep({})
        .m(function (this: unknown, _Command: unknown, _stack: unknown, resolved: Record<string, unknown>) {
          return [getEndpointPlugin(resolved as never, {})];
        } as never)
        .s(serviceTarget || metadata.serviceId, operationName, {})
        .n(`${metadata.serviceId}Client`, `${operationName}Command`)
        .sc(schemas.operation(operationName) as never)
        .build() as unknown as new (input: unknown) => unknown;
      commands.set(operationName, CommandClass);
    }
    return CommandClass;
  };

  return {
    protocol: chosen.protocol,
    async send(operationName, input, sendOptions) {
      const CommandClass = commandClass(operationName);
      return (await client.send(new CommandClass(input), sendOptions)) as Record<string, unknown>;
    },
    exceptionClass: (code) => schemas.errorClass(code) ?? schemas.errorClass(errorCodes.get(code) ?? ''),
    destroy: () => client.destroy(),
  };
}

/**
 * One API call through the generic client: the model, the operation, its input, and where to send it
 * (`endpoint`) or what answers it (`requestHandler`). Resolves with the output; rejects with the modeled
 * exception (`error.name` is the error shape). For many calls, build one client with `createGenericClient`.
 */
export async function callOperation(
  model: ServiceModel,
  operationName: string,
  input: Record<string, unknown>,
  options: GenericClientOptions,
): Promise<Record<string, unknown>> {
  const client = createGenericClient(model, options);
  try {
    return await client.send(operationName, input);
  } finally {
    client.destroy();
  }
}

type ProtocolConstructor = new (options: Record<string, unknown>) => unknown;

const protocolClasses: Record<GenericProtocol, ProtocolConstructor> = {
  awsJson1_0: AwsJson1_0Protocol as unknown as ProtocolConstructor,
  awsJson1_1: AwsJson1_1Protocol as unknown as ProtocolConstructor,
  restJson1: AwsRestJsonProtocol as unknown as ProtocolConstructor,
  restXml: AwsRestXmlProtocol as unknown as ProtocolConstructor,
  awsQuery: AwsQueryProtocol as unknown as ProtocolConstructor,
  ec2Query: AwsEc2QueryProtocol as unknown as ProtocolConstructor,
  rpcv2Cbor: AwsSmithyRpcV2CborProtocol as unknown as ProtocolConstructor,
};
