import type { DocumentedOutcome } from '../types.js';
import type { FixtureCall, ServiceFixture } from './service-fixture.js';

type Item = Record<string, Record<string, unknown>>;
interface KeyElement {
  AttributeName: string;
  KeyType: 'HASH' | 'RANGE';
}
interface TableSchema {
  /** Shown by a described table: the fixture's table is then billed the same way, so the description agrees. */
  ProvisionedThroughput?: { ReadCapacityUnits: number; WriteCapacityUnits: number };
  KeySchema: KeyElement[];
  AttributeDefinitions: Array<{ AttributeName: string; AttributeType: string }>;
  GlobalSecondaryIndexes?: unknown[];
  LocalSecondaryIndexes?: unknown[];
}

/** Operations that create their table (or restore one): the fixture must not create it first. */
const creatingOperations = new Set(['CreateTable', 'RestoreTableFromBackup', 'RestoreTableToPointInTime', 'ImportTable']);
const scalarTypes = new Set(['S', 'N', 'B']);

/**
 * DynamoDB's zero-config fixture: every table a command names exists, with the key schema the document shows
 * (a described table's KeySchema, else the attributes of a `Key` given anywhere in the document, else an item's
 * first attribute), and the items the documented output shows are put first.
 */
export class DynamoDbFixture implements ServiceFixture {
  /** Each table's key schema, with how sure it is: 3 described, 2 from a key, 1 guessed from items. */
  private readonly schemas = new Map<string, { schema: TableSchema; certainty: number }>();
  private readonly created = new Set<string>();
  /** Every item the document shows anywhere, by table: an update or delete of its key acts on it. */
  private readonly shownItems: Array<[string, Item]> = [];

  constructor(private readonly call: FixtureCall) {}

  learn(operationName: string, input: Record<string, unknown>, documented: DocumentedOutcome): void {
    const output = documented.kind === 'json' ? (documented.value as Record<string, unknown>) : {};
    for (const [table, item] of [...documentedItems(operationName, input, output), ...itemAfterUpdate(operationName, input, output)]) this.shownItems.push([table, item]);
    for (const description of [output.Table, output.TableDescription]) {
      const table = description as (TableSchema & { TableName?: string }) | undefined;
      if (!table?.TableName || !Array.isArray(table.KeySchema) || !Array.isArray(table.AttributeDefinitions)) continue;
      // An update's output shows the table after it: the indexes and throughput it sets are not there before.
      const before = operationName === 'UpdateTable' ? { ...table, GlobalSecondaryIndexes: [], ProvisionedThroughput: undefined } : table;
      this.learnSchema(table.TableName, schemaOf(before), 3);
    }
    if (operationName === 'CreateTable' && typeof input.TableName === 'string' && Array.isArray(input.KeySchema)) this.learnSchema(input.TableName, schemaOf(input as unknown as TableSchema), 3);
    for (const [table, key] of keysIn(input)) this.learnSchema(table, schemaFromKey(key), 2);
    if (operationName === 'BatchWriteItem') this.learnFromBatchWrite(input);
    const table = input.TableName;
    if (typeof table !== 'string') return;
    const items = [...documentedItems(operationName, input, output)].filter(([name]) => name === table).map(([, item]) => item);
    if (operationName === 'PutItem' && isItem(input.Item)) items.push(input.Item);
    const schema = schemaFromItems(items, partitionCondition(input)?.[0]);
    if (schema) this.learnSchema(table, schema, 1);
  }

  /** Items a batch write puts show the attributes its tables' keys are made of, as a put-item's item does. */
  private learnFromBatchWrite(input: Record<string, unknown>): void {
    for (const [table, writes] of Object.entries((input.RequestItems as Record<string, unknown>) ?? {})) {
      const items = asArray(writes).map((write) => (write as { PutRequest?: { Item?: unknown } }).PutRequest?.Item).filter(isItem);
      const schema = schemaFromItems(items);
      if (schema) this.learnSchema(table, schema, 1);
    }
  }

