import { createHash } from 'node:crypto';

/**
 * The token bucket of token-bucket.ts as one Lua script, so read-refill-take-write is a
 * single atomic step on the node: replicas sharing a key can never both spend the last
 * token. The time comes from the Redis server (TIME), not from the callers, so replicas
 * with skewed clocks still agree; each key lives on one node, so one clock rules a bucket.
 * Redis 7 replicates scripts by their effects, which makes calling TIME before a write safe.
 *
 * KEYS[1] bucket · ARGV capacity, refillPerSec, cost
 * → { allowed 0|1, remaining, resetMs, retryAfterMs } as integers.
 */
export const BUCKET_SCRIPT = `
local capacity = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])
local cost = tonumber(ARGV[3])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local saved = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(saved[1])
local at = tonumber(saved[2])
if tokens == nil or at == nil then
  tokens = capacity
  at = now
end
if now > at then
  tokens = math.min(capacity, tokens + (now - at) * rate / 1000)
  at = now
end
local allowed = 0
if tokens >= cost then
  tokens = tokens - cost
  allowed = 1
end
local msPerToken = 1000 / rate
local resetMs = math.ceil((capacity - tokens) * msPerToken)
local retryAfterMs = 0
if allowed == 0 then
  retryAfterMs = math.ceil((cost - tokens) * msPerToken)
end
if resetMs > 0 then
  -- tostring keeps only 14 digits; a ms timestamp with its microseconds needs 16.
  redis.call('HSET', KEYS[1], 'tokens', string.format('%.17g', tokens), 'at', string.format('%.3f', at))
  redis.call('PEXPIRE', KEYS[1], resetMs)
else
  redis.call('DEL', KEYS[1])
end
return { allowed, math.floor(tokens), resetMs, retryAfterMs }
`;

export const BUCKET_SCRIPT_SHA = createHash('sha1').update(BUCKET_SCRIPT).digest('hex');
