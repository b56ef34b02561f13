/**
 * What the AWS CLI v2 adds to or changes in the service models: global options, renamed arguments
 * and commands implemented by customizations. Facts about the CLI's behaviour, kept as data.
 */

/** Values the CLI accepts for options (global or on every operation) that have a fixed set. */
export const OPTION_CHOICES: Readonly<Record<string, readonly string[]>> = {
  '--output': ['json', 'text', 'table', 'yaml', 'yaml-stream'],
  '--color': ['on', 'off', 'auto'],
  '--cli-binary-format': ['base64', 'raw-in-base64-out'],
  '--cli-error-format': ['legacy', 'json', 'yaml', 'text', 'table', 'enhanced'],
  '--generate-cli-skeleton': ['input', 'output', 'yaml-input'],
};

/** Global options argparse reads as integers (`type=int`). */
export const INTEGER_OPTIONS: ReadonlySet<string> = new Set(['--cli-read-timeout', '--cli-connect-timeout']);

/** Arguments every operation command gets (awscli/customizations/cliinput.py, generatecliskeleton.py). */
export const OPERATION_OPTIONS: ReadonlyMap<string, { values: 1 | '?' }> = new Map([
  ['--cli-input-json', { values: 1 }],
  ['--cli-input-yaml', { values: 1 }],
  ['--generate-cli-skeleton', { values: '?' }],
] as const);

/** Arguments the CLI renames, usually because the model's name clashes with a global option (argrename.py). */
const ARGUMENT_RENAMES: Record<string, string> = {
  'ec2.create-image.no-no-reboot': 'reboot',
  'ec2.*.no-egress': 'ingress',
  'ec2.*.no-disable-api-termination': 'enable-api-termination',
  'opsworks.*.region': 'stack-region',
  'elastictranscoder.*.output': 'job-output',
  'swf.register-activity-type.version': 'activity-version',
  'swf.register-workflow-type.version': 'workflow-version',
  'datapipeline.*.query': 'objects-query',
  'datapipeline.get-pipeline-definition.version': 'pipeline-version',
  'emr.*.job-flow-ids': 'cluster-ids',
  'emr.*.job-flow-id': 'cluster-id',
  'cloudsearchdomain.search.query': 'search-query',
  'cloudsearchdomain.suggest.query': 'suggest-query',
  'sns.subscribe.endpoint': 'notification-endpoint',
  'deploy.*.s-3-location': 's3-location',
  'deploy.*.ec-2-tag-filters': 'ec2-tag-filters',
  'codepipeline.get-pipeline.version': 'pipeline-version',
  'codepipeline.create-custom-action-type.version': 'action-version',
  'codepipeline.delete-custom-action-type.version': 'action-version',
  'kinesisanalytics.add-application-output.output': 'application-output',
  'kinesisanalyticsv2.add-application-output.output': 'application-output',
  'route53.delete-traffic-policy.version': 'traffic-policy-version',
  'route53.get-traffic-policy.version': 'traffic-policy-version',
  'route53.update-traffic-policy-comment.version': 'traffic-policy-version',
  'gamelift.create-build.version': 'build-version',
  'gamelift.update-build.version': 'build-version',
  'gamelift.create-script.version': 'script-version',
  'gamelift.update-script.version': 'script-version',
  'route53domains.view-billing.start': 'start-time',
  'route53domains.view-billing.end': 'end-time',
  'apigateway.create-rest-api.version': 'api-version',
  'apigatewayv2.create-api.version': 'api-version',
  'apigatewayv2.update-api.version': 'api-version',
  'pinpoint.get-campaign-version.version': 'campaign-version',
  'pinpoint.get-segment-version.version': 'segment-version',
  'stepfunctions.send-task-success.output': 'task-output',
  'clouddirectory.publish-schema.version': 'schema-version',
  'mturk.list-qualification-types.query': 'types-query',
  'workdocs.create-notification-subscription.endpoint': 'notification-endpoint',
  'workdocs.describe-users.query': 'user-query',
  'lex-models.delete-bot.version': 'bot-version',
  'lex-models.delete-intent.version': 'intent-version',
  'lex-models.delete-slot-type.version': 'slot-type-version',
  'lex-models.get-intent.version': 'intent-version',
  'lex-models.get-slot-type.version': 'slot-type-version',
  'lex-models.delete-bot-version.version': 'bot-version',
  'lex-models.delete-intent-version.version': 'intent-version',
  'lex-models.delete-slot-type-version.version': 'slot-type-version',
  'lex-models.get-export.version': 'resource-version',
  'mobile.create-project.region': 'project-region',
  'rekognition.create-stream-processor.output': 'stream-processor-output',
  'eks.create-cluster.version': 'kubernetes-version',
  'eks.update-cluster-version.version': 'kubernetes-version',
  'eks.create-nodegroup.version': 'kubernetes-version',
  'eks.update-nodegroup-version.version': 'kubernetes-version',
  'schemas.*.version': 'schema-version',
  'pinpoint.delete-email-template.version': 'template-version',
  'pinpoint.get-email-template.version': 'template-version',
  'pinpoint.update-email-template.version': 'template-version',
  'license-manager.get-grant.version': 'grant-version',
  'license-manager.delete-grant.version': 'grant-version',
  'license-manager.get-license.version': 'license-version',
  'sagemaker.delete-image-version.version': 'version-number',
  'sagemaker.describe-image-version.version': 'version-number',
  'iotwireless.*.lo-ra-wan': 'lorawan',
  'codepipeline.get-action-type.version': 'action-version',
  'ecs.*.no-enable-execute-command': 'disable-execute-command',
  'ecs.execute-command.no-interactive': 'non-interactive',
  'controltower.create-landing-zone.version': 'landing-zone-version',
  'controltower.update-landing-zone.version': 'landing-zone-version',
};

