import type { ServiceModel } from '../model/types.js';
import { createGenericClient, genericProtocol } from './generic/client.js';
import { createReplayHandler, withReplayCall, type ReplayCall } from './transport.js';
import type { WireProtocol } from './wire.js';

/** An SDK v3 client constructed for replay: dummy credentials, a fixed region, the replay transport. */
export interface ReplayClient {
  /** The service's own client package, or the generic client built from the model. */
  packageName: string;
  /** The wire protocol the client speaks, or why replay does not speak it. */
  protocol: { wire: WireProtocol } | { unsupported: string };
  hasOperation(operationName: string): boolean;
  /** The client's exception class for an error code, when it models one. */
  exceptionClass(code: string): (new (...args: never[]) => Error) | undefined;
  send(operationName: string, input: Record<string, unknown>, call: ReplayCall): Promise<Record<string, unknown>>;
}

export type ClientLoad = { client: ReplayClient } | { reason: string };

export type PackageImporter = (packageName: string) => Promise<Record<string, unknown>>;

export const defaultRegion = 'us-east-1';

/** The SDK v3 package for a botocore `metadata.serviceId`: `Cognito Identity Provider` → `@aws-sdk/client-cognito-identity-provider`. */
export function clientPackageName(serviceId: string): string {
  return `@aws-sdk/client-${serviceId.trim().toLowerCase().replace(/\s+/g, '-')}`;
}

const protocolsByShapeId: Record<string, WireProtocol> = {
  'aws.protocols#awsJson1_0': 'awsJson1_0',
  'aws.protocols#awsJson1_1': 'awsJson1_1',
  'aws.protocols#restJson1': 'restJson1',
  'aws.protocols#restXml': 'restXml',
  'aws.protocols#awsQuery': 'awsQuery',
  'aws.protocols#ec2Query': 'ec2Query',
  'smithy.protocols#rpcv2Cbor': 'rpcv2Cbor',
};

/** What the generic client is called in reasons and messages. */
export const genericClientName = 'the generic client';

const importInstalledPackage: PackageImporter = (packageName) => import(packageName) as Promise<Record<string, unknown>>;

/** Per model (the generic client is built from it) and region. */
const loads = new WeakMap<ServiceModel, Map<string, Promise<ClientLoad>>>();

/**
 * The replay client for a service, constructed once per package and region and reused for every
 * call: the service's own client package where it is installed, else the generic client built from
 * the model. Never throws: a client that fails to construct gives a one-line reason.
 */
export function loadReplayClient(model: ServiceModel, region = defaultRegion, importPackage = importInstalledPackage): Promise<ClientLoad> {
  const packageName = clientPackageName(model.metadata.serviceId);
  const cached = importPackage === importInstalledPackage;
  let byRegion = loads.get(model);
  let load = cached ? byRegion?.get(region) : undefined;
  if (!load) {
    load = constructClient(model, packageName, region, importPackage);
    if (cached) {
      if (!byRegion) loads.set(model, (byRegion = new Map()));
      byRegion.set(region, load);
    }
  }
  return load;
}

async function constructClient(model: ServiceModel, packageName: string, region: string, importPackage: PackageImporter): Promise<ClientLoad> {
  let exports: Record<string, unknown>;
  try {
    exports = await importPackage(packageName);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') return constructGenericClient(model, region);
    return { reason: `${packageName} failed to load: ${firstLine(error)}` };
  }
  const ClientClass = findClientClass(exports, model.metadata.serviceId);
  if (!ClientClass) return { reason: `${packageName} exports no client class` };
  let client: { send(command: unknown, options?: unknown): Promise<unknown>; config?: { protocol?: unknown } };
  try {
    client = new ClientClass({
      region,
      credentials: { accessKeyId: 'AKIDREPLAYEXAMPLE', secretAccessKey: 'replay-secret-example' },
      requestHandler: createReplayHandler(),
      // One attempt: a documented throttling error must surface, not be retried with back-off.
      maxAttempts: 1,
      // Each command's middleware stack built once, not per call.
      cacheMiddleware: true,
    });
  } catch (error) {
    return { reason: `${packageName} failed to construct: ${firstLine(error)}` };
  }
  const exceptionBase = Object.values(exports).find(
    (value): value is new (...args: never[]) => Error => typeof value === 'function' && value.name.endsWith('ServiceException'),
  );
  return {
    client: {
      packageName,
      protocol: clientProtocol(client.config?.protocol, model),
      hasOperation: (operationName) => typeof exports[`${operationName}Command`] === 'function',
      exceptionClass(code) {
        const candidate = exports[code];
        if (typeof candidate !== 'function' || !exceptionBase) return undefined;
        return candidate.prototype instanceof exceptionBase ? (candidate as new (...args: never[]) => Error) : undefined;
      },
      async send(operationName, input, call) {
        const Command = exports[`${operationName}Command`] as new (input: unknown) => unknown;
        return (await withReplayCall(call, () => client.send(new Command(input)))) as Record<string, unknown>;
      },
    },
  };
}

/** The client built from the model, for a service whose own package is not installed. */
export function constructGenericClient(model: ServiceModel, region: string): ClientLoad {
  const protocol = genericProtocol(model);
  if ('unsupported' in protocol) return { reason: protocol.unsupported };
  let client;
  try {
    client = createGenericClient(model, { region, requestHandler: createReplayHandler() });
  } catch (error) {
    return { reason: `${genericClientName} failed to construct: ${firstLine(error)}` };
  }
  return {
    client: {
      packageName: genericClientName,
      protocol: { wire: protocol.protocol },
      hasOperation: (operationName) => Object.hasOwn(model.operations, operationName),
      exceptionClass: (code) => client.exceptionClass(code),
      send: (operationName, input, call) => withReplayCall(call, () => client.send(operationName, input)),
    },
  };
}

type ClientConstructor = new (config: Record<string, unknown>) => { send(command: unknown, options: unknown): Promise<unknown>; config?: { protocol?: unknown } };

function findClientClass(exports: Record<string, unknown>, serviceId: string): ClientConstructor | undefined {
  const expected = `${serviceId.replace(/[^A-Za-z0-9]/g, '')}Client`;
  const byName = exports[expected];
  if (typeof byName === 'function') return byName as ClientConstructor;
  const candidates = Object.entries(exports).filter(([name, value]) => name.endsWith('Client') && !name.startsWith('__') && typeof value === 'function');
  return candidates.length === 1 ? (candidates[0]![1] as ClientConstructor) : undefined;
}

/** Schema-based clients name their protocol (`client.config.protocol`); older ones follow the model's metadata. */
function clientProtocol(configured: unknown, model: ServiceModel): ReplayClient['protocol'] {
  const shapeId = (configured as { getShapeId?: () => string } | undefined)?.getShapeId?.();
  if (shapeId) {
    const wire = protocolsByShapeId[shapeId];
    return wire ? { wire } : { unsupported: `protocol ${shapeId.replace(/^.*#/, '')} is not replayed` };
  }
  const { protocol, jsonVersion } = model.metadata;
  if (protocol === 'json') return { wire: jsonVersion === '1.0' ? 'awsJson1_0' : 'awsJson1_1' };
  if (protocol === 'rest-json') return { wire: 'restJson1' };
  return { unsupported: `protocol ${protocol} is not replayed` };
}

export function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0]!.trim();
}
