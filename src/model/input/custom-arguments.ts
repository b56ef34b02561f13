/**
 * The argument tables of the most used CLI customizations (commands that are not one API call): option names, how
 * many words each takes, which are required and how many positional words the command reads. Facts about the AWS
 * CLI v2's interface, kept as data; each table says where aws-cli defines it. Options a later release added are
 * included (an option missing here would be a false "unknown" finding; one too many only a missed one). Option
 * values are not checked: their choices change between releases.
 */

/** Words an option takes: 0 a switch, a number that many values, '?' an optional value, '+' one or more, '*' any number (none too). */
export type Arity = number | '?' | '+' | '*';

export interface CustomCommandArguments {
  /** Where aws-cli v2 defines these arguments. */
  source: string;
  /** Option name (`--recursive`) → the words it takes. */
  options: Readonly<Record<string, Arity>>;
  /** Options the CLI refuses the command without (argparse `required`). */
  required: readonly string[];
  /** Options given again add to the earlier values (argparse `append`) instead of replacing them. */
  repeatable?: readonly string[];
  /** Positional words: at least `min`, at most `max`; `what` names them in messages. */
  positionals: { min: number; max: number; what: string };
}

const NONE = { min: 0, max: 0, what: 'no positional arguments' } as const;
const ONE_S3_PATH = { min: 1, max: 1, what: 'one S3 path' } as const;
const TWO_PATHS = { min: 2, max: 2, what: 'two paths (source and destination)' } as const;

// awscli/customizations/s3/subcommands.py (argument definitions in s3/argumentschema.py in later releases): TRANSFER_ARGS.
const S3_TRANSFER: Readonly<Record<string, Arity>> = {
  '--dryrun': 0, '--quiet': 0, '--include': 1, '--exclude': 1, '--acl': 1, '--follow-symlinks': 0, '--no-follow-symlinks': 0,
  '--no-guess-mime-type': 0, '--sse': '?', '--sse-c': '?', '--sse-c-key': 1, '--sse-kms-key-id': 1, '--sse-c-copy-source': '?',
  '--sse-c-copy-source-key': 1, '--storage-class': 1, '--grants': '+', '--website-redirect': 1, '--content-type': 1,
  '--cache-control': 1, '--content-disposition': 1, '--content-encoding': 1, '--content-language': 1, '--expires': 1,
  '--source-region': 1, '--only-show-errors': 0, '--no-progress': 0, '--page-size': 1, '--ignore-glacier-warnings': 0,
  '--force-glacier-transfer': 0, '--request-payer': '?',
  // Added by later releases: checksums, overwrite control, progress display, case conflicts on download.
  '--checksum-mode': 1, '--checksum-algorithm': 1, '--no-overwrite': 0, '--no-clobber': 0, '--no-create': 0,
  '--progress-frequency': 1, '--progress-multiline': 0, '--case-conflict': 1,
};

// subcommands.py: the arguments cp, mv and sync add to TRANSFER_ARGS.
const S3_COPY_PROPERTIES: Readonly<Record<string, Arity>> = { '--metadata': 1, '--copy-props': 1, '--metadata-directive': 1 };

const s3 = (options: Record<string, Arity>, positionals: CustomCommandArguments['positionals']): CustomCommandArguments => ({
  source: 'awscli/customizations/s3/subcommands.py',
  options,
  required: [],
  // utils.py AppendFilter: every --include and --exclude counts, in order.
  repeatable: ['--include', '--exclude'].filter((name) => name in options),
  positionals,
});

