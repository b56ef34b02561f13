/**
 * Names as the AWS CLI v2 derives them from botocore models.
 * `xformName` is an exact port of botocore's `xform_name` (aws-cli v2's vendored `awscli/botocore/__init__.py`).
 */

const firstCapRegex = /(.)([A-Z][a-z]+)/g;
const endCapRegex = /([a-z0-9])([A-Z])/g;
// Pluralized acronyms: GatewayARNs, ListWebACLs, SomeCNAMEs.
const specialCaseTransform = /[A-Z]{2,}s$/;

// Names botocore pre-seeds in its cache because the regexes get them wrong (dash form; the `_` form is derived).
const specialCases: Record<string, string> = {
  CreateCachediSCSIVolume: 'create-cached-iscsi-volume',
  DescribeCachediSCSIVolumes: 'describe-cached-iscsi-volumes',
  DescribeStorediSCSIVolumes: 'describe-stored-iscsi-volumes',
  CreateStorediSCSIVolume: 'create-stored-iscsi-volume',
  ListHITsForQualificationType: 'list-hits-for-qualification-type',
  ExecutePartiQLStatement: 'execute-partiql-statement',
  ExecutePartiQLTransaction: 'execute-partiql-transaction',
  ExecutePartiQLBatch: 'execute-partiql-batch',
  AssociateWhatsAppBusinessAccount: 'associate-whatsapp-business-account',
  CreateWhatsAppDataset: 'create-whatsapp-dataset',
  CreateWhatsAppFlow: 'create-whatsapp-flow',
  CreateWhatsAppMessageTemplate: 'create-whatsapp-message-template',
  CreateWhatsAppMessageTemplateFromLibrary: 'create-whatsapp-message-template-from-library',
  CreateWhatsAppMessageTemplateMedia: 'create-whatsapp-message-template-media',
  DeleteWhatsAppFlow: 'delete-whatsapp-flow',
  DeleteWhatsAppMessageMedia: 'delete-whatsapp-message-media',
  DeleteWhatsAppMessageTemplate: 'delete-whatsapp-message-template',
  DeprecateWhatsAppFlow: 'deprecate-whatsapp-flow',
  DisassociateWhatsAppBusinessAccount: 'disassociate-whatsapp-business-account',
  GetLinkedWhatsAppBusinessAccount: 'get-linked-whatsapp-business-account',
  GetLinkedWhatsAppBusinessAccountPhoneNumber: 'get-linked-whatsapp-business-account-phone-number',
  GetWhatsAppBusinessPublicKey: 'get-whatsapp-business-public-key',
  GetWhatsAppFlow: 'get-whatsapp-flow',
  GetWhatsAppFlowPreview: 'get-whatsapp-flow-preview',
  GetWhatsAppMessageMedia: 'get-whatsapp-message-media',
  GetWhatsAppMessageTemplate: 'get-whatsapp-message-template',
  ListLinkedWhatsAppBusinessAccounts: 'list-linked-whatsapp-business-accounts',
  ListWhatsAppFlowAssets: 'list-whatsapp-flow-assets',
  ListWhatsAppFlows: 'list-whatsapp-flows',
  ListWhatsAppMessageTemplates: 'list-whatsapp-message-templates',
  ListWhatsAppTemplateLibrary: 'list-whatsapp-template-library',
  PostWhatsAppMessageMedia: 'post-whatsapp-message-media',
  PublishWhatsAppFlow: 'publish-whatsapp-flow',
  PutWhatsAppBusinessPublicKey: 'put-whatsapp-business-public-key',
  PutWhatsAppBusinessAccountEventDestinations: 'put-whatsapp-business-account-event-destinations',
  SendWhatsAppConversionEvent: 'send-whatsapp-conversion-event',
  SendWhatsAppMessage: 'send-whatsapp-message',
  // awscli's rename_otel_commands (cloudwatch): the model's `-o-tel-` names stay as hidden aliases.
  GetOTelEnrichment: 'get-otel-enrichment',
  StartOTelEnrichment: 'start-otel-enrichment',
  StopOTelEnrichment: 'stop-otel-enrichment',
  UpdateOTelEnrichment: 'update-otel-enrichment',
  UpdateWhatsAppFlow: 'update-whatsapp-flow',
  UpdateWhatsAppFlowAssets: 'update-whatsapp-flow-assets',
  UpdateWhatsAppMessageTemplate: 'update-whatsapp-message-template',
};

// botocore caches xform_name too: a check asks for the same few thousand names over and over.
const transformed = { '-': new Map<string, string>(), _: new Map<string, string>() };

