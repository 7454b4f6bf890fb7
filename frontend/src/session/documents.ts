import { graphql } from '../gql';

graphql(`
  fragment SessionUser on User {
    id
    email
    displayName
    role
    kind
    organization {
      id
      name
      kind
      verified
    }
  }
`);

graphql(`
  fragment SessionTokens on AuthPayload {
    accessToken
    accessTokenExpiresAt
    user {
      ...SessionUser
    }
  }
`);

/** Signs in; with `cookie: true` the refresh token travels only as an HttpOnly cookie. */
export const SignInDocument = graphql(`
  mutation SignIn($email: String!, $password: String!) {
    login(email: $email, password: $password, cookie: true) {
      ...SessionTokens
    }
  }
`);

/** Without an argument the server reads (and rotates) the refresh-token cookie. */
export const RefreshSessionDocument = graphql(`
  mutation RefreshSession {
    refreshSession {
      ...SessionTokens
    }
  }
`);

export const SignOutDocument = graphql(`
  mutation SignOut {
    logout
  }
`);
