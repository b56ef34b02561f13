import type { Point, Position } from '../document/types.js';
import type { Output } from '../examples/types.js';
import type { ProblemGroup } from '../model/input/types.js';
import { V1_TIMESTAMP_FORMS, V2_TIMESTAMPS, validateOutput, type OutputProblem } from '../model/output.js';
import { outputNotValidatedReason } from './not-validated.js';
import type { Rule } from './types.js';

/** Checks each documented JSON output against the operation's response schema, under the AWS CLI v2 output rules. */
const outputSchema: Rule = {
  id: 'output-schema',
  severity: 'error',
  needsModels: true,
  description:
    'A documented output must look like what the service returns, as AWS CLI v2 prints it: no key the model ' +
    'does not have, the right JSON types, enum values from the model, every required member, ISO 8601 ' +
    'timestamps, values the CLI rewrites in the form it prints them (a CloudFormation GetTemplate JSON TemplateBody ' +
    'and IAM policy documents as objects, ec2 console output as text). Each finding names the JSON path and stands at the offending key or value, so the stale line ' +
    'is one click away. Timestamps as the CLI v1 printed them (epoch numbers, HTTP dates) are warnings, and a value written as a placeholder (`"<timestamp>"`) is not checked. A defect is said once: the epoch timestamps of one output (made with the CLI v1) in one ' +
    'warning listing their paths, so are its null members (the CLI never prints them), the unknown keys of one object that no near miss explains, the required members one object lacks, and the same problem in every item of a ' +
    'list, each at its first place with the others as related locations.',
  examples: {
    ok: [
      // `...` among an object's members stands for members the author left out: a required one may be among them.
      {
        name: 'cognito-idp/admin-get-user.rst',
        text: '**To get a user**\n\n::\n\n    aws cognito-idp admin-get-user --user-pool-id us-west-2_EXAMPLE --username diego\n\nOutput::\n\n    {\n        "Enabled": true,\n        ...\n    }\n',
        messages: [],
      },
      {
        name: 'cognito-idp/get-group.rst',
        text:
          '**To get a group**\n\n::\n\n    aws cognito-idp get-group --user-pool-id us-west-2_EXAMPLE --group-name admins\n\nOutput::\n\n' +
          '    {\n        "Group": {\n            "GroupName": "admins",\n            "UserPoolId": "us-west-2_EXAMPLE",\n' +
          '            "Precedence": 1,\n            "CreationDate": "2024-01-01T00:00:00+00:00"\n        }\n    }\n',
        messages: [],
      },
      // A value written as a placeholder stands for what the author left out, whatever its type.
      {
        name: 'cognito-idp/get-group.rst',
        text:
          '**To get a group**\n\n::\n\n    aws cognito-idp get-group --user-pool-id us-west-2_EXAMPLE --group-name admins\n\nOutput::\n\n' +
          '    {\n        "Group": {\n            "GroupName": "admins",\n            "UserPoolId": "us-west-2_EXAMPLE",\n' +
          '            "Precedence": "<precedence>",\n            "CreationDate": "<timestamp>"\n        }\n    }\n',
        messages: [],
      },
    ],
    notOk: [
      {
        name: 'cognito-idp/get-group.rst',
        text:
          '**To get a group**\n\n::\n\n    aws cognito-idp get-group --user-pool-id us-west-2_EXAMPLE --group-name admins\n\nOutput::\n\n' +
          '    {\n        "Group": {\n            "GroupName": "admins",\n            "Precedence": "1",\n' +
          '            "Colour": "blue"\n        }\n    }\n',
        messages: [
          '12:27-12:30: error: /Group/Precedence: \'Precedence\' should be an integer, not the string "1"',
          "13:13-13:21: error: /Group/Colour: unknown key 'Colour' in Group: the model has GroupName, UserPoolId, Description, RoleArn, Precedence, LastModifiedDate, CreationDate",
        ],
      },
      // One output made with the CLI v1, and list items written from one template: each defect said once.
      {
        name: 'cognito-idp/list-users.rst',
        text:
          '**To list users**\n\nThe following example lists users. ::\n\n    aws cognito-idp list-users --user-pool-id us-west-2_EXAMPLE\n\nOutput::\n\n' +
          '    {\n        "Users": [\n            {\n                "Username": "alice",\n                "Attributes": [{"Value": "alice@example.com"}],\n' +
          '                "UserCreateDate": 1548108509.537,\n                "UserLastModifiedDate": 1548108509.537\n            },\n' +
          '            {\n                "Username": "bob",\n                "Attributes": [{"Value": "bob@example.com"}],\n' +
          '                "UserCreateDate": 1548108509.537\n            }\n        ]\n    }\n',
        messages: [
          "13:32-13:62: warning: /Users/*/Attributes/*: 'Name' is required in Attributes but missing, in 2 list items: /Users/0/Attributes/0, /Users/1/Attributes/0",
          '14:35-14:49: warning: 3 timestamps are epoch numbers, as the AWS CLI v1 printed them; v2 prints ISO 8601 (2024-01-31T12:00:00+00:00): /Users/0/UserCreateDate, /Users/0/UserLastModifiedDate, /Users/1/UserCreateDate',
        ],
      },
      // A file's content that only its place ties to the command is not checked; the command's Output:: block still is.
      {
        name: 'cognito-idp/create-group.rst',
        text:
          '**To create a group**\n\n::\n\n    aws cognito-idp create-group --cli-input-json file://group.json\n\n::\n\n' +
          '    {"UserPoolId": "us-west-2_EXAMPLE", "GroupName": "admins"}\n\nOutput::\n\n' +
          '    {\n        "Group": {\n            "GroupName": "admins",\n            "Colour": "blue"\n        }\n    }\n',
        messages: ["16:13-16:21: error: /Group/Colour: unknown key 'Colour' in Group: the model has GroupName, UserPoolId, Description, RoleArn, Precedence, LastModifiedDate, CreationDate"],
      },
      // An object none of whose keys the model has: the unknown keys' one finding, not also the members it lacks.
      {
        name: 'cognito-idp/admin-get-user.rst',
        text: '**To get a user**\n\n::\n\n    aws cognito-idp admin-get-user --user-pool-id us-west-2_EXAMPLE --username diego\n\nOutput::\n\n    {\n        "Login": "diego",\n        "Active": true\n    }\n',
        messages: ["10:9-10:16: error: /: unknown keys 'Login', 'Active' in the AdminGetUser output: the model has Username, UserAttributes, UserCreateDate, UserLastModifiedDate, Enabled, UserStatus, MFAOptions, PreferredMfaSetting, UserMFASettingList"],
      },
      // A header's timestamp as the CLI v1 printed it (an HTTP date): the v1 form, a warning.
      {
        name: 'cognito-idp/get-group.rst',
        text:
          '**To get a group**\n\n::\n\n    aws cognito-idp get-group --user-pool-id us-west-2_EXAMPLE --group-name admins\n\nOutput::\n\n' +
          '    {\n        "Group": {\n            "GroupName": "admins",\n            "UserPoolId": "us-west-2_EXAMPLE",\n' +
          '            "CreationDate": "Wed, 07 Oct 2026 15:47:43 GMT"\n        }\n    }\n',
        messages: ["13:29-13:60: warning: /Group/CreationDate: 'CreationDate' is an HTTP date, as the AWS CLI v1 printed timestamps from response headers; v2 prints ISO 8601 (2024-01-31T12:00:00+00:00)"],
      },
      // Keys no near miss explains, in one object: one defect (a payload shown in place of the response, say).
      {
        name: 'cognito-idp/get-group.rst',
        text:
          '**To get a group**\n\n::\n\n    aws cognito-idp get-group --user-pool-id us-west-2_EXAMPLE --group-name admins\n\nOutput::\n\n' +
          '    {\n        "Group": {\n            "GroupName": "admins",\n            "Colour": "blue",\n            "Size": 3\n        }\n    }\n',
        messages: [
          "12:13-12:21: error: /Group: unknown keys 'Colour', 'Size' in Group: the model has GroupName, UserPoolId, Description, RoleArn, Precedence, LastModifiedDate, CreationDate",
        ],
      },
      // Members shown as null: the CLI leaves them out. One warning per output.
      {
        name: 'cognito-idp/get-group.rst',
        text:
          '**To get a group**\n\n::\n\n    aws cognito-idp get-group --user-pool-id us-west-2_EXAMPLE --group-name admins\n\nOutput::\n\n' +
          '    {\n        "Group": {\n            "GroupName": "admins",\n            "Description": null,\n            "RoleArn": null\n        }\n    }\n',
        messages: [
          '12:28-12:32: warning: 2 members are null; the AWS CLI leaves out members the response does not hold, it never prints null for them: /Group/Description, /Group/RoleArn',
        ],
      },
    ],
  },
  check({ document, translation, report }) {
    for (const example of document.examples) {
      for (const [outputIndex, output] of example.outputs.entries()) {
        const command = example.commands[output.commandIndex];
        if (output.kind !== 'json' || output.value === undefined || !command) continue;
        const translated = translation(command, example);
        if (!translated?.model || !translated.operationName) continue;
        if (outputNotValidatedReason(translated, example, output.commandIndex, output)) continue;
        const problems = validateOutput(translated.model, translated.operationName, output.value, {
          paginated: translated.output.paginated,
          maxItems: translated.output.maxItems,
        });
        // Objects none of whose keys the model has (`{"Id": ..., "Status": ...}` for `{"pullRequest": {...}}`): the
        // unknown keys' finding names what the model has; the members it lacks are that one defect too.
        const unknownIn = new Map<string, number>();
        for (const problem of problems) {
          if (problem.kind === 'unknown-key') unknownIn.set(parentOf(problem.pointer), (unknownIn.get(parentOf(problem.pointer)) ?? 0) + 1);
        }
        for (const problem of problems) {
          if (problem.kind === 'missing-required' && unknownIn.get(problem.pointer) === memberPointers(output, problem.pointer).length) continue;
          // Length, range and pattern limits are the service's input validation: real outputs exceed them
          // (Cognito returns `phone_number_verified`, 21 characters, where attribute names are capped at 20).
          if (problem.kind === 'constraint') continue;
          // `...` inside the object stands for members the author left out: missing ones may be among them.
          if (problem.kind === 'missing-required' && elidedWithin(output, problem.pointer)) continue;
          // Positions are computed on first use, so only outputs with problems pay for them.
          const location = output.map?.get(problem.pointer) ?? output.map?.get('');
          const at: Position = (problem.kind === 'unknown-key' ? location?.key : undefined) ?? location?.value ?? output.position;
          report({
            start: at.start,
            end: at.end,
            message: `${problem.pointer || '/'}: ${problem.message}`,
            severity: problem.severity,
            fingerprint: `${translated.operationName}${problem.pointer}:${problem.kind}`,
            group: groupOf(problem, `${translated.operationName} example ${example.index + 1} output ${outputIndex + 1}`),
          });
        }
      }
    }
  },
};

