import { forEachReplay, requestProblemPlace } from './replay-places.js';
import type { Rule } from './types.js';

const describeUserPool = (parameters: string) =>
  '**To describe a user pool**\n\nThe following ``describe-user-pool`` example describes a user pool. ::\n\n' +
  `    aws cognito-idp describe-user-pool \\\n        ${parameters}\n`;

/** Replays each command through the real SDK client and reports input the client's serializer drops or sends otherwise. */
const replayRequest: Rule = {
  id: 'replay-request',
  severity: 'error',
  needsModels: true,
  replay: 'mock',
  description:
    'Each command is replayed through the real AWS SDK v3 client with a mock transport, so the SDK serializes the ' +
    'API input the command stands for. Input the serializer drops (a member the client does not know) or sends ' +
    'otherwise than given never reaches the service: the example does not do what it shows.',
  examples: {
    ok: [{ name: 'cognito-idp/describe-user-pool.rst', text: describeUserPool('--user-pool-id us-west-2_EXAMPLE'), messages: [] }],
    notOk: [
      {
        name: 'cognito-idp/describe-user-pool.rst',
        text: describeUserPool(`--cli-input-json '{"UserPoolId": "us-west-2_EXAMPLE", "Colour": "blue"}'`),
        messages: ['6:9-6:81: error: --cli-input-json: the client dropped Colour: DescribeUserPoolRequest has no such member'],
      },
    ],
  },
  async check(context) {
    await forEachReplay(context, (result, command, example) => {
      if (!result.replayed) return;
      const translation = context.translation(command, example);
      for (const problem of result.requestProblems) {
        const { start, end, subject } = requestProblemPlace(problem, command, translation);
        context.report({ start, end, message: `${subject}: ${problem.message}`, fingerprint: `${translation?.operationName}${problem.pointer}` });
      }
    });
  },
};

export default replayRequest;
