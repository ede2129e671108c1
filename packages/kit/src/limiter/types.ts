export interface TakeResult {
  allowed: boolean;
  /** The bucket's capacity: the most requests a key can burst. */
  limit: number;
  /** Whole tokens left after this take. */
  remaining: number;
  /** Milliseconds until the bucket is full again. */
  resetMs: number;
  /** 0 when allowed; otherwise milliseconds until `cost` tokens are there (Retry-After). */
  retryAfterMs: number;
}

export interface Limiter {
  /**
   * Takes `cost` (default 1) tokens from key's bucket if it holds that many; a refused take
   * costs nothing. Throws RangeError when cost is negative or above capacity (never allowed).
   */
  take(key: string, cost?: number): Promise<TakeResult>;
  close(): Promise<void>;
}

export interface BucketConfig {
  /** Tokens a full bucket holds: the burst size. */
  capacity: number;
  /** Tokens added per second: the sustained rate. */
  refillPerSec: number;
}