export default outputSchema;

function parentOf(pointer: string): string {
  return pointer.slice(0, pointer.lastIndexOf('/'));
}

/** The pointers of the members the output's object at `pointer` shows (not of what they hold). */
function memberPointers(output: Output, pointer: string): string[] {
  return [...(output.map?.keys() ?? [])].filter((at) => at.startsWith(`${pointer}/`) && !at.slice(pointer.length + 1).includes('/'));
}

/** Whether an elision (`...`) stands among the members of the JSON object at `pointer` of an output (not inside one of them). */
function elidedWithin(output: Output, pointer: string): boolean {
  const elisions = [...(output.json?.elisions ?? []), ...(output.json?.placeholders ?? [])];
  if (elisions.length === 0) return false;
  const map = output.map;
  const span = map?.get(pointer)?.value;
  if (!map || !span) return false;
  const within = (inner: Position, outer: Position) => !isBefore(inner.start, outer.start) && !isBefore(outer.end, inner.end);
  const memberSpans = memberPointers(output, pointer).map((at) => map.get(at)!.value);
  return elisions.some((elision) => within(elision, span) && !memberSpans.some((member) => within(elision, member)));
}

function isBefore(a: Point, b: Point): boolean {
  return a.line < b.line || (a.line === b.line && a.column < b.column);
}

