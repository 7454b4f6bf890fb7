import { graphql } from '../gql';

export const VerifyCertificateDocument = graphql(`
  query VerifyCertificate($code: String!) {
    verifyCertificate(code: $code) {
      holderName
      programmeTitle
      providerName
      issuedAt
      expiresAt
      status
    }
  }
`);
