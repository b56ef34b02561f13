import type { ServiceModel, ShapeRef } from './types.js';

/** Members whose values are secrets by their name: passwords, secret hashes, sessions, keys, credentials. */
export const secretKeys = /password|secret|^session$|sessiontoken|accesskey|credentials|code$/i;
/** Token members; `TokenValidityUnits` reuses their names for short unit words, which stay readable. */
const tokenKeys = /^(AccessToken|IdToken|RefreshToken)$/;

export const isSecret = (key: string, value: string) => secretKeys.test(key) || (tokenKeys.test(key) && value.length > 20);

/**
 * What a member's name alone says of its string values: `secret` (a password, a key), `token` (secret when long), or
 * nothing. Worked out once per name: documents repeat the same few hundred member names.
 */
function nameKind(key: string): 'secret' | 'token' | undefined {
  let kind = nameKinds.get(key);
  if (kind === undefined) {
    // By name, `...Code` members are secret only when the model says so: most (StatusCode, ErrorCode) are not; nor
    // are the names of secrets and keys, nor what describes them (SecretId, SecretArn, AccessKeyId, PasswordPolicy).
    kind = /code$/i.test(key) || NAMES_A_SECRET.test(key) ? 'none' : secretKeys.test(key) ? 'secret' : tokenKeys.test(key) ? 'token' : 'none';
    nameKinds.set(key, kind);
  }
  return kind === 'none' ? undefined : kind;
}

const nameKinds = new Map<string, 'secret' | 'token' | 'none'>();
/** A member that names or describes a secret rather than holding it. */
const NAMES_A_SECRET = /(?:Ids?|Arns?|Names?|Types?|Status|Policy|Length|Count|Stages?|Versions?|Rotation\w*|Date|Time)$/;

/** What a secret is shown as. */
export const MASK = '****';

/**
 * The secret strings in a value the model describes (`ref`, or none): those of members the model marks
 * `sensitive` and of members whose names carry secrets (`maskable` ones only).
 */
export function secretsIn(value: unknown, model: ServiceModel | undefined, ref: ShapeRef | undefined, key: string, into: Set<string>): void {
  const shape = ref ? model?.shapes[ref.shape] : undefined;
  if (typeof value === 'string' || typeof value === 'number') {
    const byName = key === '' ? undefined : nameKind(key);
    const sensitive = shape?.sensitive === true || ref?.sensitive === true;
    // Most values are neither: no text made of them.
    if (!sensitive && byName === undefined) return;
    const text = String(value);
    if ((sensitive || byName === 'secret' || (byName === 'token' && text.length > 20)) && maskable(text)) into.add(text);
    return;
  }
  // Every value inside a sensitive list or map (AuthParameters) is secret; a name says so of its own value only.
  const inside = shape?.sensitive ? ref : undefined;
  if (Array.isArray(value)) {
    for (const item of value) secretsIn(item, model, inside ?? shape?.member, '', into);
  } else if (value !== null && typeof value === 'object') {
    for (const member in value) {
      const memberRef = shape?.members?.[member] ?? (shape?.type === 'map' ? shape.value : undefined);
      secretsIn((value as Record<string, unknown>)[member], model, inside ?? memberRef, member, into);
    }
  }
}

/**
 * Whether a value could be a secret worth masking wherever it stands: not too short, not a plain word (`jane`,
 * `Password`, `updatedAt`: a stand-in, and as often a member name in the same message), nor a placeholder
 * (`<password>`, `<<password>>`, `$PASSWORD`, `${TOKEN}`) or unknown content.
 */
function maskable(value: string): boolean {
  return value.length >= 4 && !/^[A-Za-z]+$/.test(value) && !/^<<?[^<>]*>>?$|\$|[\uE000-\uF8FF]/.test(value);
}

/** `scheme://user:password@host`: the password of credentials written into a URL. */
const URL_CREDENTIALS = /\b([a-z][\w+.-]*:\/\/[^\s/:@'"`<>]+:)[^\s/@'"`<>]+@/gi;

/** `text` with every secret and every URL password masked. */
export function maskSecrets(text: string, secrets: ReadonlySet<string>): string {
  return secretMasker(secrets)(text);
}

/**
 * Masks `secrets` and URL passwords in any text: the secrets' pattern is built once for the many texts of a
 * document (its findings, fingerprints, source).
 */
export function secretMasker(secrets: ReadonlySet<string>): (text: string) => string {
  // Longest first: a secret that holds another is masked whole. Only where it stands as a whole value: the user
  // name `jane` is masked, `janet` is not touched.
  const listed = [...secrets].sort((a, b) => b.length - a.length);
  const alternatives = listed.map((secret) => secret.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const wholeSecret = alternatives.length > 0 ? new RegExp(`(?<![\\w-])(?:${alternatives.join('|')})(?![\\w-])`, 'g') : undefined;
  return (text) => {
    // Credentials in a URL need `://` and `@`: most texts lack one, and skip the pattern.
    const masked = text.includes('://') && text.includes('@') ? text.replace(URL_CREDENTIALS, `$1${MASK}@`) : text;
    // Most texts (findings' messages) hold none of a document's few secrets: plain searches tell, before the pattern.
    return wholeSecret && listed.some((secret) => masked.includes(secret)) ? masked.replace(wholeSecret, MASK) : masked;
  };
}
