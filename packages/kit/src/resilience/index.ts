export {
  CircuitBreaker,
  type CircuitBreakerOptions,
  type CircuitState,
} from './circuit-breaker.js';
export { CircuitOpenError, TimeoutError } from './errors.js';
export { type MapConcurrentOptions, mapConcurrent, Pool } from './pool.js';
export { backoffMs, type RetryOptions, retry } from './retry.js';
export { sleep } from './sleep.js';
export { withTimeout } from './timeout.js';
