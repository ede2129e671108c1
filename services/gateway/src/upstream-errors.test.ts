import { describe, expect, it } from 'vitest';
import { BODY_TOO_LARGE, upstreamFailure } from './upstream-errors.js';

const withCode = (code: string) => Object.assign(new Error(code), { code });

describe('upstreamFailure', () => {
  it.each([
    ['refused', withCode('ECONNREFUSED'), 503, 'upstream_unavailable'],
    ['unknown host', withCode('ENOTFOUND'), 503, 'upstream_unavailable'],
    ['connect timeout', withCode('UND_ERR_CONNECT_TIMEOUT'), 503, 'upstream_unavailable'],
    ['headers timeout', withCode('UND_ERR_HEADERS_TIMEOUT'), 504, 'upstream_timeout'],
    ['body timeout', withCode('UND_ERR_BODY_TIMEOUT'), 504, 'upstream_timeout'],
    ['socket closed', withCode('UND_ERR_SOCKET'), 502, 'bad_gateway'],
    ['anything else', new Error('boom'), 502, 'bad_gateway'],
    ['a body over the limit', withCode(BODY_TOO_LARGE), 413, 'payload_too_large'],
  ])('maps %s', (_name, error, status, code) => {
    expect(upstreamFailure('catalog', error)).toMatchObject({ status, code });
  });

  it('looks through wrappers and aggregate errors (IPv4 and IPv6 both refused)', () => {
    const refused = new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')]);
    const wrapped = new Error('Internal Server Error', { cause: refused });
    const failure = upstreamFailure('identity', wrapped);
    expect(failure).toMatchObject({ status: 503, headers: { 'retry-after': '5' } });
    expect(failure.message).toContain('identity');
  });
});
