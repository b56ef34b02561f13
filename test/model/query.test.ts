import fc from 'fast-check';
import { compile, search } from 'jmespath';
import { describe, expect, it } from 'vitest';
import { queryPathProblems, type QueryPathProblem } from '../../src/model/query.js';
import type { ServiceModel } from '../../src/model/types.js';

const model: ServiceModel = {
  cliName: 'demo',
  metadata: { apiVersion: '2020-01-01', endpointPrefix: 'demo', protocol: 'json', serviceId: 'Demo' },
  operations: { DescribeThings: { name: 'DescribeThings', output: { shape: 'DescribeThingsResult' } } },
  shapes: {
    DescribeThingsResult: { type: 'structure', members: { Groups: { shape: 'Groups' }, Owner: { shape: 'Owner' }, Labels: { shape: 'Labels' }, Body: { shape: 'Text' } } },
    Groups: { type: 'list', member: { shape: 'Group' } },
    Group: { type: 'structure', members: { GroupId: { shape: 'Text' }, Things: { shape: 'Things' } } },
    Things: { type: 'list', member: { shape: 'Thing' } },
    Thing: { type: 'structure', members: { ThingId: { shape: 'Text' }, Created: { shape: 'Time' }, Tags: { shape: 'Tags' } } },
    Tags: { type: 'list', member: { shape: 'Tag' } },
    Tag: { type: 'structure', members: { Key: { shape: 'Text' }, Value: { shape: 'Text' } } },
    Owner: { type: 'structure', members: { Name: { shape: 'Text' } } },
    Labels: { type: 'map', key: { shape: 'Text' }, value: { shape: 'Owner' } },
    Text: { type: 'string' },
    Time: { type: 'timestamp' },
  },
  paginators: {},
  waiters: {},
};

/** The walk's problems for a query; none where jmespath refuses it (invalid-parameter-value's case, not the walk's). */
function walked(query: string): QueryPathProblem[] | undefined {
  let ast: unknown;
  try {
    ast = compile(query);
  } catch {
    return undefined;
  }
  return queryPathProblems(model, { shape: 'DescribeThingsResult' }, ast, 'DescribeThingsResult');
}

const problemsOf = (query: string) => walked(query)!.map((problem) => problem.message);

