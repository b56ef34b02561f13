import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** How a target is known to differ from the real service: such differences become info notes, never errors. */
export interface KnownDeviation {
  /** JSON pointer into the output; `*` stands for any one segment (an array index or a key). */
  pointer: string;
  /** `missing`: the target omits a key the service returns; `extra`: it adds one; `value`: it answers another value. */
  kind: 'missing' | 'extra' | 'value';
  note: string;
}

export interface TargetProfile {
  name: string;
  deviations: KnownDeviation[];
  /** Why the target cannot answer this call at all (an operation or flow it does not implement); undefined when it can. */
  cannotReplay?(operationName: string, input: Record<string, unknown>): string | undefined;
}

/** The operations cognito-local implements, read from its own dispatch table so an upgrade is picked up. */
const cognitoLocalOperations = new Set(Object.keys((createRequire(import.meta.url)('cognito-local/lib/targets/targets.js') as { Targets: object }).Targets));
/** Auth flows cognito-local answers; SRP and custom flows reach its `Unsupported` error. */
const cognitoLocalFlows = new Set(['USER_PASSWORD_AUTH', 'REFRESH_TOKEN_AUTH', 'REFRESH_TOKEN', 'ADMIN_USER_PASSWORD_AUTH', 'ADMIN_NO_SRP_AUTH']);

const omitsTokenDetails = 'cognito-local never returns it in AuthenticationResult';
const poolDetail = 'cognito-local does not return this pool setting';

export const cognitoLocalProfile: TargetProfile = {
  name: 'cognito-local',
  cannotReplay(operationName, input) {
    if (!cognitoLocalOperations.has(operationName)) return `cognito-local does not implement ${operationName}`;
    const flow = input.AuthFlow;
    if (typeof flow === 'string' && !cognitoLocalFlows.has(flow)) return `cognito-local does not implement the ${flow} flow`;
    return undefined;
  },
  deviations: [
    ...['ExpiresIn', 'TokenType', 'NewDeviceMetadata'].map((key) => ({
      pointer: `/AuthenticationResult/${key}`,
      kind: 'missing' as const,
      note: omitsTokenDetails,
    })),
    { pointer: '/ChallengeParameters/userAttributes', kind: 'value', note: 'cognito-local lists `sub` among the user attributes' },
    { pointer: '/ChallengeParameters/USER_ID_FOR_SRP', kind: 'extra', note: 'cognito-local adds USER_ID_FOR_SRP to every challenge' },
    { pointer: '/UserPool/UsernameAttributes', kind: 'extra', note: 'cognito-local returns the username attributes even when there are none' },
    { pointer: '/UserPoolClient/TokenValidityUnits/IdToken', kind: 'value', note: 'cognito-local counts ID token validity in minutes by default' },
    { pointer: '/UserConfirmed', kind: 'value', note: 'cognito-local does not confirm users on sign-up' },
    ...[
      'AdminCreateUserConfig',
      'VerificationMessageTemplate',
      'UsernameConfiguration',
      'AccountRecoverySetting',
      'UserPoolTier',
      'DeletionProtection',
      'EstimatedNumberOfUsers',
      'EmailConfiguration',
      'SmsConfigurationFailure',
      'UserAttributeUpdateSettings',
      'MfaConfiguration',
      'AutoVerifiedAttributes',
    ].map((key) => ({ pointer: `/UserPool/${key}`, kind: 'missing' as const, note: poolDetail })),
    ...['AuthSessionValidity', 'EnableTokenRevocation', 'EnablePropagateAdditionalUserContextData', 'AllowedOAuthFlowsUserPoolClient', 'PreventUserExistenceErrors', 'RefreshTokenValidity'].map(
      (key) => ({ pointer: `/UserPoolClient/${key}`, kind: 'missing' as const, note: 'cognito-local does not return this client setting unless it was given' }),
    ),
    { pointer: '/UserPool/SchemaAttributes/*', kind: 'missing', note: 'cognito-local lists fewer standard attributes' },
    { pointer: '/UserPool/SchemaAttributes/*', kind: 'extra', note: 'cognito-local lists other standard attributes' },
    { pointer: '/UserPool/SchemaAttributes/*/StringAttributeConstraints', kind: 'missing', note: 'cognito-local omits some attribute constraints' },
  ],
};

/** A real endpoint: no known deviations. */
export const serviceProfile: TargetProfile = { name: 'service', deviations: [] };

export function findDeviation(profile: TargetProfile, pointer: string, kind: KnownDeviation['kind']): KnownDeviation | undefined {
  const segments = pointer.split('/');
  return profile.deviations.find((deviation) => {
    if (deviation.kind !== kind) return false;
    const pattern = deviation.pointer.split('/');
    return pattern.length === segments.length && pattern.every((part, index) => part === '*' || part === segments[index]);
  });
}

/** The operations a server implements, read from its `actions/` folder (one file per operation) so an upgrade is picked up. */
function actionsOf(serverPackage: string): Set<string> {
  const folder = path.join(path.dirname(createRequire(import.meta.url).resolve(`${serverPackage}/package.json`)), 'actions');
  return new Set(readdirSync(folder).map((file) => file.replace(/\.js$/, '')).map((name) => name[0]!.toUpperCase() + name.slice(1)));
}

function implementedBy(server: string, operations: Set<string>): TargetProfile['cannotReplay'] {
  return (operationName) => (operations.has(operationName) ? undefined : `${server} does not implement ${operationName}`);
}

