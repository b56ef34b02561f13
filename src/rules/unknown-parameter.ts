import { exampleDocument, inputProblemRule } from './input-problem-rule.js';

export default inputProblemRule({
  id: 'unknown-parameter',
  severity: 'error',
  description: 'The command passes an option that neither the operation, the global options nor a CLI customization accepts, or stray words (all of one command in one finding, at the first, the others as related locations; a value they continue, split by a space, is not checked on its own): the AWS CLI stops with "Unknown options". The message suggests the closest parameter (the same name in another case or separator style, `-UserPoolId` as the Tools for PowerShell write it, first); the unknown options of one command are one finding. A command bash refuses (a syntax error, said by `shell-syntax`) gets no findings of this kind.',
  kinds: { 'unknown-parameter': 'error' },
  examples: {
    ok: [
      // Escaped quotes where plain ones go, then a quote never closed (shell-syntax's one error): the words the stray
      // quotes split off the value are no stray words of their own.
      {
        name: 'guide.md',
        text: '# Filter\n\n```bash\naws cognito-idp admin-get-user --user-pool-id us-west-2_EXAMPLE --username \\"{\\"a\\": [{"b": "c\\"}]}\\"\n```\n',
        messages: [],
      },
      // Split into several words where an option takes several: what the author meant.
      {
        name: 'guide.md',
        text: '# Users\n\n```bash\nATTRS="email name"\naws cognito-idp list-users --user-pool-id us-west-2_EXAMPLE --attributes-to-get $ATTRS\n```\n',
        messages: [],
      },
      { name: 'cognito-idp/list-users.rst', text: exampleDocument('To list users', 'aws cognito-idp list-users --user-pool-id us-west-2_EXAMPLE --limit 5'), messages: [] },
      // bash refuses the command at the unquoted `(` (shell-syntax's error): the words around it are no second finding.
      { name: 'cognito-idp/list-users.rst', text: exampleDocument('To list users', 'aws cognito-idp list-users --user-pool-id 0 (pool id) extra'), messages: [] },
      // A customization's options come from its own argument table; --include and --exclude may repeat; globals go anywhere.
      { name: 's3/cp.rst', text: exampleDocument('To copy a folder', 'aws s3 cp ./site s3://amzn-s3-demo-bucket/ --recursive --exclude "*" --include "*.html" --region us-west-2'), messages: [] },
    ],
    notOk: [
      // An unquoted variable whose value holds blanks: bash splits it, and the words after the first are stray.
      {
        name: 'guide.md',
        text: '# Group\n\n```bash\nDESC="Gold customers"\naws cognito-idp create-group --user-pool-id us-west-2_EXAMPLE --group-name gold --description $DESC\n```\n',
        messages: ['5:95-5:100: error: bash splits the unquoted `$DESC` at the blanks in its value, so the CLI gets \'customers\' as stray words (\'aws cognito-idp create-group\' takes no positional arguments here); quote it: "$DESC".'],
      },
      { name: 'cognito-idp/list-users.rst', text: exampleDocument('To list users', 'aws cognito-idp list-users --userpool-id us-west-2_EXAMPLE'), messages: ["5:32-5:45: error: Unknown parameter '--userpool-id' for 'aws cognito-idp list-users'. Did you mean '--user-pool-id'?"] },
      // One word that is the last word of one option: that option (and not also a missing required one).
      {
        name: 'cognito-idp/admin-update-user-attributes.rst',
        text: exampleDocument('To update attributes', 'aws cognito-idp admin-update-user-attributes --user-pool-id us-west-2_EXAMPLE --username jane --attributes Name=nickname,Value=J'),
        messages: ["5:99-5:111: error: Unknown parameter '--attributes' for 'aws cognito-idp admin-update-user-attributes'. Did you mean '--user-attributes'?"],
      },
      // The operation's own words before an option's name: that option (and not also a missing required one).
      {
        name: 'cognito-idp/create-resource-server.rst',
        text: exampleDocument('To create a resource server', 'aws cognito-idp create-resource-server --user-pool-id us-west-2_EXAMPLE --identifier solar --resource-server-name Solar'),
        messages: ["5:96-5:118: error: Unknown parameter '--resource-server-name' for 'aws cognito-idp create-resource-server'. Did you mean '--name'?"],
      },
      // A customization's table has no such option (deploy reads a local --template-file).
      {
        name: 'cloudformation/deploy.rst',
        text: exampleDocument('To deploy a stack', 'aws cloudformation deploy --template-url https://amzn-s3-demo-bucket.s3.amazonaws.com/t.yaml --stack-name my-stack'),
        messages: ["5:31-5:45: error: Unknown parameter '--template-url' for 'aws cloudformation deploy'. Did you mean '--template-file'?"],
      },
      // More paths than the customization takes.
      { name: 's3/ls.rst', text: exampleDocument('To list two buckets', 'aws s3 ls s3://amzn-s3-demo-bucket1 s3://amzn-s3-demo-bucket2'), messages: ["5:41-5:66: error: Unexpected word 's3://amzn-s3-demo-bucket2': 'aws s3 ls' takes at most one S3 path."] },
      // Another tool's parameter names (PowerShell's): the unknown options of one command are one finding, each with the CLI's name.
      {
        name: 'cognito-idp/admin-get-user.rst',
        text: exampleDocument('To get a user', 'aws cognito-idp admin-get-user -UserPoolId us-west-2_EXAMPLE -Username alice'),
        messages: ["5:36-5:47: error: Unknown parameters '-UserPoolId' (did you mean '--user-pool-id'?), '-Username' (did you mean '--username'?) for 'aws cognito-idp admin-get-user'."],
      },
      // An option typed with an en dash (a word processor's doing): the CLI takes it for a word; the option meant is named.
      {
        name: 'cognito-idp/list-users.rst',
        text: exampleDocument('To list users', 'aws cognito-idp list-users \u2013-user-pool-id us-west-2_EXAMPLE'),
        messages: ["5:32-5:46: error: Unknown parameter '\u2013-user-pool-id' for 'aws cognito-idp list-users'. Did you mean '--user-pool-id'?"],
      },
      // The same with its value after `=`: the name before it is the option meant, and no missing required one is said.
      {
        name: 'cognito-idp/describe-user-pool.rst',
        text: exampleDocument('To describe a pool', 'aws cognito-idp describe-user-pool -\u2013user-pool-id=us-west-2_EXAMPLE'),
        messages: ["5:40-5:72: error: Unknown parameter '-\u2013user-pool-id=us-west-2_EXAMPLE' for 'aws cognito-idp describe-user-pool'. Did you mean '--user-pool-id'?"],
      },
      // Prose run into a value: the stray words are one defect, said once at the first.
      {
        name: 'cognito-idp/list-users.rst',
        text: exampleDocument('To list users', 'aws cognito-idp list-users --user-pool-id us-west-2_EXAMPLE --pagination-token full token omitted'),
        messages: ["5:89-5:94: error: Unexpected words 'token omitted': 'aws cognito-idp list-users' takes no positional arguments here."],
      },
      // A space inside a value: the stray word is the finding, not also the shortened value before it.
      {
        name: 'cognito-idp/update-user-pool-client.rst',
        text: exampleDocument('To update a client', 'aws cognito-idp update-user-pool-client --user-pool-id us-west-2_EXAMPLE --client-id 1example23456789 --token-validity-units AccessToken=hours, IdToken=hours'),
        messages: ["5:149-5:162: error: Unexpected word 'IdToken=hours': 'aws cognito-idp update-user-pool-client' takes no positional arguments here."],
      },
    ],
  },
});
