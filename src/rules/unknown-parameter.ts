import { exampleDocument, inputProblemRule } from './input-problem-rule.js';

export default inputProblemRule({
  id: 'unknown-parameter',
  severity: 'error',
  description: 'The command passes an option that neither the operation, the global options nor a CLI customization accepts, or stray words (all of one command in one finding, at the first, the others as related locations): the AWS CLI stops with "Unknown options". The message suggests the closest parameter.',
  kinds: { 'unknown-parameter': 'error' },
  examples: {
    ok: [{ name: 'cognito-idp/list-users.rst', text: exampleDocument('To list users', 'aws cognito-idp list-users --user-pool-id us-west-2_EXAMPLE --limit 5'), messages: [] }],
    notOk: [
      { name: 'cognito-idp/list-users.rst', text: exampleDocument('To list users', 'aws cognito-idp list-users --userpool-id us-west-2_EXAMPLE'), messages: ["5:32-5:45: error: Unknown parameter '--userpool-id' for 'aws cognito-idp list-users'. Did you mean '--user-pool-id'?"] },
      // Prose run into a value: the stray words are one defect, said once at the first.
      {
        name: 'cognito-idp/list-users.rst',
        text: exampleDocument('To list users', 'aws cognito-idp list-users --user-pool-id us-west-2_EXAMPLE --pagination-token full token omitted'),
        messages: ["5:89-5:94: error: Unexpected words 'token omitted': 'aws cognito-idp list-users' takes no positional arguments here."],
      },
    ],
  },
});
