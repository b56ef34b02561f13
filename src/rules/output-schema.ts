import type { Position } from '../document/types.js';
import { validateOutput } from '../model/output.js';
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
    'timestamps. Each finding names the JSON path and stands at the offending key or value, so the stale line ' +
    'is one click away.',
  examples: {
    ok: [
      {
        name: 'cognito-idp/get-group.rst',
        text:
          '**To get a group**\n\n::\n\n    aws cognito-idp get-group --user-pool-id us-west-2_EXAMPLE --group-name admins\n\nOutput::\n\n' +
          '    {\n        "Group": {\n            "GroupName": "admins",\n            "UserPoolId": "us-west-2_EXAMPLE",\n' +
          '            "Precedence": 1,\n            "CreationDate": "2024-01-01T00:00:00+00:00"\n        }\n    }\n',
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
    ],
  },
  check({ document, translation, report }) {
    for (const example of document.examples) {
      for (const output of example.outputs) {
        const command = example.commands[output.commandIndex];
        if (output.kind !== 'json' || output.value === undefined || !command) continue;
        const translated = translation(command, example);
        if (!translated?.model || !translated.operationName) continue;
        if (outputNotValidatedReason(translated, example, output.commandIndex)) continue;
        const problems = validateOutput(translated.model, translated.operationName, output.value, {
          paginated: translated.output.paginated,
          maxItems: translated.output.maxItems,
        });
        for (const problem of problems) {
          // Length, range and pattern limits are the service's input validation: real outputs exceed them
          // (Cognito returns `phone_number_verified`, 21 characters, where attribute names are capped at 20).
          if (problem.kind === 'constraint') continue;
          // Positions are computed on first use, so only outputs with problems pay for them.
          const location = output.map?.get(problem.pointer) ?? output.map?.get('');
          const at: Position = (problem.kind === 'unknown-key' ? location?.key : undefined) ?? location?.value ?? output.position;
          report({
            start: at.start,
            end: at.end,
            message: `${problem.pointer || '/'}: ${problem.message}`,
            severity: problem.severity,
            fingerprint: `${translated.operationName}${problem.pointer}:${problem.kind}`,
          });
        }
      }
    }
  },
};

export default outputSchema;
