import { responseProblemPlace } from './replay-places.js';
import type { Rule } from './types.js';

const okDocument = `**To get the signed-in user's profile**

The following \`\`get-user\`\` example returns the attributes of the user that an access token belongs to. ::

    aws cognito-idp get-user \\
        --access-token eyJra456defEXAMPLE

Output::

    {
        "Username": "testuser",
        "UserAttributes": [
            {
                "Name": "email",
                "Value": "testuser@example.com"
            },
            {
                "Name": "email_verified",
                "Value": "true"
            },
            {
                "Name": "sub",
                "Value": "a1b2c3d4-5678-90ab-cdef-EXAMPLE33333"
            }
        ]
    }
`;

const notOkDocument = `**To look up a user as an administrator**

The following \`\`admin-get-user\`\` example returns the status of a user. ::

    aws cognito-idp admin-get-user \\
        --user-pool-id us-west-2_EXAMPLE \\
        --username testuser

Output::

    {
        "Username": "testuser",
        "UserAttributes": [
            {
                "Name": "email",
                "Value": "testuser@example.com"
            },
            {
                "Name": "email_verified",
                "Value": "true"
            },
            {
                "Name": "sub",
                "Value": "a1b2c3d4-5678-90ab-cdef-EXAMPLE33333"
            }
        ],
        "MFAOptions": [],
        "UserCreateDate": "2025-03-14T09:40:18.733000+00:00",
        "UserLastModifiedDate": "2025-03-14T09:44:02.561000+00:00",
        "Enabled": "true",
        "UserStatus": "CONFIRMED"
    }
`;

const rule: Rule = {
  id: 'replay-mismatch',
  severity: 'error',
  description:
    'Replays each command against a live endpoint (cognito-local or the service), with placeholders bound to live resources, and compares the response with the documented output: a documented key the service does not return, a value of another JSON type, or a fixed value that differs means readers would see something else. Known deviations of the target are info notes.',
  needsModels: true,
  replay: 'live',
  examples: {
    ok: [{ name: 'cognito-idp/get-user.rst', text: okDocument, messages: [] }],
    notOk: [
      {
        name: 'cognito-idp/admin-get-user.rst',
        text: notOkDocument,
        messages: [
          '27:23-27:25: error: live replay: /MFAOptions: documented [], live output has no "MFAOptions"',
          '30:20-30:26: error: live replay: /Enabled: documented a string ("true"), live a boolean (true)',
        ],
      },
    ],
  },
  async check(context) {
    if (!context.liveReplay) return;
    for (const example of context.document.examples) {
      for (const [index, command] of example.commands.entries()) {
        const result = await context.liveReplay(command, example);
        if (!result) continue;
        if (result.status === 'failed' && result.differences.length === 0) {
          const at = command.operationWord ?? command.shell.position;
          context.report({ message: `live replay: ${result.operationName}: ${result.reason ?? 'failed'}`, start: at.start, end: at.end, fingerprint: `${result.operationName}:failed` });
          continue;
        }
        const output = example.outputs.find((candidate) => candidate.commandIndex === index);
        for (const difference of result.differences) {
          const place = output ? responseProblemPlace({ pointer: difference.anchor, message: difference.message }, output) : (command.operationWord ?? command.shell.position);
          context.report({
            message: `live replay: ${difference.message}`,
            severity: difference.severity,
            start: place.start,
            end: place.end,
            fingerprint: `${result.operationName}${difference.pointer}:${difference.kind}`,
          });
        }
      }
    }
  },
};

export default rule;