/** Old names the CLI still accepts beside the current ones (argrename.py HIDDEN_ALIASES). */
const HIDDEN_ALIASES: Record<string, string> = {
  'cognito-identity.create-identity-pool.open-id-connect-provider-arns': 'open-id-connect-provider-ar-ns',
  'storagegateway.describe-tapes.tape-arns': 'tape-ar-ns',
  'storagegateway.describe-tape-archives.tape-arns': 'tape-ar-ns',
  'storagegateway.describe-vtl-devices.vtl-device-arns': 'vtl-device-ar-ns',
  'storagegateway.describe-cached-iscsi-volumes.volume-arns': 'volume-ar-ns',
  'storagegateway.describe-stored-iscsi-volumes.volume-arns': 'volume-ar-ns',
  'route53domains.view-billing.start-time': 'start',
  'deploy.create-deployment-group.ec2-tag-set': 'ec-2-tag-set',
  'deploy.list-application-revisions.s3-bucket': 's-3-bucket',
  'deploy.list-application-revisions.s3-key-prefix': 's-3-key-prefix',
  'deploy.update-deployment-group.ec2-tag-set': 'ec-2-tag-set',
  'iam.enable-mfa-device.authentication-code1': 'authentication-code-1',
  'iam.enable-mfa-device.authentication-code2': 'authentication-code-2',
  'iam.resync-mfa-device.authentication-code1': 'authentication-code-1',
  'iam.resync-mfa-device.authentication-code2': 'authentication-code-2',
  'lambda.publish-version.code-sha256': 'code-sha-256',
  'lightsail.import-key-pair.public-key-base64': 'public-key-base-64',
  'opsworks.register-volume.ec2-volume-id': 'ec-2-volume-id',
  'importexport.get-shipping-label.street1': 'street-1',
  'importexport.get-shipping-label.street2': 'street-2',
  'importexport.get-shipping-label.street3': 'street-3',
  'mgn.*.replication-servers-security-groups-ids': 'replication-servers-security-groups-i-ds',
  'mgn.*.source-server-ids': 'source-server-i-ds',
  'mgn.*.replication-configuration-template-ids': 'replication-configuration-template-i-ds',
  'elasticache.create-replication-group.preferred-cache-cluster-azs': 'preferred-cache-cluster-a-zs',
};

/** A table as service → operation (or `*`) → argument: looked up per argument of every command, without building keys. */
type TableIndex = Map<string, Map<string, Map<string, string>>>;
const indexes = new WeakMap<Record<string, string>, TableIndex>();

