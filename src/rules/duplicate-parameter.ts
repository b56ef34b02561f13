import { exampleDocument, inputProblemRule } from './input-problem-rule.js';

export default inputProblemRule({
  id: 'duplicate-parameter',
  severity: 'warning',
  description: 'The command gives the same parameter twice. The AWS CLI silently keeps only the last value, so the first one documents nothing.',
  kinds: { 'duplicate-parameter': 'warning' },
  examples: {
    ok: [{ name: 'cognito-idp/list-users.rst', text: exampleDocument('To list users', 'aws cognito-idp list-users --user-pool-id us-west-2_EXAMPLE'), messages: [] }],
    notOk: [{ name: 'cognito-idp/list-users.rst', text: exampleDocument('To list users', 'aws cognito-idp list-users --user-pool-id us-west-2_A --user-pool-id us-west-2_B'), messages: ["5:59-5:73: warning: '--user-pool-id' is given more than once: the CLI keeps only the last value."] }],
  },
});