/** dynalite implements DynamoDB's 2012 API: the table details added since are not returned. */
export const dynaliteProfile: TargetProfile = {
  name: 'dynalite',
  cannotReplay: implementedBy('dynalite', actionsOf('dynalite')),
  deviations: [
    ...['TableClassSummary', 'DeletionProtectionEnabled', 'WarmThroughput', 'SSEDescription', 'StreamSpecification', 'LatestStreamArn', 'LatestStreamLabel', 'BillingModeSummary', 'TableId', 'OnDemandThroughput', 'GlobalTableVersion', 'Replicas', 'ArchivalSummary', 'RestoreSummary'].map((key) => ({
      pointer: `/*/${key}`,
      kind: 'missing' as const,
      note: 'dynalite does not return this table detail',
    })),
    { pointer: '/ConsumedCapacity', kind: 'missing', note: 'dynalite returns no consumed capacity unless asked' },
    { pointer: '/ItemCollectionMetrics', kind: 'missing', note: 'dynalite returns no item collection metrics' },
    // Capacity follows the real table's item sizes and indexes; the fixture's table holds only what the document shows.
    ...['/ConsumedCapacity/LocalSecondaryIndexes', '/ConsumedCapacity/GlobalSecondaryIndexes', '/ConsumedCapacity/*/LocalSecondaryIndexes', '/ConsumedCapacity/*/GlobalSecondaryIndexes'].map((pointer) => ({
      pointer,
      kind: 'missing' as const,
      note: "the fixture's table has only the indexes the document defines, so no capacity is counted for others",
    })),
    ...['/ConsumedCapacity/CapacityUnits', '/ConsumedCapacity/*/CapacityUnits'].map((pointer) => ({
      pointer,
      kind: 'value' as const,
      note: 'dynalite counts capacity on the fixture\'s table, which holds only the items and indexes the document shows',
    })),
    // No UpdateTimeToLive: a fixture cannot enable it.
    { pointer: '/TimeToLiveDescription/TimeToLiveStatus', kind: 'value', note: 'dynalite has no UpdateTimeToLive: time to live is always DISABLED' },
    { pointer: '/TimeToLiveDescription/AttributeName', kind: 'missing', note: 'dynalite has no UpdateTimeToLive: time to live is always DISABLED' },
    { pointer: '/*/TableId', kind: 'value', note: "dynalite's table ids are not UUIDs" },
    ...['AttributeName', 'AttributeType'].map((key) => ({
      pointer: `/*/AttributeDefinitions/*/${key}`,
      kind: 'value' as const,
      note: 'dynalite lists attribute definitions in the order given; DynamoDB sorts them by name',
    })),
  ],
};

/** s3rver's routes (lib/routes.js) have no table of operations to read: these are the ones it answers (a part copied from an object is refused as NotImplemented). */
const s3rverOperations = new Set([
  'ListBuckets', 'CreateBucket', 'DeleteBucket', 'HeadBucket', 'ListObjects', 'ListObjectsV2', 'GetBucketLocation',
  'GetBucketCors', 'PutBucketCors', 'DeleteBucketCors', 'GetBucketWebsite', 'PutBucketWebsite', 'DeleteBucketWebsite',
  'PutObject', 'GetObject', 'HeadObject', 'DeleteObject', 'DeleteObjects', 'CopyObject', 'GetObjectAcl', 'GetObjectTagging',
  'PutObjectTagging', 'CreateMultipartUpload', 'UploadPart', 'CompleteMultipartUpload',
]);

export const s3rverProfile: TargetProfile = {
  name: 's3rver',
  cannotReplay: implementedBy('s3rver', s3rverOperations),
  deviations: [
    { pointer: '/ServerSideEncryption', kind: 'missing', note: 's3rver does not encrypt objects' },
    { pointer: '/ChecksumCRC32', kind: 'missing', note: 's3rver computes no checksums' },
    { pointer: '/ChecksumType', kind: 'missing', note: 's3rver computes no checksums' },
    { pointer: '/VersionId', kind: 'missing', note: 's3rver does not version objects' },
    { pointer: '/DeleteMarker', kind: 'missing', note: 's3rver does not version objects, so a delete leaves no delete marker' },
    { pointer: '/LocationConstraint', kind: 'missing', note: "s3rver answers every bucket's location as the default region's" },
    { pointer: '/Location', kind: 'value', note: 's3rver answers the bucket location as its own URL' },
    { pointer: '/ContentType', kind: 'value', note: 's3rver stores objects sent without a type as application/octet-stream (S3: binary/octet-stream)' },
    { pointer: '/Owner/ID', kind: 'value', note: 's3rver has one fixed owner, 123456789000' },
    { pointer: '/Owner/DisplayName', kind: 'value', note: 's3rver has one fixed owner, S3rver' },
  ],
};

export const kinesaliteProfile: TargetProfile = {
  name: 'kinesalite',
  cannotReplay: implementedBy('kinesalite', actionsOf('kinesalite')),
  deviations: [
    { pointer: '/EncryptionType', kind: 'missing', note: 'kinesalite does not encrypt records' },
    { pointer: '/StreamDescription/EncryptionType', kind: 'missing', note: 'kinesalite does not encrypt streams' },
    { pointer: '/StreamDescriptionSummary/EncryptionType', kind: 'missing', note: 'kinesalite does not encrypt streams' },
    { pointer: '/StreamDescriptionSummary/StreamModeDetails', kind: 'missing', note: 'kinesalite has no on-demand streams' },
    { pointer: '/StreamDescription/StreamModeDetails', kind: 'missing', note: 'kinesalite has no on-demand streams' },
  ],
};

/** The profile of each server `--target local` starts. */
export const localServerProfiles = { 'cognito-local': cognitoLocalProfile, dynalite: dynaliteProfile, s3rver: s3rverProfile, kinesalite: kinesaliteProfile } as const;
