// The kit's stand-in for identity, under the names these tests use.
export {
  startIssuer,
  TEST_AUDIENCE as AUDIENCE,
  TEST_ISSUER as ISSUER,
  type TestIssuer,
  type TokenClaims,
} from '@cinesync/kit/testing';
