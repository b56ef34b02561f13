import { forEachReplay, responseProblemPlace } from './replay-places.js';
import type { Rule } from './types.js';

const signIn = (output: string) =>
  '**To sign in a user**\n\nThe following ``initiate-auth`` example signs in a user. ::\n\n' +
  '    aws cognito-idp initiate-auth \\\n        --auth-flow USER_PASSWORD_AUTH \\\n        --client-id 1example23456789 \\\n' +
  '        --auth-parameters USERNAME=testuser,PASSWORD=examplepw\n\nOutput::\n\n' +
  output;

/** Replays each command and feeds the documented output to the real SDK deserializer: what it drops or cannot read is reported. */
const replayResponse: Rule = {
  id: 'replay-response',
  severity: 'error',
  needsModels: true,
  replay: 'mock',
  description:
    'The documented output is converted to the wire form of the service protocol and answered to the real AWS ' +
    'SDK v3 client. Keys the deserializer drops, values it cannot read, and values that do not come back as ' +
    'documented (the client result printed the way the AWS CLI prints it) mean code written from the example ' +
    'would not see what the example shows. Each finding stands at the documented key or value.',
  examples: {
    ok: [
      {
        name: 'cognito-idp/initiate-auth.rst',
        text: signIn(
          '    {\n        "AuthenticationResult": {\n            "AccessToken": "eyJra456defEXAMPLE",\n' +
            '            "ExpiresIn": 3600,\n            "TokenType": "Bearer"\n        }\n    }\n',
        ),
        messages: [],
      },
    ],
    notOk: [
      {
        name: 'cognito-idp/initiate-auth.rst',
        text: signIn(
          '    {\n        "AuthenticationResult": {\n            "AccessToken": "eyJra456defEXAMPLE",\n' +
            '            "ExpiresIn": "3600",\n            "TokenType": "Bearer",\n            "Scope": "openid"\n        }\n    }\n',
        ),
        messages: [
          '15:26-15:32: error: /AuthenticationResult/ExpiresIn: the client gives back "3600", a string, where the model has integer',
          '17:13-17:20: error: /AuthenticationResult/Scope: the client drops Scope: AuthenticationResultType has no such member',
        ],
      },
    ],
  },
  async check(context) {
    await forEachReplay(context, (result, command, example, commandIndex) => {
      if (!result.replayed) return;
      const output = example.outputs.find((candidate) => candidate.commandIndex === commandIndex && candidate.kind === 'json');
      if (!output) return;
      const operationName = context.translation(command, example)?.operationName;
      for (const problem of result.responseProblems) {
        const place = responseProblemPlace(problem, output);
        context.report({ start: place.start, end: place.end, message: `${place.subject}: ${problem.message}`, fingerprint: `${operationName}${problem.pointer}` });
      }
    });
  },
};

export default replayResponse;
