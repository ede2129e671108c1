// A steady offered load: one request every 1/rate seconds, whatever the responses do (open loop).
// autocannon's own rate limit sends each connection's quota for the second back to back at the
// start of every second, so its latencies are those of bursts, not of a steady stream.
import { Pool } from 'undici';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends `requestsPerSec` POSTs per second for `duration` seconds over at most `connections`
 * connections (beyond that, requests queue in the client). A response's latency is counted from
 * the moment its request was due, so time spent queued behind slow responses counts too.
 */
export async function pacedLoad({
  url,
  path,
  connections,
  requestsPerSec,
  duration,
  makeBody,
  onResponse,
}) {
  const pool = new Pool(url, { connections, pipelining: 1 });
  const interval = 1000 / requestsPerSec;
  const total = Math.floor(duration * requestsPerSec);
  const inflight = new Set();
  let errors = 0;
  let non2xx = 0;
  const started = performance.now();
  for (let i = 0; i < total; i++) {
    const due = started + i * interval;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    const request = pool
      .request({
        path,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: makeBody(),
      })
      .then(async (response) => {
        await response.body.dump();
        const now = performance.now();
        if (response.statusCode < 200 || response.statusCode > 299) non2xx++;
        onResponse({ at: now, status: response.statusCode, ms: now - due });
      })
      .catch(() => {
        errors++;
      })
      .finally(() => inflight.delete(request));
    inflight.add(request);
  }
  await Promise.all(inflight);
  const seconds = (performance.now() - started) / 1000;
  await pool.close();
  return { seconds, errors, non2xx };
}
