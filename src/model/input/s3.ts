/**
 * What the AWS CLI refuses of S3 bucket names and `s3://` paths before any call: botocore's validate_bucket_name
 * (handlers.py), which every S3 operation's Bucket passes, and aws-cli's s3 subcommands' own path checks.
 */
import type { Word } from '../../commands/types.js';
import { holdsNamedPlaceholder } from './unknown.js';

const VALID_BUCKET = /^[a-zA-Z0-9.\-_]{1,255}$/;
const VALID_S3_ARN =
  /^arn:(aws).*:(s3|s3-object-lambda):[a-z\-0-9]*:[0-9]{12}:accesspoint[/:][a-zA-Z0-9\-.]{1,63}$|^arn:(aws).*:s3-outposts:[a-z\-0-9]+:[0-9]{12}:outpost[/:][a-zA-Z0-9\-]{1,63}[/:]accesspoint[/:][a-zA-Z0-9\-]{1,63}$/;

/** A name with a part the reader fills in (`an-cli-[your-initials]`, `{bucket}`, `...`): what the CLI gets is not known. */
const FILLED_IN_BUCKET = /[[\]{}<>…]|\.\.\./;

/** What botocore says of a bucket name it refuses, or nothing. */
export function bucketNameProblem(value: string): string | undefined {
  if (VALID_BUCKET.test(value) || VALID_S3_ARN.test(value) || FILLED_IN_BUCKET.test(value) || holdsNamedPlaceholder(value)) return undefined;
  const uri = /^s3:\/\/([^/]+)/.exec(value);
  const hint = uri ? ` (the API takes the name, '${uri[1]}', not an s3:// URI)` : /[*?]/.test(value) ? ' (the CLI expands no wildcards in bucket names)' : '';
  return `Invalid bucket name "${value}": Bucket name must match the regex "${VALID_BUCKET.source}" or be an access point ARN${hint}.`;
}

/**
 * The s3 commands' paths as aws-cli checks them: `mb` and `rb` take a bucket's `s3://` path; `cp`, `mv` and `sync`
 * copy to or from S3, so one of their two paths is an `s3://` one (otherwise the CLI stops with "Invalid argument
 * type"); the bucket of each `s3://bucket/key` path passes botocore's name check. Paths with a part the reader fills
 * in may be anything; an access point's ARN (`s3://arn:aws:s3:...:accesspoint/name/key`) holds a `/`, and the
 * commands split it their own way.
 */
export function s3PathProblems(operation: string, paths: readonly Word[]): { message: string; words: Word[] }[] {
  if (paths.some((word) => word.unknown !== undefined || FILLED_IN_BUCKET.test(word.value))) return [];
  const problems: { message: string; words: Word[] }[] = [];
  const isS3 = (word: Word) => word.value.startsWith('s3://');
  if ((operation === 'mb' || operation === 'rb') && paths[0] !== undefined && !isS3(paths[0])) {
    problems.push({ message: `'aws s3 ${operation}' takes a bucket's S3 path: '${paths[0].value}' does not start with s3://, and the CLI stops with "Invalid argument type"; write s3://${paths[0].value}.`, words: [paths[0]] });
  }
  if ((operation === 'cp' || operation === 'mv' || operation === 'sync') && paths.length === 2 && !paths.some(isS3)) {
    problems.push({ message: `'aws s3 ${operation}' copies to or from S3: neither path starts with s3://, and the CLI stops with "Invalid argument type".`, words: [...paths] });
  }
  for (const word of paths) {
    const bucket = /^s3:\/\/(?!arn:)([^/]+)/.exec(word.value)?.[1];
    const problem = bucket === undefined ? undefined : bucketNameProblem(bucket);
    if (problem !== undefined) problems.push({ message: problem, words: [word] });
  }
  return problems;
}
