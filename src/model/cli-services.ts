import { readFileSync } from 'node:fs';

let services: ReadonlySet<string> | undefined;

/**
 * The service names the AWS CLI accepts, whether or not a model for them is loaded (`schemas/aws/cli-services.json`,
 * from the botocore models of the aws-cli snapshot): without `--models`, `aws ec2 ...` is a command this run cannot
 * check, not an unknown service.
 */
export function knownCliServices(): ReadonlySet<string> {
  services ??= new Set((JSON.parse(readFileSync(new URL('../../schemas/aws/cli-services.json', import.meta.url), 'utf8')) as { services: string[] }).services);
  return services;
}
