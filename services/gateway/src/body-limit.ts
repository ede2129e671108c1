import type { IncomingMessage } from 'node:http';
import { pipeline, type Readable, Transform } from 'node:stream';
import { payloadTooLarge } from '@cinesync/kit/http';
import { BODY_TOO_LARGE } from './upstream-errors.js';

function tooLarge(): Error {
  return Object.assign(new Error('The request body is too large.'), { code: BODY_TOO_LARGE });
}

/**
 * The request body as a stream for the upstream, never buffered here. A declared length over
 * the limit is refused before anything is read (Node never delivers more than a declared
 * length); a chunked body is counted as it flows and cut off once it passes the limit.
 */
export function limitedBody(payload: IncomingMessage, limit: number): Readable {
  const declared = payload.headers['content-length'];
  if (declared !== undefined) {
    if (Number(declared) > limit) throw payloadTooLarge();
    return payload;
  }
  let seen = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      seen += chunk.length;
      callback(seen > limit ? tooLarge() : null, chunk);
    },
  });
  // pipeline, not pipe: a client that goes away mid-body must end the upstream request too.
  return pipeline(payload, counter, () => {});
}
