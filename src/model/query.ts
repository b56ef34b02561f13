import type { ServiceModel, ShapeRef } from './types.js';
import { memberRef } from './members.js';
import { closest } from './suggest.js';

/**
 * What a `--query` expression asks of the output that the output cannot give: a member the response shape does not
 * have (`UserPool.Idd`), or a member asked of a list without projecting it (`LoadBalancers.LoadBalancerArn`).
 * JMESPath answers both with null, so the CLI prints `null` (`None` in text output) instead of what the example
 * promises, and nothing fails: the example rots silently when the service renames a member.
 *
 * Hand-written walk over jmespath's syntax tree: no library types an expression against a shape. It reports only
 * what is certain: where a value's shape is not known (a string the CLI prints as JSON, a document, the result of
 * most functions) it stops, and of `a || b` it reports only when no branch can give a value.
 */
export interface QueryPathProblem {
  /** The member name the expression asks for, as written. */
  name: string;
  message: string;
}

/** A value's shape while the expression is walked: a model shape, a list of values, or not known. */
type Typed = { ref: ShapeRef; name: string } | { items: Typed; name: string } | undefined;

interface Node {
  type: string;
  name?: string;
  children?: Node[];
  value?: unknown;
}

/** Identifiers that JMESPath reads as fields but authors write as literals (`[?GatewayId!=null]`): null either way. */
const LITERAL_WORDS = new Set(['null', 'true', 'false']);

/** Functions that give back their first argument's list (sorted or reversed), and those that give one of its items. */
const SAME_LIST = new Set(['sort', 'sort_by', 'reverse']);
const ONE_ITEM = new Set(['max_by', 'min_by']);

export function queryPathProblems(model: ServiceModel, output: ShapeRef, expression: unknown, outputName: string): QueryPathProblem[] {
  const problems: QueryPathProblem[] = [];
  new QueryWalker(model, problems).walk(expression as Node, { ref: output, name: outputName });
  return problems;
}

class QueryWalker {
  constructor(
    private readonly model: ServiceModel,
    private readonly problems: QueryPathProblem[],
  ) {}

  walk(node: Node, current: Typed): Typed {
    const children = node.children ?? [];
    switch (node.type) {
      case 'Field':
        return this.field(node.name ?? '', current);
      case 'Subexpression':
      case 'IndexExpression':
        return children.reduce<Typed>((value, child) => this.walk(child, value), current);
      case 'Pipe':
        return this.walk(children[1]!, this.walk(children[0]!, current));
      case 'Index':
        return this.item(current);
      case 'Slice':
      case 'Identity':
      case 'Current':
        return current;
      case 'Flatten':
        return this.flattened(this.walk(children[0]!, current));
      case 'Projection': {
        const item = this.item(this.walk(children[0]!, current));
        return this.listOf(this.walk(children[1]!, item));
      }
      case 'FilterProjection': {
        const item = this.item(this.walk(children[0]!, current));
        if (this.isList(item)) return this.filterOfLists(item!, children[2]!);
        this.walk(children[2]!, item);
        return this.listOf(this.walk(children[1]!, item));
      }
      case 'MultiSelectList':
      case 'MultiSelectHash': {
        const before = this.problems.length;
        for (const part of children) this.walk(node.type === 'MultiSelectHash' ? (part.value as Node) : part, current);
        // Asked of a list, every part gives null for one reason (the missing `[]`): said once.
        if (this.isList(current)) this.problems.splice(before + 1);
        return undefined;
      }
      case 'OrExpression':
        return this.either(children, current);
      case 'AndExpression':
      case 'NotExpression':
      case 'Comparator':
        for (const child of children) this.walk(child, current);
        return undefined;
      case 'Function':
        return this.call(node.name ?? '', children, current);
      default:
        // `*` over an object's values, literals, expression references outside a function: nothing known.
        return undefined;
    }
  }

