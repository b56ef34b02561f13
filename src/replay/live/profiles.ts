import { createRequire } from 'node:module';

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
