import { exampleDocument, inputProblemRule } from './input-problem-rule.js';

export default inputProblemRule({
  id: 'unknown-service',
  severity: 'error',
  description: 'The command names a service the AWS CLI does not have (no service model, no alias the CLI accepts such as `opsworks-cm`, and no CLI customization): the command fails before any request. The message suggests the closest service name. A service the CLI has but this run has no model for is `not-validated` (info), never this error.',
  kinds: { 'unknown-service': 'error' },
  examples: {
    ok: [
      { name: 'cognito-idp/list-user-pools.rst', text: exampleDocument('To list user pools', 'aws cognito-idp list-user-pools --max-results 10'), messages: [] },
      // `aws --version` prints the version and exits before it reads a service: a note after it is no service name.
      { name: 'setup.md', text: '# Check the install\n\n```\n$ aws --version  ←check it works\n```\n', messages: [] },
      // AWS CLI v2's own commands, which no service model holds: `aws update` updates the CLI.
      { name: 'setup.md', text: '# Keep the CLI current\n\n```bash\naws update\n```\n', messages: [] },
    ],
    notOk: [
      { name: 'cognito-idp/list-user-pools.rst', text: exampleDocument('To list user pools', 'aws cognito-ipd list-user-pools --max-results 10'), messages: ['5:9-5:20: error: Unknown service \'cognito-ipd\'. Did you mean \'cognito-idp\'?'] },
      // The suggestion names a service the CLI has, even where this run has no model of it.
      { name: 'guide.md', text: '# Instances\n\n```sh\naws ec3 describe-instances\n```\n', messages: ["4:5-4:8: error: Unknown service 'ec3'. Did you mean 'ec2'?"] },
      // An s3 command with its `s3` left out.
      { name: 'guide.md', text: '# Bucket\n\n```sh\naws mb s3://amzn-s3-demo-bucket\n```\n', messages: ["4:5-4:7: error: Unknown service 'mb'. Did you mean 'aws s3 mb'?"] },
    ],
  },
});
