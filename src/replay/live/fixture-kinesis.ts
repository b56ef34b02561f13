import type { DocumentedOutcome } from '../types.js';
import type { FixtureCall, ServiceFixture } from './service-fixture.js';

/**
 * Kinesis's zero-config fixture: every stream a command names exists and is ACTIVE, with as many shards as the
 * document shows for it (a described stream's shards, a summary's open shard count), else one.
 */
export class KinesisFixture implements ServiceFixture {
  private readonly shardCounts = new Map<string, number>();
  private readonly created = new Set<string>();
  /** Retention periods longer than the default 24 hours the document shows, and tags it lists, by stream. */
  private readonly retention = new Map<string, number>();
  private readonly tags = new Map<string, Record<string, string>>();

  constructor(private readonly call: FixtureCall) {}

  learn(operationName: string, input: Record<string, unknown>, documented: DocumentedOutcome): void {
    const output = documented.kind === 'json' ? (documented.value as Record<string, unknown>) : {};
    const name = streamName(input);
    if (!name) return;
    const description = output.StreamDescription as { Shards?: Array<{ SequenceNumberRange?: { EndingSequenceNumber?: string } }> } | undefined;
    const summary = output.StreamDescriptionSummary as { OpenShardCount?: number } | undefined;
    const open = description?.Shards?.filter((shard) => !shard.SequenceNumberRange?.EndingSequenceNumber).length;
    // A shard the document names (`shardId-000000000002`) must exist: as many shards as the highest number needs.
    const named = Math.max(0, ...[...JSON.stringify([input, output]).matchAll(/shardId-(\d{12})/g)].map((match) => Number(match[1]) + 1));
    const count = open || summary?.OpenShardCount || (operationName === 'CreateStream' ? Number(input.ShardCount) : undefined) || named;
    if (count && (this.shardCounts.get(name) ?? 0) < count) this.shardCounts.set(name, count);
    const retention = (description as { RetentionPeriodHours?: unknown } | undefined)?.RetentionPeriodHours ?? (summary as { RetentionPeriodHours?: unknown } | undefined)?.RetentionPeriodHours;
    // A decrease needs a longer period to start from.
    const hours = operationName === 'DecreaseStreamRetentionPeriod' ? Number(input.RetentionPeriodHours) + 24 : Number(retention);
    if (hours > 24) this.retention.set(name, hours);
    const tags = operationName === 'ListTagsForStream' ? (output.Tags as Array<{ Key?: string; Value?: string }> | undefined) : undefined;
    if (tags?.length) this.tags.set(name, Object.fromEntries(tags.map(({ Key, Value }) => [Key ?? '', Value ?? ''])));
  }

  async prepare(operationName: string, input: Record<string, unknown>, documented: DocumentedOutcome): Promise<void> {
    const listed = operationName === 'ListStreams' && documented.kind === 'json' ? (documented.value as { StreamNames?: unknown }).StreamNames : undefined;
    for (const name of Array.isArray(listed) ? listed : []) if (typeof name === 'string') await this.ensureStream(name);
    const name = streamName(input);
    if (!name) return;
    if (operationName === 'CreateStream') {
      this.created.add(name);
      return;
    }
    await this.ensureStream(name);
  }

  private async ensureStream(name: string): Promise<void> {
    if (this.created.has(name)) return;
    this.created.add(name);
    await this.call('CreateStream', { StreamName: name, ShardCount: this.shardCounts.get(name) ?? 1 });
    await this.untilActive(name);
    const hours = this.retention.get(name);
    if (hours) {
      await this.call('IncreaseStreamRetentionPeriod', { StreamName: name, RetentionPeriodHours: hours });
      await this.untilActive(name);
    }
    const tags = this.tags.get(name);
    if (tags) await this.call('AddTagsToStream', { StreamName: name, Tags: tags });
  }

  async cleanUp(): Promise<void> {
    for (const name of this.created) {
      await this.call('DeleteStream', { StreamName: name, EnforceConsumerDeletion: true }).catch(() => undefined);
      // Waits out DELETING: the next example may create a stream of the same name.
      for (let attempt = 0; attempt < 100; attempt++) {
        if (!(await this.call('DescribeStreamSummary', { StreamName: name }).then(() => true, () => false))) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
    this.created.clear();
  }

  /** kinesalite makes a stream ACTIVE on its next tick, the service in seconds: the example needs it ACTIVE. */
  private async untilActive(name: string): Promise<void> {
    for (let attempt = 0; attempt < 100; attempt++) {
      const { StreamDescriptionSummary } = (await this.call('DescribeStreamSummary', { StreamName: name })) as { StreamDescriptionSummary?: { StreamStatus?: string } };
      if (StreamDescriptionSummary?.StreamStatus === 'ACTIVE') return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

/** The stream a command acts on, by name or by ARN (`arn:aws:kinesis:region:account:stream/NAME`). */
function streamName(input: Record<string, unknown>): string | undefined {
  if (typeof input.StreamName === 'string') return input.StreamName;
  const arn = input.StreamARN ?? input.ResourceARN;
  return typeof arn === 'string' && arn.includes(':stream/') ? arn.split(':stream/')[1]!.split('/')[0] : undefined;
}
