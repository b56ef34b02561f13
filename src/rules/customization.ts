import { exampleDocument, inputProblemRule } from './input-problem-rule.js';

export default inputProblemRule({
  id: 'customization',
  severity: 'info',
  description: 'The command is a CLI customization (`s3 cp`, `deploy push`, `eks update-kubeconfig`, `wait`...), not one plain API call: its input is not checked against a model the way API commands are. Where the customization\'s own argument table is known (`s3` commands, `cloudformation deploy`/`package`, `eks update-kubeconfig`, `logs tail`, `sso login`, `codeartifact login`, `deploy push`, ...), its options, required options and positional words are checked (`unknown-parameter`, `missing-required-parameter`), its values are not; the message says which. Said once per command so a quiet report is not read as a checked one.',
  kinds: { customization: 'info' },
  examples: {
    ok: [{ name: 'cognito-idp/list-users.rst', text: exampleDocument('To list users', 'aws cognito-idp list-users --user-pool-id us-west-2_EXAMPLE'), messages: [] }],
    notOk: [
      { name: 's3/cp.rst', text: exampleDocument('To copy a file', 'aws s3 cp test.txt s3://amzn-s3-demo-bucket/test.txt'), messages: ["5:9-5:11: info: 'aws s3 cp' is a CLI customization, not an API call: its options are checked, their values are not."] },
      // A customization whose arguments are not known here: nothing of its input is checked.
      { name: 'configure/set.rst', text: exampleDocument('To set a value', 'aws configure set region us-west-2'), messages: ["5:9-5:18: info: 'aws configure set' is a CLI customization, not an API call: its input is not checked."] },
    ],
  },
});