export const CUSTOM_COMMAND_ARGUMENTS: Readonly<Record<string, CustomCommandArguments>> = {
  's3 cp': s3({ ...S3_TRANSFER, ...S3_COPY_PROPERTIES, '--expected-size': 1, '--recursive': 0 }, TWO_PATHS),
  's3 mv': s3({ ...S3_TRANSFER, ...S3_COPY_PROPERTIES, '--recursive': 0, '--validate-same-s3-paths': 0 }, TWO_PATHS),
  // s3/syncstrategy/{delete,exacttimestamps,sizeonly}.py add sync's three switches.
  's3 sync': s3({ ...S3_TRANSFER, ...S3_COPY_PROPERTIES, '--delete': 0, '--exact-timestamps': 0, '--size-only': 0 }, TWO_PATHS),
  's3 rm': s3(
    { '--dryrun': 0, '--quiet': 0, '--recursive': 0, '--request-payer': '?', '--include': 1, '--exclude': 1, '--only-show-errors': 0, '--page-size': 1, '--progress-frequency': 1, '--progress-multiline': 0 },
    ONE_S3_PATH,
  ),
  's3 ls': s3(
    { '--recursive': 0, '--page-size': 1, '--human-readable': 0, '--summarize': 0, '--request-payer': '?', '--bucket-name-prefix': 1, '--bucket-region': 1 },
    { min: 0, max: 1, what: 'at most one S3 path' },
  ),
  's3 website': s3({ '--index-document': 1, '--error-document': 1 }, ONE_S3_PATH),
  // `--tags Key Value`, once per tag (the corpus of July 2026 documents it; aws-cli 2.9 had no options here).
  's3 mb': { ...s3({ '--tags': 2 }, ONE_S3_PATH), repeatable: ['--tags'] },
  's3 rb': s3({ '--force': 0 }, ONE_S3_PATH),
  's3 presign': s3({ '--expires-in': 1 }, ONE_S3_PATH),
  'cloudformation deploy': {
    source: 'awscli/customizations/cloudformation/deploy.py',
    options: {
      '--template-file': 1, '--stack-name': 1, '--s3-bucket': 1, '--force-upload': 0, '--s3-prefix': 1, '--kms-key-id': 1,
      '--parameter-overrides': '+', '--capabilities': '+', '--no-execute-changeset': 0, '--disable-rollback': 0,
      '--no-disable-rollback': 0, '--role-arn': 1, '--notification-arns': '+', '--fail-on-empty-changeset': 0,
      '--no-fail-on-empty-changeset': 0, '--tags': '+',
    },
    required: ['--template-file', '--stack-name'],
    positionals: NONE,
  },
  'cloudformation package': {
    source: 'awscli/customizations/cloudformation/package.py',
    // --s3-bucket is required in some releases only: not said missing.
    options: { '--template-file': 1, '--s3-bucket': 1, '--s3-prefix': 1, '--kms-key-id': 1, '--output-template-file': 1, '--use-json': 0, '--force-upload': 0, '--metadata': 1 },
    required: ['--template-file'],
    positionals: NONE,
  },
  'ecr get-login-password': { source: 'awscli/customizations/ecr.py', options: {}, required: [], positionals: NONE },
  'ecr-public get-login-password': { source: 'awscli/customizations/ecr_public.py', options: {}, required: [], positionals: NONE },
  'lightsail push-container-image': {
    source: 'awscli/customizations/lightsail/push_container_image.py',
    options: { '--service-name': 1, '--label': 1, '--image': 1 },
    required: ['--service-name', '--label', '--image'],
    positionals: NONE,
  },
  'eks update-kubeconfig': {
    source: 'awscli/customizations/eks/update_kubeconfig.py',
    options: { '--name': 1, '--kubeconfig': 1, '--role-arn': 1, '--dry-run': 0, '--verbose': 0, '--alias': 1, '--user-alias': 1, '--assume-role-arn': 1 },
    required: ['--name'],
    positionals: NONE,
  },
  'eks get-token': {
    source: 'awscli/customizations/eks/get_token.py',
    // --cluster-name or --cluster-id (Outposts): neither is required alone.
    options: { '--cluster-name': 1, '--role-arn': 1, '--cluster-id': 1 },
    required: [],
    positionals: NONE,
  },
  'logs tail': {
    source: 'awscli/customizations/logs/tail.py',
    options: { '--since': 1, '--follow': 0, '--format': 1, '--filter-pattern': 1, '--log-stream-names': '+', '--log-stream-name-prefix': 1 },
    required: [],
    positionals: { min: 1, max: 1, what: 'one log group name' },
  },
  'sso login': {
    source: 'awscli/customizations/sso/login.py',
    options: { '--no-browser': 0, '--sso-session': 1, '--use-device-code': 0 },
    required: [],
    positionals: NONE,
  },
  'sso logout': { source: 'awscli/customizations/sso/logout.py', options: {}, required: [], positionals: NONE },
  'codeartifact login': {
    source: 'awscli/customizations/codeartifact/login.py',
    options: { '--tool': 1, '--domain': 1, '--domain-owner': 1, '--namespace': 1, '--duration-seconds': 1, '--repository': 1, '--dry-run': 0 },
    required: ['--tool', '--domain', '--repository'],
    positionals: NONE,
  },
  'deploy push': {
    source: 'awscli/customizations/codedeploy/push.py',
    options: { '--application-name': 1, '--s3-location': 1, '--ignore-hidden-files': 0, '--no-ignore-hidden-files': 0, '--source': 1, '--description': 1 },
    required: ['--application-name', '--s3-location'],
    positionals: NONE,
  },
  'rds generate-db-auth-token': {
    source: 'awscli/customizations/rds.py',
    options: { '--hostname': 1, '--port': 1, '--username': 1 },
    required: ['--hostname', '--port', '--username'],
    positionals: NONE,
  },
};

/** The argument table of a customization whose arguments are known here, if any. */
export function customCommandArguments(service: string, operation: string): CustomCommandArguments | undefined {
  return Object.hasOwn(CUSTOM_COMMAND_ARGUMENTS, `${service} ${operation}`) ? CUSTOM_COMMAND_ARGUMENTS[`${service} ${operation}`] : undefined;
}
