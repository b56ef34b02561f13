import type { DocumentedOutcome } from '../types.js';
import type { FixtureCall, ServiceFixture } from './service-fixture.js';

/** Operations that create their bucket, or need it absent. */
const creatingOperations = new Set(['CreateBucket']);
/** Operations on one object that must exist first (reads, tags, ACLs, copies, deletes). */
const objectOperations = new Set([
  'GetObject',
  'HeadObject',
  'DeleteObject',
  'GetObjectAcl',
  'PutObjectAcl',
  'GetObjectTagging',
  'PutObjectTagging',
  'DeleteObjectTagging',
  'GetObjectAttributes',
  'RestoreObject',
]);

/**
 * S3's zero-config fixture: every bucket a command names exists, and the objects it reads or the documented
 * output lists are put first (with the documented size, so lengths agree).
 */
export class S3Fixture implements ServiceFixture {
  private readonly buckets = new Set<string>();
  private readonly objects = new Map<string, Set<string>>();

  constructor(private readonly call: FixtureCall) {}

  learn(): void {}

  async prepare(operationName: string, input: Record<string, unknown>, documented: DocumentedOutcome): Promise<void> {
    const output = documented.kind === 'json' ? (documented.value as Record<string, unknown>) : {};
    if (operationName === 'ListBuckets') {
      for (const entry of Array.isArray(output.Buckets) ? output.Buckets : []) {
        const { Name } = entry as { Name?: unknown };
        if (typeof Name === 'string') await this.ensureBucket(Name);
      }
    }
    const bucket = typeof input.Bucket === 'string' ? input.Bucket : undefined;
    if (!bucket) return;
    if (creatingOperations.has(operationName)) {
      this.buckets.add(bucket);
      return;
    }
    await this.ensureBucket(bucket);
    if (operationName === 'PutObject' && typeof input.Key === 'string') this.remember(bucket, input.Key);
    if (objectOperations.has(operationName) && typeof input.Key === 'string') await this.ensureObject(bucket, input.Key, objectSize(input, output), objectHeaders(output));
    if (operationName === 'CopyObject' && typeof input.CopySource === 'string') {
      const [sourceBucket, ...key] = decodeURIComponent(input.CopySource.replace(/^\//, '').split('?')[0]!).split('/');
      if (sourceBucket && key.length) {
        await this.ensureBucket(sourceBucket);
        await this.ensureObject(sourceBucket, key.join('/'), 0);
      }
      if (typeof input.Key === 'string') this.remember(bucket, input.Key);
    }
    if (operationName === 'ListObjects' || operationName === 'ListObjectsV2') {
      for (const entry of Array.isArray(output.Contents) ? output.Contents : []) {
        const { Key, Size } = entry as { Key?: unknown; Size?: unknown };
        if (typeof Key === 'string') await this.ensureObject(bucket, Key, Number(Size) || 0);
      }
    }
    // A configuration or tag set the documented output shows is put first, in the form the CLI printed it.
    if (operationName === 'GetBucketCors' && Array.isArray(output.CORSRules)) await this.call('PutBucketCors', { Bucket: bucket, CORSConfiguration: { CORSRules: output.CORSRules } });
    if (operationName === 'GetBucketWebsite' && (output.IndexDocument || output.RedirectAllRequestsTo)) {
      const { IndexDocument, ErrorDocument, RoutingRules, RedirectAllRequestsTo } = output;
      await this.call('PutBucketWebsite', { Bucket: bucket, WebsiteConfiguration: { IndexDocument, ErrorDocument, RoutingRules, RedirectAllRequestsTo } });
    }
    if (operationName === 'GetObjectTagging' && Array.isArray(output.TagSet) && typeof input.Key === 'string') {
      await this.call('PutObjectTagging', { Bucket: bucket, Key: input.Key, Tagging: { TagSet: output.TagSet } });
    }
    if (operationName === 'DeleteObjects') {
      for (const entry of (input.Delete as { Objects?: Array<{ Key?: unknown }> } | undefined)?.Objects ?? []) {
        if (typeof entry.Key === 'string') await this.ensureObject(bucket, entry.Key, 0);
      }
    }
  }

  async cleanUp(): Promise<void> {
    for (const bucket of this.buckets) {
      // What the example itself put is listed too: everything in the run's buckets goes.
      const listed = (await this.call('ListObjects', { Bucket: bucket }).catch(() => ({}))) as { Contents?: Array<{ Key?: string }> };
      for (const { Key } of listed.Contents ?? []) if (Key) await this.call('DeleteObject', { Bucket: bucket, Key }).catch(() => undefined);
      await this.call('DeleteBucket', { Bucket: bucket }).catch(() => undefined);
    }
    this.buckets.clear();
    this.objects.clear();
  }

  private async ensureBucket(bucket: string): Promise<void> {
    if (this.buckets.has(bucket)) return;
    this.buckets.add(bucket);
    await this.call('CreateBucket', { Bucket: bucket }).catch((error: Error) => {
      if (error.name !== 'BucketAlreadyOwnedByYou' && error.name !== 'BucketAlreadyExists') throw error;
    });
  }

  private async ensureObject(bucket: string, key: string, size: number, headers: Record<string, unknown> = {}): Promise<void> {
    if (this.objects.get(bucket)?.has(key)) return;
    this.remember(bucket, key);
    await this.call('PutObject', { Bucket: bucket, Key: key, Body: new Uint8Array(Math.min(size, 16 * 1024 * 1024)), ...headers });
  }

  private remember(bucket: string, key: string): void {
    this.objects.set(bucket, (this.objects.get(bucket) ?? new Set()).add(key));
  }
}

/**
 * How large an object read must be: the documented length, or the whole of a documented `Content-Range`, and at
 * least as long as the byte range the command asks for (`--range bytes=8888-9999`).
 */
export function objectSize(input: Record<string, unknown>, output: Record<string, unknown>): number {
  const whole = /\/(\d+)$/.exec(String(output.ContentRange ?? ''))?.[1];
  // `bytes=8888-9999` and `bytes=8888-` need the bytes up to there; a suffix (`bytes=-500`) any length.
  const [, start, end] = /^bytes=(\d+)-(\d*)$/.exec(String(input.Range ?? '')) ?? [];
  return Math.max(Number(whole ?? output.ContentLength) || 0, start ? Number(end || start) + 1 : 0);
}

/** Members an object read shows that the object is stored with (its type, user metadata, encodings). */
const storedHeaders = ['ContentType', 'ContentEncoding', 'ContentLanguage', 'ContentDisposition', 'CacheControl', 'Metadata'];

export function objectHeaders(output: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(storedHeaders.filter((member) => output[member] !== undefined && output[member] !== null).map((member) => [member, output[member]]));
}
