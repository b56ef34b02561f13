import { exampleDocument, inputProblemRule } from './input-problem-rule.js';

export default inputProblemRule({
  id: 'abbreviated-parameter',
  severity: 'warning',
  description: 'The command abbreviates an option (`--endpoint` for `--endpoint-url`). The AWS CLI accepts a unique prefix, but a new parameter can make it ambiguous at any release; an ambiguous prefix already fails (error).',
  // argparse refuses a prefix that several options share: the command fails.
  kinds: { 'abbreviated-parameter': 'warning', 'ambiguous-parameter': 'error' },
  examples: {
    ok: [{ name: 'cognito-idp/list-users.rst', text: exampleDocument('To list users', 'aws cognito-idp list-users --user-pool-id us-west-2_EXAMPLE --endpoint-url http://127.0.0.1:9229'), messages: [] }],
    notOk: [
      { name: 'cognito-idp/list-users.rst', text: exampleDocument('To list users', 'aws cognito-idp list-users --user-pool-id us-west-2_EXAMPLE --endpoint http://127.0.0.1:9229'), messages: ["5:65-5:75: warning: '--endpoint' is an abbreviation of '--endpoint-url': write the full name."] },
      { name: 'cognito-idp/list-users.rst', text: exampleDocument('To list users', 'aws cognito-idp list-users --user-pool-id us-west-2_EXAMPLE --pa 10'), messages: ["5:65-5:69: error: Ambiguous option '--pa': could match --page-size, --pagination-token."] },
    ],
  },
});
