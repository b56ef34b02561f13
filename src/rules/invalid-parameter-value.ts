import { exampleDocument, inputProblemRule } from './input-problem-rule.js';

export default inputProblemRule({
  id: 'invalid-parameter-value',
  severity: 'error',
  description: 'A parameter value the AWS CLI or the service rejects: shorthand or JSON syntax, the wrong type for the shape (a list where a string is expected), a value outside the enum, a `--query` that is not a JMESPath expression, a member the shape does not have, missing required members (one message per object), a string or list shorter than its minimum length or a number below its minimum (botocore\'s client-side validation refuses these before sending), also in `--cli-input-json` and in the files a `file://` value names, read from the `Contents of ``x.json``::` block of the example when the file is not beside the document (errors); a maximum length or value or a pattern only the service checks, an enum value written in another letter case, which services often accept, and an `http(s)://` URL given where a document\'s content goes (`--policy-document`, `--template-body`, `--definition`), which AWS CLI v2 sends as it is instead of downloading it as version 1 did, and JSON given to a blob (`--payload {"k": 1}`) without `--cli-binary-format raw-in-base64-out`, which v2 decodes as base64 (warnings; an error where the CLI refuses the letters as invalid base64). An S3 `--bucket` that is no bucket name (an `s3://` URI, a bucket\'s ARN) is an error: botocore\'s handler refuses it before sending. A placeholder or shell value (`<user-pool-id>`, `$LIMIT`, `$(date)`, a name in capitals such as `START_EPOCH` where a number goes) is checked only for what does not need its content: the option, its arity and the JSON or shorthand structure around it; words whose reading depends on a shell error get no finding.',
  kinds: { 'invalid-parameter-value': 'error', constraint: 'warning' },
  examples: {
    ok: [
      // A run of x's stands for what the reader fills in: no pattern is checked against it.
      {
        name: 'cognito-idp/admin-update-device-status.rst',
        text: exampleDocument('To update a device', 'aws cognito-idp admin-update-device-status --user-pool-id us-west-2_EXAMPLE --username diego --device-key xxxxxxxx --device-remembered-status remembered'),
        messages: [],
      },
      // A custom domain (with its certificate) is a full domain name: the model's prefix pattern does not apply.
      {
        name: 'cognito-idp/create-user-pool-domain.rst',
        text: exampleDocument('To create a custom domain', 'aws cognito-idp create-user-pool-domain --user-pool-id us-west-2_EXAMPLE --domain auth.example.com --custom-domain-config CertificateArn=arn:aws:acm:us-east-1:123456789012:certificate/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111'),
        messages: [],
      },
      // Describing a domain takes a custom domain's full name as well as a prefix.
      { name: 'cognito-idp/describe-user-pool-domain.rst', text: exampleDocument('To describe a custom domain', 'aws cognito-idp describe-user-pool-domain --domain auth.example.com'), messages: [] },
      { name: 'cognito-idp/respond-to-auth-challenge.rst', text: exampleDocument('To respond to a challenge', 'aws cognito-idp respond-to-auth-challenge --client-id 1example23456789 --challenge-name NEW_PASSWORD_REQUIRED --challenge-responses USERNAME=admin,NEW_PASSWORD=Example.123 --session AYABeExampleSessionToken1234'), messages: [] },
      // Placeholders and shell values: checks that need their content (type, length, pattern) are not made.
      { name: 'cognito-idp/list-users.rst', text: exampleDocument('To list users', 'aws cognito-idp list-users --user-pool-id "<user-pool-id>" --limit $LIMIT --filter "email = \\"$EMAIL\\""'), messages: [] },
      // A name in capitals where a number goes (`START_EPOCH`, computed a few lines above) is the reader's to fill in.
      { name: 'logs/filter-log-events.rst', text: exampleDocument('To filter events', 'aws logs filter-log-events --log-group-name my-group --start-time START_EPOCH --end-time END_EPOCH'), messages: [] },
    ],
    notOk: [
      // Shorthand braces bash expands are shell-syntax's finding; a member the value names wrong is still this rule's.
      {
        name: 'cognito-idp/update-user-pool.rst',
        text: exampleDocument('To update a pool', 'aws cognito-idp update-user-pool --user-pool-id us-west-2_EXAMPLE --lambda-config customSMSSender={LambdaVersion=V1_0,LambdaArn=arn:aws:lambda:us-west-2:111122223333:function:a}'),
        messages: ['5:87-5:182: error: Unknown parameter in LambdaConfig: "customSMSSender", must be one of: PreSignUp, CustomMessage, PostConfirmation, PreAuthentication, PostAuthentication, DefineAuthChallenge, CreateAuthChallenge, VerifyAuthChallengeResponse, PreTokenGeneration, UserMigration, PreTokenGenerationConfig, CustomSMSSender, CustomEmailSender, KMSKeyID, InboundFederation.'],
      },
      { name: 'cognito-idp/respond-to-auth-challenge.rst', text: exampleDocument('To respond to a challenge', 'aws cognito-idp respond-to-auth-challenge --client-id 1example23456789 --challenge-name NEW_PASSWORD_REQUIRED --challenge-responses USERNAME=admin,NEW_PASSWORD=[Password] --session AYABe'), messages: ['5:137-5:175: error: Invalid type for parameter ChallengeResponses.NEW_PASSWORD, value: ["Password"], type: list, valid types: string.', "5:186-5:191: error: Invalid length for parameter Session, value: 5, valid min length: 20."] },
      { name: 'cognito-idp/list-users.rst', text: exampleDocument('To list users', 'aws cognito-idp list-users --user-pool-id us-west-2_EXAMPLE --limit ten'), messages: ["5:73-5:76: error: --limit: 'ten' is not an integer."] },
      // A file the block writes with a here-document is the file a later file:// value reads.
      {
        name: 'guide.md',
        text: "# Groups\n\n```bash\ncat > group.json <<'EOF'\n{\"GroupName\": \"admins\", \"UserPoolId\": \"us-west-2_EXAMPLE\", \"Precedance\": 1}\nEOF\naws cognito-idp create-group --cli-input-json file://group.json\n```\n",
        messages: ['7:47-7:64: error: Unknown parameter in input: "Precedance", must be one of: GroupName, UserPoolId, Description, RoleArn, Precedence. (in group.json as shown at line 5)'],
      },
      // A heading that is the file's name alone shows the file the command above reads.
      {
        name: 'guide.md',
        text: '# Groups\n\n```bash\naws cognito-idp create-group --cli-input-json file://group.json\n```\n\n### group.json\n\n```json\n{"GroupName": "admins", "UserPoolId": "us-west-2_EXAMPLE", "Precedance": 1}\n```\n',
        messages: ['4:47-4:64: error: Unknown parameter in input: "Precedance", must be one of: GroupName, UserPoolId, Description, RoleArn, Precedence. (in group.json as shown at line 9)'],
      },
      // argparse refuses the choice before any value is read: the limit below its minimum is no second finding.
      { name: 'cognito-idp/list-users.rst', text: exampleDocument('To list users', 'aws cognito-idp list-users --user-pool-id us-west-2_EXAMPLE --limit 0 --output jsonn'), messages: ["5:75-5:89: error: Invalid value 'jsonn' for '--output': choose from json, text, table, yaml, yaml-stream."] },
      // `--version` after an operation is the CLI's own: it prints its version and runs nothing; the stray `2` is no second finding.
      { name: 'cognito-idp/list-users.rst', text: exampleDocument('To list users', 'aws cognito-idp list-users --user-pool-id us-west-2_EXAMPLE --version 2'), messages: ["5:65-5:74: error: '--version' is the AWS CLI's own option: the CLI prints its version and exits without running the command."] },
      // Values left out of several options are one slip, said once for the command.
      { name: 'cognito-idp/list-users.rst', text: exampleDocument('To list users', 'aws cognito-idp list-users --user-pool-id --limit'), messages: ["5:32-5:46: error: '--user-pool-id' expects a value; '--limit' expects a value."] },
      // An enum value in another letter case: services often take it, so the listed spelling is advice.
      {
        name: 'cognito-idp/set-user-pool-mfa-config.rst',
        text: exampleDocument('To turn off MFA', 'aws cognito-idp set-user-pool-mfa-config --user-pool-id us-west-2_EXAMPLE --mfa-configuration off'),
        messages: ["5:99-5:102: warning: Value for parameter MfaConfiguration ('off') differs from the listed value 'OFF' only in letter case: services often accept either, but write 'OFF' as the API lists it."],
      },
      // The CLI refuses the empty name for its length: the pattern it would also miss is no second finding.
      { name: 'cognito-idp/admin-get-user.rst', text: exampleDocument('To get a user', 'aws cognito-idp admin-get-user --user-pool-id us-west-2_EXAMPLE --username ""'), messages: ['5:80-5:82: error: Invalid length for parameter Username, value: 0, valid min length: 1.'] },
      // Beyond a maximum only the service refuses: a warning. Below a minimum the CLI itself refuses: an error.
      {
        name: 'cognito-idp/list-users.rst',
        text: exampleDocument('To list users', 'aws cognito-idp list-users --user-pool-id us-west-2_EXAMPLE --limit 61'),
        messages: ['5:73-5:75: warning: Invalid value for parameter Limit, value: 61, valid max value: 60.'],
      },
      {
        name: 'cognito-idp/list-users.rst',
        text: exampleDocument('To list users', 'aws cognito-idp list-users --user-pool-id us-west-2_EXAMPLE --limit -1'),
        messages: ['5:73-5:75: error: Invalid value for parameter Limit, value: -1, valid min value: 0.'],
      },
      // Around a shell value the JSON structure is still read and checked.
      {
        name: 'cognito-idp/update-user-pool.rst',
        text: exampleDocument('To update a user pool', `aws cognito-idp update-user-pool --user-pool-id $POOL_ID --account-recovery-setting '{"RecoveryMechanisms": [{"Priority": '$PRIORITY'}]}'`),
        messages: ['5:89-5:142: error: Missing required parameter in AccountRecoverySetting.RecoveryMechanisms[0]: "Name".'],
      },
      // The required members one object lacks are one defect: one message names them all.
      {
        name: 'cognito-idp/update-user-pool.rst',
        text: exampleDocument('To update a user pool', `aws cognito-idp update-user-pool --user-pool-id us-west-2_EXAMPLE --account-recovery-setting '{"RecoveryMechanisms": [{}]}'`),
        messages: ['5:98-5:128: error: Missing required parameters in AccountRecoverySetting.RecoveryMechanisms[0]: "Priority", "Name".'],
      },
      { name: 'cognito-idp/list-users.rst', text: exampleDocument('To list users', `aws cognito-idp list-users --cli-input-json '{"UserPoolId": "us-west-2_EXAMPLE", "Colour": "blue"}'`), messages: ['5:49-5:104: error: Unknown parameter in input: "Colour", must be one of: UserPoolId, AttributesToGet, Limit, PaginationToken, Filter.'] },
      {
        name: 'cognito-idp/list-users.rst',
        text: '**To list users**\n\nThe following example lists users. ::\n\n    aws cognito-idp list-users --cli-input-json file://input.json\n\nContents of ``input.json``::\n\n    {\n        "UserPoolId": "us-west-2_EXAMPLE",\n        "Limit": "ten"\n    }\n',
        messages: ['5:49-5:66: error: Invalid type for parameter Limit, value: ten, type: string, valid types: integer. (in input.json as shown at line 9)'],
      },
    ],
  },
});
