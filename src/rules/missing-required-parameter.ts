import { exampleDocument, inputProblemRule } from './input-problem-rule.js';

export default inputProblemRule({
  id: 'missing-required-parameter',
  severity: 'error',
  description: 'The command leaves out a parameter the operation requires (idempotency tokens aside, which the CLI fills in; `--cli-input-json` may supply them), or a customization with a known argument table leaves out a required option or positional word (`aws eks update-kubeconfig` without `--name`, `aws s3 cp` with one path). A word that may stand for options (`$EXTRA_ARGS`, `...`) may supply them: nothing is called missing then. The AWS CLI rejects the command before sending it, naming every missing argument in one error, and so does this rule (a warning for a command written inline in a sentence, which may sketch the call). A required parameter written misspelt is that misspelling\'s finding (`unknown-parameter`, with the did-you-mean), not also this one.',
  kinds: { 'missing-required-parameter': 'error' },
  examples: {
    ok: [
      { name: 'cognito-idp/list-users.rst', text: exampleDocument('To list users', 'aws cognito-idp list-users --user-pool-id us-west-2_EXAMPLE'), messages: [] },
      { name: 'cognito-idp/list-users.rst', text: exampleDocument('To list users', 'aws cognito-idp list-users --user-pool-idd us-west-2_EXAMPLE'), messages: [] },
      { name: 'eks/update-kubeconfig.rst', text: exampleDocument('To update a kubeconfig', 'aws eks update-kubeconfig $EKS_ARGS'), messages: [] },
      {
        // At a prompt, `!:3 !:4` are words of the command before (here `--user-pool-id us-west-2_EXAMPLE`): options, perhaps.
        name: 'guide.md',
        text: '# Users\n\n```console\n$ aws cognito-idp list-users --user-pool-id us-west-2_EXAMPLE\n$ aws cognito-idp list-groups !:3 !:4\n```\n',
        messages: [],
      },
    ],
    notOk: [
      { name: 'cognito-idp/list-users.rst', text: exampleDocument('To list users', 'aws cognito-idp list-users --limit 5'), messages: ["5:21-5:31: error: Missing required parameter '--user-pool-id' for 'aws cognito-idp list-users'."] },
      // The CLI names every missing argument in one error: one finding.
      {
        name: 'cognito-idp/admin-create-user.rst',
        text: exampleDocument('To create a user', 'aws cognito-idp admin-create-user --temporary-password Example-1'),
        messages: ["5:21-5:38: error: Missing required parameters '--user-pool-id' and '--username' for 'aws cognito-idp admin-create-user'."],
      },
      // Customizations: a required option, a positional path.
      { name: 'eks/update-kubeconfig.rst', text: exampleDocument('To update a kubeconfig', 'aws eks update-kubeconfig --region us-west-2'), messages: ["5:13-5:30: error: Missing required parameter '--name' for 'aws eks update-kubeconfig'."] },
      { name: 's3/cp.rst', text: exampleDocument('To copy a file', 'aws s3 cp test.txt'), messages: ["5:12-5:14: error: 'aws s3 cp' takes two paths (source and destination): 1 given."] },
    ],
  },
});
