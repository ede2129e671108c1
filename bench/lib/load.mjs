// One load run against an HTTP service: flat out over `connections` (autocannon, closed loop), or
// a steady `overallRate` (bench/lib/paced.mjs: autocannon's own rate limit sends bursts).
import autocannon from 'autocannon';
import { pacedLoad } from './paced.mjs';

/**
 * GETs `makePath()` on `url` and returns throughput, counts and every 200's latency in ms, in
 * ascending order and at full resolution (autocannon's own histogram rounds to whole ms).
 */
export async function loadRun({ url, makePath, connections, overallRate, duration, headers = {} }) {
  const latencies = [];
  const onOk = (status, ms) => {
    if (status === 200) latencies.push(ms);
  };
  let result;
  if (overallRate) {
    const paced = await pacedLoad({
      url,
      connections,
      requestsPerSec: overallRate,
      duration,
      headers,
      makePath,
      onResponse: ({ status, ms }) => onOk(status, ms),
    });
    result = {
      rps: paced.requests / paced.seconds,
      total: paced.requests,
      errors: paced.errors,
      non2xx: paced.non2xx,
    };
  } else {
    const instance = autocannon({
      url,
      connections,
      duration,
      headers,
      requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: makePath() }) }],
    });
    instance.on('response', (_client, status, _bytes, ms) => onOk(status, ms));
    const run = await instance;
    result = {
      rps: run.requests.average,
      total: run.requests.total,
      errors: run.errors + run.timeouts,
      non2xx: run.non2xx,
    };
  }
  latencies.sort((a, b) => a - b);
  return { ...result, latencies };
}