  private field(name: string, current: Typed): Typed {
    if (current === undefined || LITERAL_WORDS.has(name)) return undefined;
    if ('items' in current || this.model.shapes[current.ref.shape]?.type === 'list') {
      this.problems.push({
        name,
        message: `--query asks the list ${current.name} for '${name}', which gives null: a list has no members. Put [] after ${current.name} to take it from each item.`,
      });
      return undefined;
    }
    const shape = this.model.shapes[current.ref.shape];
    if (shape?.type === 'map') return shape.value && { ref: shape.value, name };
    if (shape?.type !== 'structure') return undefined;
    const member = memberRef(shape, name);
    if (member) return { ref: member, name };
    const members = Object.keys(shape.members ?? {});
    const near = endingOf(name, members) ?? closest(name, members);
    this.problems.push({
      name,
      message: `--query asks for '${name}', which ${current.ref.shape} does not have, so the CLI prints null${near ? `. Did you mean '${near}'?` : members.length > 0 ? `: the model has ${members.join(', ')}` : '.'}`,
    });
    return undefined;
  }

  private isList(value: Typed): boolean {
    return value !== undefined && ('items' in value || this.model.shapes[value.ref.shape]?.type === 'list');
  }

  /**
   * `Users[?Enabled].Attributes[?Name=='email']`: a filter right after another filter's projection runs over the
   * projected lists, not over their items (JMESPath binds it to the projection), so its condition asks a list.
   */
  private filterOfLists(lists: NonNullable<Typed>, condition: Node): Typed {
    const name = firstField(condition);
    if (name !== undefined) {
      this.problems.push({
        name,
        message: `--query filters each ${lists.name} list by '${name}', which a list does not have, so the filter keeps nothing: a filter after a projection sees the projected lists. Flatten them into it: '${lists.name}[] | [?...]'.`,
      });
    }
    return undefined;
  }

  /** One item of a list value (`[0]`, a projection's right side). */
  private item(value: Typed): Typed {
    if (value === undefined) return undefined;
    if ('items' in value) return value.items;
    const shape = this.model.shapes[value.ref.shape];
    return shape?.type === 'list' && shape.member ? { ref: shape.member, name: value.name } : undefined;
  }

  private listOf(items: Typed): Typed {
    return items && { items, name: items.name };
  }

  /** `a[]`: a list whose items are lists is flattened one level; any other list stays as it is. */
  private flattened(value: Typed): Typed {
    const item = this.item(value);
    if (item === undefined) return undefined;
    return this.listOf(this.item(item) ?? item);
  }

  /** `a || b` gives the first value that is not null: a branch the shape cannot give is a fallback, not a defect. */
  private either(branches: Node[], current: Typed): Typed {
    const found: QueryPathProblem[][] = branches.map((branch) => {
      const own: QueryPathProblem[] = [];
      new QueryWalker(this.model, own).walk(branch, current);
      return own;
    });
    if (found.every((problems) => problems.length > 0)) this.problems.push(...found[0]!);
    return undefined;
  }

  /** Arguments are walked for the members they name; `&expr` applies to the items of the list argument. */
  private call(name: string, args: Node[], current: Typed): Typed {
    const values = args.map((arg) => (arg.type === 'ExpressionReference' ? undefined : this.walk(arg, current)));
    const list = values[args.findIndex((arg) => arg.type !== 'ExpressionReference')];
    for (const arg of args) if (arg.type === 'ExpressionReference') this.walk(arg.children![0]!, this.item(list));
    if (SAME_LIST.has(name)) return values[0];
    if (ONE_ITEM.has(name)) return this.item(values[0]);
    return undefined;
  }
}

/** The first member name a condition asks for (`Name` of `Name=='email'`). */
function firstField(node: Node): string | undefined {
  if (node.type === 'Field' && !LITERAL_WORDS.has(node.name ?? '')) return node.name;
  for (const child of node.children ?? []) {
    const name = firstField(child);
    if (name !== undefined) return name;
  }
  return undefined;
}

/**
 * The member the asked name ends with (`GroupId` for `SecurityGroupId`, a name written with its owner's prefix), the
 * longest one: a better guess than the nearest spelling (`SecurityGroupArn`).
 */
function endingOf(name: string, members: readonly string[]): string | undefined {
  let best: string | undefined;
  // As written, letter case too: `GroupId` ends `SecurityGroupId` at a word's capital; `Name` does not end `Nickname`.
  for (const member of members) if (member.length >= 2 && member.length < name.length && name.endsWith(member) && (best === undefined || member.length > best.length)) best = member;
  return best;
}
