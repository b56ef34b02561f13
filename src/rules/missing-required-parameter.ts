import { exampleDocument, inputProblemRule } from './input-problem-rule.js';

export default inputProblemRule({
  id: 'missing-required-parameter',
  severity: 'error',
  description: 'The command leaves out a parameter the operation requires (idempotency tokens aside, which the CLI fills in; `--cli-input-json` may supply them). The AWS CLI rejects the command before sending it, naming every missing argument in one error, and so does this rule (a warning for a command written inline in a sentence, which may sketch the call). A required parameter written misspelt is that misspelling\'s finding (`unknown-parameter`, with the did-you-mean), not also this one.',
  kinds: { 'missing-required-parameter': 'error' },
  examples: {
    ok: [
      { name: 'cognito-idp/list-users.rst', text: exampleDocument('To list users', 'aws cognito-idp list-users --user-pool-id us-west-2_EXAMPLE'), messages: [] },
      { name: 'cognito-idp/list-users.rst', text: exampleDocument('To list users', 'aws cognito-idp list-users --user-pool-idd us-west-2_EXAMPLE'), messages: [] },
    ],
    notOk: [
      { name: 'cognito-idp/list-users.rst', text: exampleDocument('To list users', 'aws cognito-idp list-users --limit 5'), messages: ["5:21-5:31: error: Missing required parameter '--user-pool-id' for 'aws cognito-idp list-users'."] },
      // The CLI names every missing argument in one error: one finding.
      {
        name: 'cognito-idp/admin-create-user.rst',
        text: exampleDocument('To create a user', 'aws cognito-idp admin-create-user --temporary-password Example-1'),
        messages: ["5:21-5:38: error: Missing required parameters '--user-pool-id' and '--username' for 'aws cognito-idp admin-create-user'."],
      },
    ],
  },
});