/**
 * One defect of an output, said once: every timestamp of the output in a form the CLI v1 printed (epoch numbers, HTTP dates),
 * and the same problem in every item of a list (`/Users/0/Enabled`, `/Users/1/Enabled`: the items were
 * written from one template).
 */
function groupOf(problem: OutputProblem, output: string): ProblemGroup {
  if (problem.kind === 'v1-timestamp' || problem.kind === 'v1-http-date') {
    const { kind } = problem;
    return { key: `${output}:${kind}`, item: problem.pointer, message: (pointers) => `${pointers.length} timestamps ${V1_TIMESTAMP_FORMS[kind].several}; ${V2_TIMESTAMPS}: ${listOf(pointers)}` };
  }
  if (problem.kind === 'null-member') {
    return {
      key: `${output}:null-member`,
      item: problem.pointer,
      message: (pointers) => `${pointers.length} members are null; the AWS CLI leaves out members the response does not hold, it never prints null for them: ${listOf(pointers)}`,
    };
  }
  const template = problem.pointer.replace(/\/\d+(?=\/|$)/g, '/*');
  const unknownKey = problem.kind === 'unknown-key' && problem.member !== undefined ? /^unknown key '.*?' (in .*: the model has .*)$/s.exec(problem.message) : null;
  if (unknownKey && !problem.message.includes('did you mean')) {
    // Keys no near miss explains (a function's payload shown as the response): one defect of the object.
    const parent = template.slice(0, template.lastIndexOf('/'));
    return {
      key: `${output}:unknown-keys:${parent}`,
      item: `'${problem.member}'`,
      message: (keys) => {
        const distinct = [...new Set(keys)];
        const places = keys.length > distinct.length ? ` (${keys.length} places)` : '';
        return `${parent || '/'}: unknown key${distinct.length > 1 ? 's' : ''} ${distinct.join(', ')} ${unknownKey[1]}${places}`;
      },
    };
  }
  if (problem.kind === 'missing-required') {
    // The required members one object lacks, and the same ones in each item of a list: one defect.
    const place = /in (.*) but missing$/.exec(problem.message)?.[1] ?? template;
    return {
      key: `${output}:missing-required:${template}`,
      item: `${problem.pointer || '/'} '${problem.member}'`,
      message: (items) => {
        const at = new Set(items.map((item) => item.slice(0, item.lastIndexOf(' '))));
        const members = [...new Set(items.map((item) => item.slice(item.lastIndexOf(' ') + 1)))];
        const missing = `${members.join(', ')} ${members.length === 1 ? 'is' : 'are'} required in ${place} but missing`;
        return at.size === 1 ? `${[...at][0]}: ${missing}` : `${template}: ${missing}, in ${at.size} list items: ${listOf([...at])}`;
      },
    };
  }
  return {
    key: `${output}:${problem.kind}:${template}:${problem.message}`,
    item: problem.pointer,
    message: (pointers) => `${template}: ${problem.message}, in ${pointers.length} list items: ${listOf(pointers)}`,
  };
}

function listOf(pointers: readonly string[]): string {
  const more = pointers.length > 8 ? ` and ${pointers.length - 8} more` : '';
  return `${pointers.slice(0, 8).join(', ')}${more}`;
}
