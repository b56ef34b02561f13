import { forEachReplay } from './replay-places.js';
import type { Rule } from './types.js';

const wrongPassword = (code: string) =>
  '**To sign in with a wrong password**\n\nThe following ``initiate-auth`` example signs in with a wrong password. ::\n\n' +
  '    aws cognito-idp initiate-auth \\\n        --auth-flow USER_PASSWORD_AUTH \\\n        --client-id 1example23456789 \\\n' +
  '        --auth-parameters USERNAME=testuser,PASSWORD=wrong\n\nOutput::\n\n' +
  `    An error occurred (${code}) when calling the InitiateAuth operation: Incorrect username or password.\n`;

/** Answers a documented error (`An error occurred (X) ...`) to the real SDK client, which must raise exactly X. */
const replayError: Rule = {
  id: 'replay-error',
  severity: 'error',
  needsModels: true,
  replay: 'mock',
  description:
    'When an example documents an error (`An error occurred (NotAuthorizedException) when calling the ' +
    'InitiateAuth operation: ...`), the error is answered in the protocol wire form to the real AWS SDK v3 ' +
    'client, which must raise exactly that exception class. Another exception, a generic one (a code the client ' +
    'does not know), or none means code that catches the documented error would never see it.',
  examples: {
    ok: [{ name: 'cognito-idp/initiate-auth.rst', text: wrongPassword('NotAuthorizedException'), messages: [] }],
    notOk: [
      {
        name: 'cognito-idp/initiate-auth.rst',
        text: wrongPassword('IncorrectPasswordException'),
        messages: [
          '12:5-12:124: error: the client does not know IncorrectPasswordException: it raised a generic CognitoIdentityProviderServiceException',
        ],
      },
    ],
  },
  async check(context) {
    await forEachReplay(context, (result, command, example, commandIndex) => {
      if (!result.replayed) return;
      const output = example.outputs.find((candidate) => candidate.commandIndex === commandIndex && candidate.kind !== 'none');
      const at = output?.position ?? command.shell.position;
      for (const problem of result.errorProblems) {
        context.report({ start: at.start, end: at.end, message: problem.message, fingerprint: `${command.operation}:${problem.message}` });
      }
    });
  },
};

export default replayError;