/** botocore's `xform_name(name, sep)`: `AllowedOAuthFlows` → `allowed-o-auth-flows`, `ListWebACLs` → `list-web-acls`. */
export function xformName(name: string, sep: '-' | '_' = '-'): string {
  const cache = transformed[sep];
  let result = cache.get(name);
  if (result === undefined) {
    result = transform(name, sep);
    cache.set(name, result);
  }
  return result;
}

function transform(name: string, sep: '-' | '_'): string {
  // A name that already holds the separator is taken as transformed.
  if (name.includes(sep)) return name;
  const special = specialCases[name];
  if (special !== undefined) return sep === '-' ? special : special.replaceAll('-', '_');
  let subject = name;
  const plural = specialCaseTransform.exec(subject);
  if (plural) subject = `${subject.slice(0, -plural[0].length)}${sep}${plural[0].toLowerCase()}`;
  const firstPass = subject.replace(firstCapRegex, `$1${sep}$2`);
  return firstPass.replace(endCapRegex, `$1${sep}$2`).toLowerCase();
}

/** botocore folder names the CLI renames (awscli `register_s3_main`, `register_rename_codedeploy`, `register_rename_config`). */
const cliRenames: Record<string, string> = { s3: 's3api', codedeploy: 'deploy', config: 'configservice' };
const folderRenames = Object.fromEntries(Object.entries(cliRenames).map(([folder, cli]) => [cli, folder]));

/**
 * Service names the CLI accepts besides its model folders' names, and the folder each stands for: aliases added
 * by aws-cli customizations (opsworkscm.py's `alias_command`, sagemaker.py's hidden `runtime.sagemaker`).
 */
const serviceAliases: Record<string, string> = { 'opsworks-cm': 'opsworkscm', 'runtime.sagemaker': 'sagemaker-runtime' };

/** The CLI service a name the CLI accepts stands for: `opsworks-cm` → `opsworkscm`; other names as they are. */
export function unaliasedServiceName(cliName: string): string {
  return Object.hasOwn(serviceAliases, cliName) ? serviceAliases[cliName]! : cliName;
}

/** The alias the CLI documents for a service (`opsworkscm` → `opsworks-cm`), for suggestions. */
export function documentedServiceAlias(cliName: string): string | undefined {
  return cliName === 'opsworkscm' ? 'opsworks-cm' : undefined;
}

/** The CLI command name of a botocore model folder: `s3` → `s3api`, `config` → `configservice`. */
export function cliServiceName(botocoreName: string): string {
  return cliRenames[botocoreName] ?? botocoreName;
}

/** The botocore model folder of a CLI service name: `s3api` → `s3`. */
export function botocoreServiceName(cliName: string): string {
  return folderRenames[cliName] ?? cliName;
}

/** The CLI name of an API operation: `RespondToAuthChallenge` → `respond-to-auth-challenge`. */
export function operationCliName(apiName: string): string {
  return xformName(apiName, '-');
}

/** A name without separators and case: `xformName` only inserts separators and lowercases, so a name and its CLI name fold alike. */
// API names hold no `-`: they skip the replace, which costs more than the lowercasing over a model's thousands of names.
const folded = (name: string) => (name.includes('-') ? name.replaceAll('-', '') : name).toLowerCase();

/** For each model's map of operations: its operations by folded name, and the CLI names already looked up (a run asks for the same few again and again). */
const operationIndexes = new WeakMap<object, { byFoldedName: Map<string, string[]>; found: Map<string, string | undefined> }>();

/**
 * The API operation name of a CLI operation name in a model's operation map, or undefined. Only the operations whose
 * names fold like it are transformed: a run looks up a few operations of each of hundreds of services.
 */
export function operationApiName(operations: Record<string, unknown>, cliName: string): string | undefined {
  let index = operationIndexes.get(operations);
  if (!index) {
    const byFoldedName = new Map<string, string[]>();
    for (const apiName of Object.keys(operations)) {
      const key = folded(apiName);
      const alike = byFoldedName.get(key);
      if (alike) alike.push(apiName);
      else byFoldedName.set(key, [apiName]);
    }
    index = { byFoldedName, found: new Map() };
    operationIndexes.set(operations, index);
  }
  if (index.found.has(cliName)) return index.found.get(cliName);
  const apiName = index.byFoldedName.get(folded(cliName))?.findLast((candidate) => operationCliName(candidate) === cliName);
  index.found.set(cliName, apiName);
  return apiName;
}