function lookup(table: Record<string, string>, service: string, operation: string, argument: string): string | undefined {
  let index = indexes.get(table);
  if (!index) {
    index = new Map();
    for (const [key, value] of Object.entries(table)) {
      const [tableService, tableOperation, tableArgument] = key.split('.') as [string, string, string];
      const operations = index.get(tableService) ?? index.set(tableService, new Map()).get(tableService)!;
      const argumentsOf = operations.get(tableOperation) ?? operations.set(tableOperation, new Map()).get(tableOperation)!;
      argumentsOf.set(tableArgument, value);
    }
    indexes.set(table, index);
  }
  const operations = index.get(service);
  if (!operations) return undefined;
  return operations.get(operation)?.get(argument) ?? operations.get('*')?.get(argument);
}

/** The CLI name of a model argument after the CLI's renames (without `--`). */
export function renamedArgument(service: string, operation: string, argument: string): string {
  return lookup(ARGUMENT_RENAMES, service, operation, argument) ?? argument;
}

export function hiddenAlias(service: string, operation: string, argument: string): string | undefined {
  return lookup(HIDDEN_ALIASES, service, operation, argument);
}

/** CLI commands with no service model at all (`aws update`: AWS CLI v2's self-update). */
export const CUSTOM_SERVICES: ReadonlySet<string> = new Set(['s3', 'configure', 'history', 'ddb', 'cli-dev', 'login', 'logout', 'agent-toolkit', 'update']);

/** Commands implemented by customizations instead of one plain API call, by service. */
export const CUSTOM_COMMANDS: Readonly<Record<string, readonly string[]>> = {
  cloudformation: ['deploy', 'package'],
  cloudfront: ['sign'],
  cloudtrail: ['validate-logs', 'verify-query-results', 'create-subscription', 'update-subscription'],
  codeartifact: ['login'],
  codecommit: ['credential-helper'],
  configservice: ['subscribe', 'get-status'],
  datapipeline: ['list-runs', 'create-default-roles'],
  deploy: ['push', 'register', 'deregister', 'install', 'uninstall'],
  dlm: ['create-default-role'],
  dsql: ['generate-db-connect-auth-token', 'generate-db-connect-admin-auth-token'],
  ecr: ['get-login-password'],
  'ecr-public': ['get-login-password'],
  'ec2-instance-connect': ['ssh', 'open-tunnel'],
  ecs: ['deploy', 'monitor-express-gateway-service'],
  eks: ['update-kubeconfig', 'get-token'],
  emr: [
    'add-instance-groups', 'add-steps', 'create-cluster', 'create-default-roles', 'create-hbase-backup',
    'describe-cluster', 'disable-hbase-backups', 'get', 'install-applications', 'modify-cluster-attributes',
    'put', 'restore-from-hbase-backup', 'schedule-hbase-backup', 'socks', 'ssh', 'terminate-clusters',
  ],
  'emr-containers': ['update-role-trust-policy', 'create-role-associations', 'delete-role-associations'],
  gamelift: ['upload-build', 'get-game-session-log'],
  lightsail: ['push-container-image'],
  logs: ['tail', 'start-live-tail'],
  opsworks: ['register'],
  // rds.py splits modify-option-group into two commands.
  rds: ['generate-db-auth-token', 'add-option-to-option-group', 'remove-option-from-option-group'],
  servicecatalog: ['generate'],
  sso: ['login', 'logout'],
};

/** ec2's simplified security group rule arguments (secgroupsimplify.py). */
const SECURITY_GROUP_ARGUMENTS = { '--protocol': 1, '--port': 1, '--cidr': 1, '--source-group': 1, '--group-owner': 1 } as const;

