import { randomBytes } from 'node:crypto';
import {
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminGetUserCommand,
  AdminSetUserPasswordCommand,
  AssociateSoftwareTokenCommand,
  CognitoIdentityProviderClient,
  CreateGroupCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DeleteGroupCommand,
  DeleteUserPoolCommand,
  GetGroupCommand,
  InitiateAuthCommand,
  SetUserMFAPreferenceCommand,
  SetUserPoolMfaConfigCommand,
  SignUpCommand,
  VerifySoftwareTokenCommand,
  type AttributeType,
} from '@aws-sdk/client-cognito-identity-provider';
import { generateSync } from 'otplib';

/** The states a user can be put in for an example. Each is reached from scratch, so states never leak between examples. */
export type UserState =
  | 'unconfirmed' // signed up, not confirmed
  | 'force-change-password' // created by an administrator, temporary password
  | 'confirmed' // permanent password, no MFA
  | 'totp-associated' // confirmed, an authenticator app associated but not verified
  | 'totp' // confirmed, TOTP verified and enabled
  | 'sms-and-totp'; // confirmed, TOTP and SMS MFA both enabled (the SELECT_MFA_TYPE challenge)

interface FixtureUser {
  state: UserState;
  password: string;
  secret?: string;
  accessToken?: string;
  refreshToken?: string;
}

export interface BoundInput {
  input: Record<string, unknown>;
  /** Documented placeholder value → the live value that replaced it. */
  bindings: Map<string, string>;
  /** Documented placeholder value → the member it filled (decides whether the live value is a secret). */
  members: Map<string, string>;
}

export interface FixtureOptions {
  /** The user that token-only commands (`GetUser`, `AssociateSoftwareToken`...) act on. */
  defaultUsername?: string;
  region?: string;
  /** The service endpoint; absent for the real service (the SDK's own endpoint for the region). */
  endpoint?: string;
  /** Use the SDK's default credential chain instead of dummy keys (the real service). */
  defaultCredentials?: boolean;
  /** Every pool, client and group the fixture creates is named with it (`docs-harness-<random>-`). */
  namePrefix?: string;
}

/** Request members that carry a secret: always replaced by the fixture's own values. */
const passwordMembers = new Set(['Password', 'TemporaryPassword', 'ProposedPassword']);

/**
 * A user pool and app client on a live Cognito endpoint, with users put in whatever state a command
 * assumes. `bindInput` replaces a command's placeholders by the API member they fill and runs the
 * prerequisite calls (sign-in for a `Session` or an `AccessToken`, TOTP set-up for a code).
 */
export class CognitoFixture {
  readonly client: CognitoIdentityProviderClient;
  readonly defaultUsername: string;
  readonly namePrefix: string;
  /** Time spent in SDK calls the fixture made, in ms (for overhead measurements). */
  sdkMs = 0;
  private pool?: Promise<{ userPoolId: string; clientId: string }>;
  private readonly users = new Map<string, FixtureUser>();
  private readonly disposablePools: string[] = [];
  private readonly pendingForget = new Set<string>();