  private learnSchema(table: string, schema: TableSchema, certainty: number): void {
    const known = this.schemas.get(table);
    // Equally sure: the schema with a sort key explains more items (one example's projection may show one item only).
    const better = !known || known.certainty < certainty || (known.certainty === certainty && known.schema.KeySchema.length < schema.KeySchema.length);
    if (better) this.schemas.set(table, { schema, certainty });
  }

  async prepare(operationName: string, input: Record<string, unknown>, documented: DocumentedOutcome): Promise<void> {
    if (creatingOperations.has(operationName)) {
      const name = (input.TableName ?? input.TargetTableName ?? (input.TableCreationParameters as { TableName?: string } | undefined)?.TableName) as string | undefined;
      if (name) this.created.add(name);
      return;
    }
    const output = documented.kind === 'json' ? (documented.value as Record<string, unknown>) : {};
    const items = new Map<string, Item[]>();
    for (const [table, item] of documentedItems(operationName, input, output)) items.set(table, [...(items.get(table) ?? []), item]);
    // An update or delete acts on the item the document shows for its key, where this example shows none.
    if ((operationName === 'UpdateItem' || operationName === 'DeleteItem') && typeof input.TableName === 'string' && isItem(input.Key)) {
      const key = input.Key;
      const holdsKey = (item: Item) => Object.entries(key).every(([name, value]) => JSON.stringify(item[name]) === JSON.stringify(value));
      const shown = this.shownItems.find(([table, item]) => table === input.TableName && holdsKey(item));
      if (shown && !(items.get(shown[0]) ?? []).some(holdsKey)) items.set(shown[0], [...(items.get(shown[0]) ?? []), shown[1]]);
    }
    const listed = operationName === 'ListTables' ? asArray(output.TableNames).filter((name): name is string => typeof name === 'string') : [];
    for (const name of new Set([...tablesIn(input), ...items.keys(), ...listed])) await this.ensureTable(name, items.get(name) ?? []);
    if (operationName === 'Scan' && typeof input.TableName === 'string') await this.putUnmatched(input, output);
    const tags = asArray(output.Tags);
    if (operationName === 'ListTagsOfResource' && tags.length > 0 && typeof input.ResourceArn === 'string') {
      const { TableArn } = ((await this.call('DescribeTable', { TableName: tablesIn(input)[0] })) as { Table?: { TableArn?: string } }).Table ?? {};
      await this.call('TagResource', { ResourceArn: TableArn ?? input.ResourceArn, Tags: tags });
    }
  }

  async cleanUp(): Promise<void> {
    for (const name of this.created) {
      // A table still UPDATING (an index being added) cannot be deleted yet.
      await this.untilActive(name).catch(() => undefined);
      await this.call('DeleteTable', { TableName: name }).catch(() => undefined);
      await this.untilGone(name);
    }
    this.created.clear();
  }

  private async ensureTable(name: string, items: Item[]): Promise<void> {
    if (!this.created.has(name)) {
      // A table only listed shows no key: any key will do for a name in a list.
      const schema = this.schemas.get(name)?.schema ?? schemaFromItems(items) ?? schemaFromKey({ id: { S: '' } });
      this.created.add(name);
      await this.call('CreateTable', { TableName: name, ...schema, BillingMode: schema.ProvisionedThroughput ? 'PROVISIONED' : 'PAY_PER_REQUEST' }).catch((error: Error) => {
        if (error.name !== 'ResourceInUseException') throw error;
      });
      await this.untilActive(name);
    }
    for (const item of items) await this.call('PutItem', { TableName: name, Item: item });
  }

  /**
   * A filtered scan reads more items than it returns (`ScannedCount` over `Count`): the ones it read but filtered
   * out are put too, keyed apart from the shown ones and failing an equality the filter requires.
   */
  private async putUnmatched(input: Record<string, unknown>, output: Record<string, unknown>): Promise<void> {
    const table = input.TableName as string;
    const unshown = Number(output.ScannedCount) - asArray(output.Items).length;
    const schema = this.schemas.get(table)?.schema;
    if (!schema || !(unshown > 0) || conditionEqualities(input.FilterExpression, input).length === 0) return;
    for (let index = 1; index <= unshown; index++) {
      const item = Object.fromEntries(schema.AttributeDefinitions.filter(({ AttributeName }) => schema.KeySchema.some((key) => key.AttributeName === AttributeName)).map(({ AttributeName, AttributeType }) => [AttributeName, unmatchedValue(AttributeType, index)]));
      await this.call('PutItem', { TableName: table, Item: item });
    }
  }

