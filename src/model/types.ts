/** Types of botocore-format service models (`service-2.json`, `paginators-1.json`, `waiters-2.json`). */

export interface ServiceMetadata {
  apiVersion: string;
  endpointPrefix: string;
  protocol: 'json' | 'rest-json' | 'rest-xml' | 'query' | 'ec2' | string;
  protocols?: string[];
  jsonVersion?: string;
  targetPrefix?: string;
  serviceId: string;
  serviceFullName?: string;
  signingName?: string;
  uid?: string;
  /** The XML namespace of query and restXml messages (a string in older models). */
  xmlNamespace?: string | { uri?: string };
  /** Present on services moved from the query protocol: errors carry their query code in `x-amzn-query-error`. */
  awsQueryCompatible?: Record<string, unknown>;
}

export interface ShapeRef {
  shape: string;
  location?: 'header' | 'headers' | 'querystring' | 'uri' | 'statusCode' | string;
  locationName?: string;
  idempotencyToken?: boolean;
  jsonvalue?: boolean;
  deprecated?: boolean;
  documentation?: string;
  [trait: string]: unknown;
}

export interface Shape {
  type: 'structure' | 'list' | 'map' | 'string' | 'integer' | 'long' | 'float' | 'double' | 'boolean' | 'timestamp' | 'blob' | string;
  members?: Record<string, ShapeRef>;
  required?: string[];
  member?: ShapeRef;
  key?: ShapeRef;
  value?: ShapeRef;
  enum?: string[];
  min?: number;
  max?: number;
  pattern?: string;
  sensitive?: boolean;
  union?: boolean;
  document?: boolean;
  exception?: boolean;
  timestampFormat?: string;
  deprecated?: boolean;
  documentation?: string;
  [trait: string]: unknown;
}

export interface OperationModel {
  name: string;
  http?: { method: string; requestUri: string; responseCode?: number };
  input?: ShapeRef;
  output?: ShapeRef;
  errors?: ShapeRef[];
  deprecated?: boolean;
  authtype?: string;
  documentation?: string;
  [trait: string]: unknown;
}

export interface Paginator {
  input_token: string | string[];
  output_token: string | string[];
  limit_key?: string;
  result_key?: string | string[];
  more_results?: string;
  non_aggregate_keys?: string[];
}

export interface Waiter {
  operation: string;
  delay?: number;
  maxAttempts?: number;
  acceptors?: unknown[];
}

export interface ServiceModel {
  /** The CLI's name for the service (`s3api`, `configservice`, `cognito-idp`). */
  cliName: string;
  metadata: ServiceMetadata;
  operations: Record<string, OperationModel>;
  shapes: Record<string, Shape>;
  paginators: Record<string, Paginator>;
  waiters: Record<string, Waiter>;
  /** The API version before this one, when the models folder holds it: its operation names tell which are new. */
  previousVersion?: { apiVersion: string; operations: string[] };
}

/** All the models a run can use, loaded lazily by CLI service name. */
export interface ModelIndex {
  /** CLI service names available (`cognito-idp`, `s3api`, ...). */
  serviceNames(): string[];
  /** The model for a CLI service name, loaded on first use; undefined when there is none. */
  get(cliService: string): ServiceModel | undefined;
  /** Why a service the index names has no usable model (a broken file), once `get` found it so. */
  problem?(cliService: string): string | undefined;
  /** Changes whenever any model file changes: a key for results computed from these models. */
  signature(): string;
}