  constructor(options: FixtureOptions = {}) {
    this.defaultUsername = options.defaultUsername ?? 'testuser';
    this.namePrefix = options.namePrefix ?? `docs-harness-${randomBytes(4).toString('hex')}-`;
    this.client = new CognitoIdentityProviderClient({
      ...(options.endpoint ? { endpoint: options.endpoint } : {}),
      region: options.region ?? 'us-west-2',
      ...(options.defaultCredentials ? {} : { credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'docs-harness-local' } }),
      // A server that never answers must not hang the run: each call gets a finding instead.
      requestHandler: { connectionTimeout: 5_000, requestTimeout: 15_000, throwOnRequestTimeout: true },
      maxAttempts: 1,
    });
  }

  /** A new resource name carrying the run prefix. */
  newName(purpose: string): string {
    return `${this.namePrefix}${purpose}-${randomBytes(3).toString('hex')}`;
  }

  /** Sends a command through the SDK client, timing it. */
  async send<T>(command: { input: object }): Promise<T> {
    const started = performance.now();
    try {
      // Commands of this client; the SDK's overloads do not accept a union of them.
      return (await this.client.send(command as never)) as T;
    } finally {
      this.sdkMs += performance.now() - started;
    }
  }

  /** The run's pool (TOTP MFA optional) and an app client allowing password, admin and refresh flows. */
  poolAndClient(): Promise<{ userPoolId: string; clientId: string }> {
    return (this.pool ??= (async () => {
      const pool = await this.send<{ UserPool?: { Id?: string } }>(
        new CreateUserPoolCommand({ PoolName: this.newName('pool') }),
      );
      const userPoolId = pool.UserPool!.Id!;
      await this.send(
        new SetUserPoolMfaConfigCommand({ UserPoolId: userPoolId, MfaConfiguration: 'OPTIONAL', SoftwareTokenMfaConfiguration: { Enabled: true } }),
      );
      const client = await this.send<{ UserPoolClient?: { ClientId?: string } }>(
        new CreateUserPoolClientCommand({
          UserPoolId: userPoolId,
          ClientName: this.newName('client'),
          ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
        }),
      );
      return { userPoolId, clientId: client.UserPoolClient!.ClientId! };
    })());
  }

  /** Deletes `userPoolId` with the fixture's own pools. */
  adoptPool(userPoolId: string): void {
    this.disposablePools.push(userPoolId);
  }

  /** Forgets the state of the users the last bound command names (it may have changed them). */
  forgetTouchedUsers(): void {
    for (const name of this.pendingForget) this.users.delete(name);
    this.pendingForget.clear();
  }

  /** The pools this fixture will delete (its own and those examples created). */
  createdPools(): string[] {
    return [...this.disposablePools];
  }

  /** Deletes the pools this fixture created. */
  async dispose(): Promise<void> {
    const pools = [...this.disposablePools];
    // A pool whose creation failed (a server that answers oddly) is nothing to delete.
    const pool = await this.pool?.catch(() => undefined);
    if (pool) pools.push(pool.userPoolId);
    this.pool = undefined;
    this.disposablePools.length = 0;
    this.users.clear();
    const results = await Promise.allSettled(pools.map((UserPoolId) => this.send(new DeleteUserPoolCommand({ UserPoolId }))));
    // A pool an example deleted is already gone.
    const failed = results.flatMap((result, index) =>
      result.status === 'rejected' && (result.reason as Error).name !== 'ResourceNotFoundException' ? [`${pools[index]} (${(result.reason as Error).name})`] : [],
    );
    if (failed.length > 0) throw new Error(`could not delete user pool(s) ${failed.join(', ')}: delete them by hand`);
  }

  /** Makes sure the group exists in the run's pool (or, with `present: false`, that it does not). */
  async ensureGroup(groupName: string, present: boolean): Promise<void> {
    const { userPoolId } = await this.poolAndClient();
    let exists = true;
    try {
      await this.send(new GetGroupCommand({ UserPoolId: userPoolId, GroupName: groupName }));
    } catch {
      exists = false;
    }
    if (exists && !present) await this.send(new DeleteGroupCommand({ UserPoolId: userPoolId, GroupName: groupName }));
    if (!exists && present) await this.send(new CreateGroupCommand({ UserPoolId: userPoolId, GroupName: groupName }));
  }

  /** Makes sure `username` does not exist (for commands that create it). */
  async removeUser(username: string): Promise<void> {
    const { userPoolId } = await this.poolAndClient();
    try {
      await this.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: username }));
    } catch {
      this.users.delete(username);
      return;
    }
    await this.send(new AdminDeleteUserCommand({ UserPoolId: userPoolId, Username: username }));
    this.users.delete(username);
  }

  /** Puts `username` in `state`, recreating it unless it is there already. */
  async ensureUser(username: string, state: UserState): Promise<FixtureUser> {
    const known = this.users.get(username);
    if (known?.state === state) return known;
    await this.removeUser(username);
    const { userPoolId, clientId } = await this.poolAndClient();
    const password = newPassword();
    const attributes: AttributeType[] = [
      { Name: 'email', Value: username.includes('@') ? username : `${username}@example.com` },
      { Name: 'email_verified', Value: 'true' },
    ];
    if (state === 'sms-and-totp') attributes.push({ Name: 'phone_number', Value: '+12065550100' });
    const user: FixtureUser = { state, password };

    if (state === 'unconfirmed') {
      await this.send(new SignUpCommand({ ClientId: clientId, Username: username, Password: password, UserAttributes: attributes }));
      this.users.set(username, user);
      return user;
    }
    await this.send(
      new AdminCreateUserCommand({
        UserPoolId: userPoolId,
        Username: username,
        TemporaryPassword: password,
        MessageAction: 'SUPPRESS',
        UserAttributes: attributes,
      }),
    );
    if (state === 'force-change-password') {
      this.users.set(username, user);
      return user;
    }
    await this.send(new AdminSetUserPasswordCommand({ UserPoolId: userPoolId, Username: username, Password: password, Permanent: true }));
    Object.assign(user, await this.signIn(username, password));
    if (state !== 'confirmed') {
      const association = await this.send<{ SecretCode?: string }>(new AssociateSoftwareTokenCommand({ AccessToken: user.accessToken }));
      user.secret = association.SecretCode!;
    }
    if (state === 'totp' || state === 'sms-and-totp') {
      await this.send(new VerifySoftwareTokenCommand({ AccessToken: user.accessToken, UserCode: totp(user.secret!), FriendlyDeviceName: 'MyAuthenticatorApp' }));
      await this.send(
        new SetUserMFAPreferenceCommand({
          AccessToken: user.accessToken,
          SoftwareTokenMfaSettings: { Enabled: true },
          ...(state === 'sms-and-totp' ? { SMSMfaSettings: { Enabled: true } } : {}),
        }),
      );
    }
    this.users.set(username, user);
    return user;
  }

  /** Signs in with USER_PASSWORD_AUTH: the access and refresh tokens. */
  private async signIn(username: string, password: string): Promise<{ accessToken: string; refreshToken?: string }> {
    const result = await this.startAuth(username, password);
    const accessToken = result.AuthenticationResult?.AccessToken;
    if (!accessToken) throw new Error(`signing in ${username} met the challenge ${result.ChallengeName ?? '(none)'}`);
    const refreshToken = result.AuthenticationResult?.RefreshToken;
    return { accessToken, ...(refreshToken ? { refreshToken } : {}) };
  }

  private async startAuth(username: string, password: string) {
    const { clientId } = await this.poolAndClient();
    return this.send<{ AuthenticationResult?: { AccessToken?: string; RefreshToken?: string }; ChallengeName?: string; Session?: string }>(
      new InitiateAuthCommand({ ClientId: clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: username, PASSWORD: password } }),
    );
  }

  /** A Session for `username` standing at `challenge`. */
  private async sessionAt(username: string, challenge: string): Promise<{ session: string; user: FixtureUser }> {
    const state: UserState =
      challenge === 'NEW_PASSWORD_REQUIRED' ? 'force-change-password' : challenge === 'SELECT_MFA_TYPE' ? 'sms-and-totp' : 'totp';
    const user = await this.ensureUser(username, state);
    const result = await this.startAuth(username, user.password);
    if (result.ChallengeName !== challenge || !result.Session) {
      throw new Error(`signing in ${username} met ${result.ChallengeName ?? 'no challenge'}, not ${challenge}`);
    }
    return { session: result.Session, user };
  }

  /** A disposable pool for commands that delete one. */
  private async disposablePool(): Promise<string> {
    const pool = await this.send<{ UserPool?: { Id?: string } }>(new CreateUserPoolCommand({ PoolName: this.newName('pool') }));
    const id = pool.UserPool!.Id!;
    this.disposablePools.push(id);
    return id;
  }

  /** A disposable app client in the run's pool, for commands that change or delete one (the run's client keeps its flows). */
  private async disposableClient(): Promise<string> {
    const { userPoolId } = await this.poolAndClient();
    const client = await this.send<{ UserPoolClient?: { ClientId?: string } }>(new CreateUserPoolClientCommand({ UserPoolId: userPoolId, ClientName: this.newName('client') }));
    return client.UserPoolClient!.ClientId!;
  }

  /**
   * Replaces the placeholders of one command's input with live values, by the API member they fill,
   * and brings the users it names into the state it assumes.
   */
  async bindInput(operationName: string, input: Record<string, unknown>): Promise<BoundInput> {
    const bindings = new Map<string, string>();
    const members = new Map<string, string>();
    // A command changes the users it names: they are rebuilt for the next command that needs them.
    const touched = [this.defaultUsername, ...[input.Username, (input.AuthParameters as Record<string, unknown>)?.USERNAME, (input.ChallengeResponses as Record<string, unknown>)?.USERNAME].filter((name) => typeof name === 'string')];
    for (const name of touched) this.pendingForget.add(name as string);
    const bound: Record<string, unknown> = structuredClone(input);
    const bind = (target: Record<string, unknown>, member: string, live: string) => {
      const documented = target[member];
      if (typeof documented === 'string' && documented !== live) {
        bindings.set(documented, live);
        members.set(documented, member);
      }
      target[member] = live;
    };
    const { userPoolId, clientId } = await this.poolAndClient();

    if ('UserPoolId' in bound) {
      if (operationName === 'DeleteUserPool') bind(bound, 'UserPoolId', await this.disposablePool());
      else bind(bound, 'UserPoolId', userPoolId);
    }
    if ('ClientId' in bound) bind(bound, 'ClientId', clientChangers.has(operationName) ? await this.disposableClient() : clientId);
    for (const member of passwordMembers) if (typeof bound[member] === 'string') bind(bound, member, newPassword());
    // Names of resources an example creates carry the run prefix, so a run against the service can be told apart and cleaned up.
    if (operationName === 'CreateUserPool' && typeof bound.PoolName === 'string') bind(bound, 'PoolName', this.newName('pool'));
    if (typeof bound.GroupName === 'string') await this.ensureGroup(bound.GroupName, operationName !== 'CreateGroup');

    const username = typeof bound.Username === 'string' ? bound.Username : undefined;
    switch (operationName) {
      case 'AdminCreateUser':
      case 'SignUp':
        if (username) await this.removeUser(username);
        break;
      case 'AdminConfirmSignUp':
        if (username) await this.ensureUser(username, 'unconfirmed');
        break;
      case 'InitiateAuth':
      case 'AdminInitiateAuth': {
        const parameters = { ...(bound.AuthParameters as Record<string, string> | undefined) };
        if (parameters.USERNAME) {
          const user = await this.ensureUser(parameters.USERNAME, 'confirmed');
          if (parameters.PASSWORD) bind(parameters, 'PASSWORD', user.password);
        }
        bound.AuthParameters = parameters;
        break;
      }
      case 'RespondToAuthChallenge': {
        const responses = { ...(bound.ChallengeResponses as Record<string, string> | undefined) };
        const challenge = String(bound.ChallengeName ?? '');
        const name = responses.USERNAME ?? this.defaultUsername;
        const { session, user } = await this.sessionAt(name, challenge);
        if ('Session' in bound) bind(bound, 'Session', session);
        if (responses.NEW_PASSWORD) bind(responses, 'NEW_PASSWORD', newPassword());
        if (responses.SOFTWARE_TOKEN_MFA_CODE) bind(responses, 'SOFTWARE_TOKEN_MFA_CODE', totp(user.secret!));
        bound.ChallengeResponses = responses;
        break;
      }
      case 'ListUsers': {
        const filtered = /^\s*username\s*=\s*"([^"]+)"\s*$/.exec(String(bound.Filter ?? ''));
        await this.ensureUser(filtered?.[1] ?? this.defaultUsername, 'confirmed');
        break;
      }
      default:
        if (username) await this.ensureUser(username, 'confirmed');
    }

    if ('AccessToken' in bound || operationName === 'RevokeToken') {
      const user = await this.ensureUser(this.defaultUsername, tokenUserState(operationName, bound));
      if ('AccessToken' in bound) bind(bound, 'AccessToken', user.accessToken!);
      if (typeof bound.Token === 'string' && user.refreshToken) bind(bound, 'Token', user.refreshToken);
      if (typeof bound.PreviousPassword === 'string') bind(bound, 'PreviousPassword', user.password);
      if (typeof bound.UserCode === 'string') bind(bound, 'UserCode', totp(user.secret!));
    }
    return { input: bound, bindings, members };
  }
}

/** Operations that change or delete the app client they name: they get a disposable one. */
const clientChangers = new Set(['UpdateUserPoolClient', 'DeleteUserPoolClient']);

/** The state the token's user must be in for a token-only command to succeed. */
function tokenUserState(operationName: string, input: Record<string, unknown>): UserState {
  if (operationName === 'VerifySoftwareToken') return 'totp-associated';
  if (operationName === 'SetUserMFAPreference') {
    const software = input.SoftwareTokenMfaSettings as { Enabled?: boolean } | undefined;
    return software?.Enabled ? 'totp' : 'confirmed';
  }
  return 'confirmed';
}

function newPassword(): string {
  // Meets the default policy: upper, lower, digit and symbol, 8 or more characters.
  return `Aa1!${randomBytes(12).toString('base64url')}`;
}

function totp(secret: string): string {
  return generateSync({ secret });
}
