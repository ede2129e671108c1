// End-to-end lag: how long after its 202 an accepted event can be read through the admin API.

const POLL_MS = 500;
const DRAIN_TIMEOUT_MS = 60_000;

/**
 * Polls the count of a level's events (events-over-time over the level's own day) from the start
 * of the load. An accepted response at time t, when A events had been accepted in all, counts as
 * queryable at the end of the first poll that saw at least A events: the lag of that response.
 * A count cannot tell which events are visible, so this reads as "the pipeline was at most this
 * far behind the accepts"; the drain (last accept to everything visible) is exact.
 */
export function startLagProbe({ url, adminToken, from, to }) {
  const polls = [];
  let running = true;
  const query = `${url}/api/v1/analytics/events-over-time?interval=day&from=${from.toISOString()}&to=${to.toISOString()}`;
  const headers = { authorization: `Bearer ${adminToken}` };

  async function count() {
    const response = await fetch(query, { headers });
    if (!response.ok) throw new Error(`count query answered ${response.status}`);
    const body = await response.json();
    return body.buckets.reduce((n, bucket) => n + bucket.total, 0);
  }

  const loop = (async () => {
    while (running) {
      const started = performance.now();
      try {
        const visible = await count();
        polls.push({ at: performance.now(), visible });
      } catch (error) {
        process.stderr.write(`lag probe: ${error.message}\n`);
      }
      const wait = POLL_MS - (performance.now() - started);
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    }
  })();

  return {
    /** Keeps polling until `total` events are visible (or a minute passed), then sums up. */
    async until(total, accepted) {
      const deadline = performance.now() + DRAIN_TIMEOUT_MS;
      while ((polls.at(-1)?.visible ?? 0) < total && performance.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, POLL_MS / 2));
      }
      running = false;
      await loop;
      const lags = [];
      let cumulative = 0;
      let j = 0;
      const perResponse = total / Math.max(1, accepted.length);
      for (const response of accepted) {
        cumulative += perResponse;
        while (j < polls.length && (polls[j].at < response.at || polls[j].visible < cumulative)) {
          j++;
        }
        lags.push(j < polls.length ? (polls[j].at - response.at) / 1000 : Number.POSITIVE_INFINITY);
      }
      lags.sort((a, b) => a - b);
      const last = accepted.at(-1)?.at ?? 0;
      const done = polls.find((poll) => poll.visible >= total && poll.at >= last);
      return {
        p50: lags[Math.floor(lags.length / 2)] ?? Number.NaN,
        max: lags.at(-1) ?? Number.NaN,
        drain: done ? (done.at - last) / 1000 : Number.POSITIVE_INFINITY,
        visible: polls.at(-1)?.visible ?? 0,
      };
    },
  };
}