/** Arguments customizations add to plain API commands (`<service>.<operation>` → `--name`: values taken). */
export const ADDED_ARGUMENTS: Readonly<Record<string, Readonly<Record<string, 0 | 1 | '+'>>>> = {
  'ec2.run-instances': { '--count': 1, '--secondary-private-ip-addresses': '+', '--secondary-private-ip-address-count': 1, '--associate-public-ip-address': 0, '--no-associate-public-ip-address': 0 },
  'ec2.bundle-instance': { '--bucket': 1, '--prefix': 1, '--owner-akid': 1, '--owner-sak': 1, '--policy': 1 },
  'ec2.get-password-data': { '--priv-launch-key': 1 },
  'ec2.authorize-security-group-ingress': SECURITY_GROUP_ARGUMENTS,
  'ec2.authorize-security-group-egress': SECURITY_GROUP_ARGUMENTS,
  'ec2.revoke-security-group-ingress': SECURITY_GROUP_ARGUMENTS,
  'ec2.revoke-security-group-egress': SECURITY_GROUP_ARGUMENTS,
  'iam.create-virtual-mfa-device': { '--outfile': 1, '--bootstrap-method': 1 },
  'iot.create-keys-and-certificate': { '--certificate-pem-outfile': 1, '--public-key-outfile': 1, '--private-key-outfile': 1 },
  'iot.create-certificate-from-csr': { '--certificate-pem-outfile': 1 },
  'cloudfront.create-invalidation': { '--paths': '+' },
  'cloudfront.create-distribution': { '--origin-domain-name': 1, '--default-root-object': 1 },
  'cloudfront.update-distribution': { '--default-root-object': 1 },
  'cloudwatch.put-metric-data': { '--metric-name': 1, '--value': 1, '--unit': 1, '--dimensions': 1, '--timestamp': 1, '--statistic-values': 1, '--storage-resolution': 1 },
  'configservice.put-configuration-recorder': { '--recording-group': 1 },
  'datapipeline.put-pipeline-definition': { '--pipeline-definition': 1, '--parameter-objects': 1, '--parameter-values-uri': 1, '--parameter-values': '+' },
  'deploy.create-deployment': { '--s3-location': 1, '--github-location': 1 },
  'deploy.get-application-revision': { '--s3-location': 1, '--github-location': 1 },
  'deploy.register-application-revision': { '--s3-location': 1, '--github-location': 1 },
  'emr.list-clusters': { '--active': 0, '--terminated': 0, '--failed': 0 },
  'lambda.create-function': { '--zip-file': 1 },
  'lambda.update-function-code': { '--zip-file': 1 },
  // awslambda.py hoists Content.ZipFile to --zip-file here too.
  'lambda.publish-layer-version': { '--zip-file': 1 },
  'ses.send-email': { '--from': 1, '--to': '+', '--cc': '+', '--bcc': '+', '--subject': 1, '--text': 1, '--html': 1 },
  'translate.import-terminology': { '--data-file': 1 },
};

/** Added arguments that fill no member of the input: what the CLI does with the output (files it writes, a key it decrypts with). */
export const OUTPUT_ONLY_ARGUMENTS: ReadonlySet<string> = new Set(['--outfile', '--bootstrap-method', '--certificate-pem-outfile', '--public-key-outfile', '--private-key-outfile', '--priv-launch-key']);

/** The added arguments the customization requires (iamvirtmfa.py: `required=True`): argparse refuses the command without them. */
export const REQUIRED_ADDED_ARGUMENTS: Readonly<Record<string, readonly string[]>> = {
  'iam.create-virtual-mfa-device': ['--outfile', '--bootstrap-method'],
};

/** Operation names the CLI still takes after renaming them, hidden from its help (awscli's rename_otel_commands). */
export const HIDDEN_OPERATION_ALIASES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  cloudwatch: { 'get-o-tel-enrichment': 'get-otel-enrichment', 'start-o-tel-enrichment': 'start-otel-enrichment', 'stop-o-tel-enrichment': 'stop-otel-enrichment' },
};

/**
 * Operations the CLI takes out of a service's command table (customizations/removals.py): deprecated ones, and those
 * that stream events, which the CLI cannot print. argparse refuses them as an invalid choice.
 */
