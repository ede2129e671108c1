// The local stand-in for identity lives in the kit; these names keep the suites' imports short.
export {
  type Caller,
  startIssuer,
  TEST_AUDIENCE as AUDIENCE,
  TEST_ISSUER as ISSUER,
  type TestIssuer,
} from '@cinesync/kit/testing';