  private untilGone(name: string): Promise<void> {
    return untilGoneWith(this.call, name);
  }

  /** dynalite makes a table ACTIVE on its next tick, the service in seconds: items can be put only then. */
  private async untilActive(name: string): Promise<void> {
    for (let attempt = 0; attempt < 100; attempt++) {
      const { Table } = (await this.call('DescribeTable', { TableName: name })) as { Table?: { TableStatus?: string } };
      if (Table?.TableStatus === 'ACTIVE') return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

/** Waits out DELETING: the next example may create a table of the same name. */
async function untilGoneWith(call: FixtureCall, name: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      await call('DescribeTable', { TableName: name });
    } catch {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The items a documented output shows, by table: they must be in the table before the command runs. */
function documentedItems(operationName: string, input: Record<string, unknown>, output: Record<string, unknown>): Array<[string, Item]> {
  const found: Array<[string, Item]> = [];
  const add = (table: unknown, item: unknown) => {
    if (typeof table === 'string' && isItem(item)) found.push([table, item]);
  };
  const table = input.TableName;
  // A projection may leave the key out of the item shown: the key given is part of it.
  if (operationName === 'GetItem' && isItem(output.Item)) add(table, { ...(isItem(input.Key) ? input.Key : {}), ...output.Item });
  // A query's or scan's items hold what its conditions require equal (`Artist = :a`), even where a projection leaves it out.
  if (operationName === 'Query' || operationName === 'Scan') {
    const required = Object.fromEntries([...conditionEqualities(input.KeyConditionExpression, input), ...conditionEqualities(input.FilterExpression, input)]);
    for (const item of asArray(output.Items)) add(table, isItem(item) ? { ...required, ...item } : item);
  }
  if (['DeleteItem', 'PutItem', 'UpdateItem'].includes(operationName) && input.ReturnValues === 'ALL_OLD') add(table, output.Attributes);
  if (operationName === 'BatchGetItem') {
    for (const [name, list] of Object.entries((output.Responses as Record<string, unknown>) ?? {})) {
      // Items shown without their key (a projection) belong to the keys asked for, one each, in the order asked.
      const keys = asArray(((input.RequestItems as Record<string, { Keys?: unknown }> | undefined)?.[name])?.Keys);
      const items = asArray(list);
      for (const [index, item] of items.entries()) add(name, keys.length === items.length && isItem(keys[index]) && isItem(item) ? { ...keys[index], ...item } : item);
    }
  }
  return found;
}

/**
 * The item an update with `ReturnValues ALL_NEW` shows, with its key: where the update only sets values
 * (`SET #Y = :y, #AT = :t`), also the item it found, as setting the same values again changes nothing; otherwise
 * without the attributes the update names.
 */
function itemAfterUpdate(operationName: string, input: Record<string, unknown>, output: Record<string, unknown>): Array<[string, Item]> {
  if (operationName !== 'UpdateItem' || input.ReturnValues !== 'ALL_NEW' || typeof input.TableName !== 'string' || !isItem(input.Key) || !isItem(output.Attributes)) return [];
  const expression = String(input.UpdateExpression ?? '');
  const item: Item = { ...output.Attributes, ...input.Key };
  if (!/^\s*SET\s+#?\w+\s*=\s*:\w+(\s*,\s*#?\w+\s*=\s*:\w+)*\s*$/i.test(expression)) {
    const names = (input.ExpressionAttributeNames as Record<string, string> | undefined) ?? {};
    for (const word of expression.match(/#?\w+/g) ?? []) delete item[names[word] ?? word];
  }
  return [[input.TableName, item]];
}

/**
 * The `attribute = :value` terms of a condition that is a plain conjunction (no OR, no NOT): every item it
 * matches holds those values. Names resolve through `ExpressionAttributeNames`.
 */
export function conditionEqualities(expression: unknown, input: Record<string, unknown>): Array<[string, Record<string, unknown>]> {
  if (typeof expression !== 'string' || /\b(OR|NOT)\b/i.test(expression)) return [];
  const names = (input.ExpressionAttributeNames as Record<string, string> | undefined) ?? {};
  const values = (input.ExpressionAttributeValues as Record<string, Record<string, unknown>> | undefined) ?? {};
  const found: Array<[string, Record<string, unknown>]> = [];
  for (const term of expression.split(/\bAND\b/i)) {
    const match = /^\s*\(?\s*(#?[\w.]+)\s*=\s*(:\w+)\s*\)?\s*$/.exec(term);
    const value = match ? values[match[2]!] : undefined;
    if (match && value && !match[1]!.includes('.')) found.push([names[match[1]!] ?? match[1]!, value]);
  }
  return found;
}

/** A key value no shown item has: the `index`th item a filter leaves out. */
function unmatchedValue(type: string, index: number): Record<string, unknown> {
  if (type === 'N') return { N: String(-index) };
  if (type === 'B') return { B: Buffer.from(`docs-harness-unshown-${index}`) };
  return { S: `docs-harness-unshown-${index}` };
}

/** The partition a query's key condition names (`Artist = :v1`, `#n1 = :v1`): the attribute and its value. */
function partitionCondition(input: Record<string, unknown>): [string, Record<string, unknown>] | undefined {
  if (typeof input.KeyConditionExpression !== 'string' || input.IndexName !== undefined) return undefined;
  const match = /^\s*(#?\w+)\s*=\s*(:\w+)/.exec(input.KeyConditionExpression);
  const names = (input.ExpressionAttributeNames as Record<string, string> | undefined) ?? {};
  const value = (input.ExpressionAttributeValues as Record<string, Record<string, unknown>> | undefined)?.[match?.[2] ?? ''];
  return match && value ? [names[match[1]!] ?? match[1]!, value] : undefined;
}

function schemaOf(table: TableSchema): TableSchema {
  const throughput = (value: unknown) => {
    const { ReadCapacityUnits, WriteCapacityUnits } = (value ?? {}) as { ReadCapacityUnits?: number; WriteCapacityUnits?: number };
    return ReadCapacityUnits && WriteCapacityUnits ? { ProvisionedThroughput: { ReadCapacityUnits, WriteCapacityUnits } } : {};
  };
  const provisioned = throughput(table.ProvisionedThroughput);
  const index = (entry: unknown) => {
    const { IndexName, KeySchema, Projection, ProvisionedThroughput } = entry as {
      IndexName: string;
      KeySchema: unknown;
      Projection?: { ProjectionType?: string; NonKeyAttributes?: string[] };
      ProvisionedThroughput?: unknown;
    };
    const own = throughput(ProvisionedThroughput);
    return {
      IndexName,
      KeySchema,
      Projection: Projection?.ProjectionType ? { ProjectionType: Projection.ProjectionType, ...(Projection.NonKeyAttributes ? { NonKeyAttributes: Projection.NonKeyAttributes } : {}) } : { ProjectionType: 'ALL' },
      // A provisioned table's indexes are provisioned too: their own units, else the table's.
      ...(provisioned.ProvisionedThroughput ? (own.ProvisionedThroughput ? own : provisioned) : {}),
    };
  };
  // Only attributes some key uses may be defined (DynamoDB refuses others).
  const keyed = new Set([table.KeySchema, ...[...(table.GlobalSecondaryIndexes ?? []), ...(table.LocalSecondaryIndexes ?? [])].map((entry) => (entry as { KeySchema: KeyElement[] }).KeySchema)].flat().map((key) => key.AttributeName));
  return {
    ...provisioned,
    KeySchema: table.KeySchema.map(({ AttributeName, KeyType }) => ({ AttributeName, KeyType })),
    AttributeDefinitions: table.AttributeDefinitions.filter(({ AttributeName }) => keyed.has(AttributeName)).map(({ AttributeName, AttributeType }) => ({ AttributeName, AttributeType })),
    ...(table.GlobalSecondaryIndexes?.length ? { GlobalSecondaryIndexes: table.GlobalSecondaryIndexes.map(index) } : {}),
    ...(table.LocalSecondaryIndexes?.length ? { LocalSecondaryIndexes: table.LocalSecondaryIndexes.map(index) } : {}),
  };
}

/** A key's attributes in the order given: the first is the partition key, a second the sort key. */
function schemaFromKey(key: Item): TableSchema {
  const attributes = Object.entries(key).slice(0, 2);
  return {
    KeySchema: attributes.map(([name], position) => ({ AttributeName: name, KeyType: position === 0 ? 'HASH' : 'RANGE' })),
    AttributeDefinitions: attributes.map(([name, value]) => ({ AttributeName: name, AttributeType: Object.keys(value)[0]! })),
  };
}

/**
 * No key shown anywhere: the partition key is the one a key condition names, else the items' first scalar
 * attribute; items sharing a partition get a sort key, the next scalar attribute all of them have.
 */
function schemaFromItems(items: Item[], partitionKey?: string): TableSchema | undefined {
  const scalar = (item: Item, name: string) => scalarTypes.has(Object.keys(item[name] ?? {})[0] ?? '');
  const first = items[0];
  if (!first) return undefined;
  const hash = partitionKey && scalar(first, partitionKey) ? partitionKey : Object.keys(first).find((name) => scalar(first, name));
  if (!hash) return undefined;
  const partitions = new Set(items.map((item) => JSON.stringify(item[hash])));
  const range = partitions.size < items.length ? Object.keys(first).find((name) => name !== hash && items.every((item) => scalar(item, name))) : undefined;
  return schemaFromKey(Object.fromEntries([hash, ...(range ? [range] : [])].map((name) => [name, first[name]!])));
}

/** Every (table, key) pair an input gives: `Key`, batch requests' keys, transactions' keys. */
function keysIn(input: Record<string, unknown>): Array<[string, Item]> {
  const keys: Array<[string, Item]> = [];
  if (typeof input.TableName === 'string' && isItem(input.Key)) keys.push([input.TableName, input.Key]);
  for (const [table, request] of Object.entries((input.RequestItems as Record<string, unknown>) ?? {})) {
    for (const key of asArray((request as { Keys?: unknown }).Keys)) if (isItem(key)) keys.push([table, key]);
    for (const write of asArray(request)) {
      const key = (write as { DeleteRequest?: { Key?: unknown } }).DeleteRequest?.Key;
      if (isItem(key)) keys.push([table, key]);
    }
  }
  for (const entry of asArray(input.TransactItems)) {
    for (const action of Object.values(entry as Record<string, { TableName?: unknown; Key?: unknown }>)) {
      if (typeof action?.TableName === 'string' && isItem(action.Key)) keys.push([action.TableName, action.Key]);
    }
  }
  return keys;
}

function tablesIn(input: Record<string, unknown>): string[] {
  const tables = typeof input.TableName === 'string' ? [input.TableName] : [];
  tables.push(...Object.keys((input.RequestItems as Record<string, unknown>) ?? {}));
  for (const entry of asArray(input.TransactItems)) {
    for (const action of Object.values(entry as Record<string, { TableName?: unknown }>)) if (typeof action?.TableName === 'string') tables.push(action.TableName);
  }
  // ARNs name tables too (tags, backups): the table name is the ARN's last segment.
  if (typeof input.ResourceArn === 'string' && input.ResourceArn.includes(':table/')) tables.push(input.ResourceArn.split(':table/')[1]!.split('/')[0]!);
  return tables;
}

const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

function isItem(value: unknown): value is Item {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && Object.values(value).every((attribute) => attribute !== null && typeof attribute === 'object' && Object.keys(attribute).length === 1);
}