describe('queryPathProblems', () => {
  it.each([
    'Groups[].Things[].ThingId',
    'Groups[*].Things[*].[ThingId, Created]',
    'Groups[0].Things[-1].Tags[?Key==`Name`].Value | [0]',
    "Groups[].Things[?Tags[?Key=='env' && Value!=null]].ThingId",
    'Groups[?GroupId==`g`].Things[] | [?ThingId==`t`].Created',
    'sort_by(Groups[].Things[], &Created)[-1].ThingId',
    'max_by(Groups[0].Things, &Created).ThingId',
    'map(&ThingId, Groups[0].Things)',
    'length(Groups)',
    'Labels.anything.Name',
    // A string the CLI may print as JSON (a template body, a policy): what is inside is not known.
    'Body.Resources.Queue',
    'Owner.Name || Owner.Nickname',
    '{owner: Owner.Name, groups: Groups[].GroupId}',
    '*.Name',
    '@',
  ])('%s asks only for what the shape has', (query) => {
    expect(problemsOf(query)).toEqual([]);
  });

  it.each([
    ['Owner.name', ["--query asks for 'name', which Owner does not have, so the CLI prints null. Did you mean 'Name'?"]],
    // A name written with its owner's prefix: the member it ends with is the guess, not the nearest spelling.
    ['Groups[0].GroupGroupId', ["--query asks for 'GroupGroupId', which Group does not have, so the CLI prints null. Did you mean 'GroupId'?"]],
    ['Groups[].Things[].Id', ["--query asks for 'Id', which Thing does not have, so the CLI prints null: the model has ThingId, Created, Tags"]],
    ['Groups.GroupId', ["--query asks the list Groups for 'GroupId', which gives null: a list has no members. Put [] after Groups to take it from each item."]],
    // Every part of a multi-select asked of a list gives null for one reason: said once.
    ['Groups[0].Things.{id: ThingId, made: Created}', ["--query asks the list Things for 'ThingId', which gives null: a list has no members. Put [] after Things to take it from each item."]],
    ['Groups[?Owner==`x`].GroupId', ["--query asks for 'Owner', which Group does not have, so the CLI prints null: the model has GroupId, Things"]],
    ['sort_by(Groups[0].Things, &Made)[0].ThingId', ["--query asks for 'Made', which Thing does not have, so the CLI prints null: the model has ThingId, Created, Tags"]],
    // A filter right after a filter projection runs over the projected lists (what jmespath.py does too).
    [
      'Groups[?GroupId==`g`].Things[?ThingId==`t`].Created',
      ["--query filters each Things list by 'ThingId', which a list does not have, so the filter keeps nothing: a filter after a projection sees the projected lists. Flatten them into it: 'Things[] | [?...]'."],
    ],
    // An alternative that no branch can give is a defect; the first branch's problem is said.
    ['Owner.Nickname || Owner.Alias', ["--query asks for 'Nickname', which Owner does not have, so the CLI prints null: the model has Name"]],
  ])('%s asks for what the shape lacks', (query, messages) => {
    expect(problemsOf(query)).toEqual(messages);
  });

  // An instance of the output with every member present and two items in every list.
  const full = {
    Groups: [0, 1].map(() => ({
      GroupId: 'g',
      Things: [0, 1].map(() => ({ ThingId: 't', Created: '2020-01-01T00:00:00Z', Tags: [{ Key: 'k', Value: 'v' }, { Key: 'k2', Value: 'v2' }] })),
    })),
    Owner: { Name: 'o' },
    Body: 'text',
  };
  const isEmpty = (value: unknown): boolean => value === null || (Array.isArray(value) && value.every(isEmpty));

  it('says a path gives null only where jmespath gives nothing on an output that has every member', () => {
    const name = fc.constantFrom('Groups', 'GroupId', 'Things', 'ThingId', 'Created', 'Tags', 'Key', 'Value', 'Owner', 'Name', 'Missing');
    const step = fc.oneof(name.map((field) => `.${field}`), fc.constantFrom('[]', '[*]', '[0]', '[?Key==`k`]', '[?GroupId==`g`]'));
    const path = fc.tuple(name, fc.array(step, { maxLength: 6 })).map(([first, steps]) => first + steps.join(''));
    fc.assert(
      fc.property(path, (query) => {
        if ((walked(query)?.length ?? 0) > 0) expect(isEmpty(search(full, query))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on any expression jmespath compiles', () => {
    const names = fc.constantFrom('Groups', 'Things', 'ThingId', 'Owner', 'Name', 'Labels', 'Body', 'Tags', 'Key', 'x', 'null');
    const expression: fc.Arbitrary<string> = fc.letrec<{ expr: string }>((tie) => ({
      expr: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        names,
        fc.tuple(tie('expr'), names).map(([left, name]) => `${left}.${name}`),
        fc.tuple(tie('expr'), fc.constantFrom('[]', '[*]', '[0]', '[-1]', '[1:2]')).map(([left, index]) => `${left}${index}`),
        fc.tuple(tie('expr'), tie('expr')).map(([left, right]) => `${left} | ${right}`),
        fc.tuple(tie('expr'), tie('expr')).map(([left, right]) => `${left} || ${right}`),
        fc.tuple(tie('expr'), tie('expr')).map(([left, right]) => `${left}[?${right} == \`1\`]`),
        fc.tuple(tie('expr'), tie('expr')).map(([left, right]) => `{a: ${left}, b: ${right}}`),
        fc.tuple(tie('expr'), tie('expr')).map(([left, right]) => `[${left}, ${right}]`),
        fc.tuple(fc.constantFrom('sort_by', 'max_by', 'map', 'length', 'reverse'), tie('expr'), tie('expr')).map(([name, left, right]) =>
          name === 'length' || name === 'reverse' ? `${name}(${left})` : name === 'map' ? `map(&${right}, ${left})` : `${name}(${left}, &${right})`,
        ),
      ),
    })).expr;
    fc.assert(
      fc.property(expression, (query) => {
        for (const problem of walked(query) ?? []) expect(query).toContain(problem.name);
      }),
      { numRuns: 500 },
    );
  });
});
