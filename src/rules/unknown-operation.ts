import { exampleDocument, inputProblemRule } from './input-problem-rule.js';

export default inputProblemRule({
  id: 'unknown-operation',
  severity: 'error',
  description: 'The command names an operation (or waiter) the service does not have in its model or in the CLI customizations, or one the CLI takes out of its command table (deprecated operations, and those that stream events, such as `bedrock-agent-runtime invoke-agent`): the command fails. The message suggests the closest operation name.',
  kinds: { 'unknown-operation': 'error' },
  examples: {
    ok: [{ name: 'cognito-idp/list-user-pools.rst', text: exampleDocument('To list user pools', 'aws cognito-idp list-user-pools --max-results 10'), messages: [] }],
    notOk: [{ name: 'cognito-idp/list-user-pools.rst', text: exampleDocument('To list user pools', 'aws cognito-idp list-user-pool --max-results 10'), messages: ["5:21-5:35: error: Unknown operation 'list-user-pool' for service 'cognito-idp'. Did you mean 'list-user-pools'?"] }],
  },
});