export const REMOVED_COMMANDS: Readonly<Record<string, readonly string[]>> = {
  ses: ['delete-verified-email-address', 'list-verified-email-addresses', 'verify-email-address'],
  ec2: ['import-instance', 'import-volume'],
  emr: [
    'run-job-flow', 'describe-job-flows', 'add-job-flow-steps', 'terminate-job-flows', 'list-bootstrap-actions', 'list-instance-groups',
    'set-termination-protection', 'set-keep-job-flow-alive-when-no-steps', 'set-visible-to-all-users', 'set-unhealthy-node-replacement',
  ],
  kinesis: ['subscribe-to-shard'],
  'lexv2-runtime': ['start-conversation'],
  lambda: ['invoke-with-response-stream'],
  'sagemaker-runtime': ['invoke-endpoint-with-response-stream'],
  'bedrock-runtime': ['invoke-model-with-response-stream', 'invoke-model-with-bidirectional-stream', 'converse-stream'],
  'bedrock-agent-runtime': ['invoke-agent', 'invoke-flow', 'invoke-inline-agent', 'optimize-prompt', 'retrieve-and-generate-stream'],
  'bedrock-agentcore': ['invoke-code-interpreter', 'invoke-agent-runtime-command', 'invoke-harness'],
  qbusiness: ['chat'],
  iotsitewise: ['invoke-assistant'],
  logs: ['get-log-object'],
  connecthealth: ['start-medical-scribe-listening-session'],
  polly: ['start-speech-synthesis-stream'],
  'devops-agent': ['send-message'],
};

/** Commands of AWS CLI version 1 that version 2 no longer has, and what to write instead (the v2 migration guide). */
export const VERSION_1_COMMANDS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  ecr: { 'get-login': "'aws ecr get-login-password', piped into 'docker login --username AWS --password-stdin <registry>'" },
};

/** Model arguments a customization takes out of an operation's argument table (`<service>.<operation>` → `--name`s). */
export const REMOVED_ARGUMENTS: Readonly<Record<string, readonly string[]>> = {
  // ec2/addcount.py: `--count min[:max]` replaces them.
  'ec2.run-instances': ['--min-count', '--max-count'],
};

/** In PATTERN_WAIVED_BY: the pattern is waived in every use of the member. */
export const ANY_USE = '*';

/**
 * Patterns the model gives for one use of a member that another member changes (`<service>.<operation>` → member →
 * the member whose presence waives its pattern): a user pool's Domain is a prefix (`^[a-z0-9](?:[a-z0-9\-]{0,61}[a-z0-9])?$`)
 * unless a CustomDomainConfig makes it a full domain name (`auth.example.com`), as the service documents.
 */
export const PATTERN_WAIVED_BY: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'cognito-idp.create-user-pool-domain': { Domain: 'CustomDomainConfig' },
  'cognito-idp.update-user-pool-domain': { Domain: 'CustomDomainConfig' },
  // Describing or deleting a domain takes a custom domain's full name as well as a prefix: no member to wait for.
  'cognito-idp.describe-user-pool-domain': { Domain: ANY_USE },
  'cognito-idp.delete-user-pool-domain': { Domain: ANY_USE },
};

/** Required members a customization fills in when the command leaves them out (`<service>.<operation>` → members). */
export const DEFAULTED_MEMBERS: Readonly<Record<string, readonly string[]>> = {
  // ec2/addcount.py: set_default_count makes both 1.
  'ec2.run-instances': ['MinCount', 'MaxCount'],
};

/** One `key=value` word (or a bare `key`) as an EMR tag (emrutils.parse_tags). */
function emrTag(word: string): { Key: string; Value: string } {
  const equals = word.indexOf('=');
  return equals < 0 ? { Key: word, Value: '' } : { Key: word.slice(0, equals), Value: word.slice(equals + 1) };
}

/** Model arguments a customization reads its own way, not as shorthand or JSON (`<service>.<operation>` → `--name` → words to value). */
export const CUSTOM_VALUE_READERS: Readonly<Record<string, Readonly<Record<string, (words: readonly string[]) => unknown>>>> = {
  // emr/addtags.py: `--tags name="John Doe" age=29` gives one {Key, Value} tag per word.
  'emr.add-tags': { '--tags': (words) => words.map(emrTag) },
};

/**
 * Operations whose output the CLI rewrites before printing it (aws-cli's `after-call` handlers), so the
 * documented output is not the API response.
 */
export const OUTPUT_CUSTOMIZATIONS: Readonly<Record<string, string>> = {
  // awscli/customizations/datapipeline: the definition is printed as pipeline-definition objects, parameters and values.
  'datapipeline.get-pipeline-definition': 'the CLI prints the pipeline definition file format',
};
