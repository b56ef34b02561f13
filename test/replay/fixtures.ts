import type { ServiceModel } from '../../src/model/types.js';

/**
 * A small hand-written slice of the Cognito user pools model (botocore form): enough to drive the
 * real `@aws-sdk/client-cognito-identity-provider` client through replay without the corpus.
 */
export function cognitoModel(): ServiceModel {
  return {
    cliName: 'cognito-idp',
    metadata: {
      apiVersion: '2016-04-18',
      endpointPrefix: 'cognito-idp',
      protocol: 'json',
      jsonVersion: '1.1',
      targetPrefix: 'AWSCognitoIdentityProviderService',
      serviceId: 'Cognito Identity Provider',
    },
    operations: {
      InitiateAuth: {
        name: 'InitiateAuth',
        http: { method: 'POST', requestUri: '/' },
        input: { shape: 'InitiateAuthRequest' },
        output: { shape: 'InitiateAuthResponse' },
        errors: [{ shape: 'NotAuthorizedException' }],
      },
      DescribeUserPool: {
        name: 'DescribeUserPool',
        http: { method: 'POST', requestUri: '/' },
        input: { shape: 'DescribeUserPoolRequest' },
        output: { shape: 'DescribeUserPoolResponse' },
      },
      GlobalSignOut: {
        name: 'GlobalSignOut',
        http: { method: 'POST', requestUri: '/' },
        input: { shape: 'GlobalSignOutRequest' },
        output: { shape: 'GlobalSignOutResponse' },
      },
      VerifySoftwareToken: {
        name: 'VerifySoftwareToken',
        http: { method: 'POST', requestUri: '/' },
        input: { shape: 'VerifySoftwareTokenRequest' },
        output: { shape: 'VerifySoftwareTokenResponse' },
      },
    },
    shapes: {
      String: { type: 'string' },
      Integer: { type: 'integer' },
      DateType: { type: 'timestamp' },
      StringMap: { type: 'map', key: { shape: 'String' }, value: { shape: 'String' } },
      InitiateAuthRequest: {
        type: 'structure',
        required: ['AuthFlow', 'ClientId'],
        members: {
          AuthFlow: { shape: 'String' },
          AuthParameters: { shape: 'StringMap' },
          ClientMetadata: { shape: 'StringMap' },
          ClientId: { shape: 'String' },
        },
      },
      InitiateAuthResponse: {
        type: 'structure',
        members: {
          ChallengeName: { shape: 'String' },
          Session: { shape: 'String' },
          ChallengeParameters: { shape: 'StringMap' },
          AuthenticationResult: { shape: 'AuthenticationResultType' },
        },
      },
      AuthenticationResultType: {
        type: 'structure',
        members: {
          AccessToken: { shape: 'String' },
          ExpiresIn: { shape: 'Integer' },
          TokenType: { shape: 'String' },
          RefreshToken: { shape: 'String' },
          IdToken: { shape: 'String' },
        },
      },
      DescribeUserPoolRequest: { type: 'structure', required: ['UserPoolId'], members: { UserPoolId: { shape: 'String' } } },
      DescribeUserPoolResponse: { type: 'structure', members: { UserPool: { shape: 'UserPoolType' } } },
      UserPoolType: {
        type: 'structure',
        members: {
          Id: { shape: 'String' },
          Name: { shape: 'String' },
          CreationDate: { shape: 'DateType' },
          EstimatedNumberOfUsers: { shape: 'Integer' },
        },
      },
      GlobalSignOutRequest: { type: 'structure', required: ['AccessToken'], members: { AccessToken: { shape: 'String' } } },
      GlobalSignOutResponse: { type: 'structure', members: {} },
      VerifySoftwareTokenRequest: {
        type: 'structure',
        required: ['UserCode'],
        members: { AccessToken: { shape: 'String' }, Session: { shape: 'String' }, UserCode: { shape: 'String' }, FriendlyDeviceName: { shape: 'String' } },
      },
      VerifySoftwareTokenResponse: { type: 'structure', members: { Status: { shape: 'String' }, Session: { shape: 'String' } } },
      NotAuthorizedException: {
        type: 'structure',
        members: { message: { shape: 'String' } },
        exception: true,
        error: { httpStatusCode: 400, senderFault: true },
      },
    },
    paginators: {},
    waiters: {},
  };
}
