import { exampleDocument, inputProblemRule } from './input-problem-rule.js';

export default inputProblemRule({
  id: 'query-path',
  severity: 'warning',
  description:
    "A `--query` expression that asks the output for what the operation's response cannot give: a member the response shape does not have (renamed, misspelt, written in another letter case, or belonging to another operation), or a member asked of a list without `[]` (`LoadBalancers.LoadBalancerArn`). JMESPath answers both with null, so the AWS CLI prints `null` (`None` in text output) where the example promises a value, and nothing fails. A warning: the command runs. Only what the model makes certain is said: a string the CLI prints as JSON, a document value or most functions' results end the walk, and an alternative (`a || b`) is a fallback unless no branch can give a value.",
  kinds: { 'query-path': 'warning' },
  examples: {
    ok: [
      { name: 'cognito-idp/describe-user-pool.rst', text: exampleDocument('To describe a user pool', "aws cognito-idp describe-user-pool --user-pool-id us-west-2_EXAMPLE --query 'UserPool.[Id, Name]'"), messages: [] },
      { name: 'cognito-idp/list-users.rst', text: exampleDocument('To list user names', "aws cognito-idp list-users --user-pool-id us-west-2_EXAMPLE --query 'sort_by(Users, &UserCreateDate)[-1].Username || Users[0].Username'"), messages: [] },
      // `null` unquoted is a field JMESPath finds null, just what the author meant.
      { name: 'cognito-idp/list-users.rst', text: exampleDocument('To list enabled users', "aws cognito-idp list-users --user-pool-id us-west-2_EXAMPLE --query 'Users[?UserStatus!=null].Attributes[].Name'"), messages: [] },
    ],
    notOk: [
      {
        name: 'cognito-idp/describe-user-pool.rst',
        text: exampleDocument('To describe a user pool', "aws cognito-idp describe-user-pool --user-pool-id us-west-2_EXAMPLE --query 'UserPool.id'"),
        messages: ["5:91-5:93: warning: --query asks for 'id', which UserPoolType does not have, so the CLI prints null. Did you mean 'Id'?"],
      },
      {
        name: 'cognito-idp/list-users.rst',
        text: exampleDocument('To list user names', "aws cognito-idp list-users --user-pool-id us-west-2_EXAMPLE --query 'Users.{Name: Username, Status: UserStatus}'"),
        messages: ["5:87-5:95: warning: --query asks the list Users for 'Username', which gives null: a list has no members. Put [] after Users to take it from each item."],
      },
    ],
  },
});
