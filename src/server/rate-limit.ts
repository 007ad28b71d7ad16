// Per-client token buckets. A client is known only by a salted hash of its address: the salt lives
// in memory and changes on every start, so nothing that identifies a reporter is ever written down,
// and a bucket is forgotten once it has refilled.
import { createHash, randomBytes } from 'node:crypto';
import { isIPv6 } from 'node:net';

export interface RateLimitOptions {
  /** Reports a client may send in a burst. */
  burst: number;
  /** Reports per minute a client may send once its burst is spent. */
  perMinute: number;
  now?: () => number;
}

export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

export interface RateLimiter {
  take(address: string): RateDecision;
  /** Clients currently tracked (for tests and the memory bound). */
  readonly size: number;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/**
 * Beyond this many tracked clients, full buckets are swept before a new one is added; if a flood of
 * addresses leaves too many, the oldest are dropped (they start again with a full bucket), so the
 * memory stays bounded and a sweep's cost is spread over the next tenth of new clients.
 */
const SWEEP_AT = 50_000;
const KEEP_AFTER_SWEEP = SWEEP_AT * 0.9;

export function createRateLimiter(options: RateLimitOptions): RateLimiter {
  const now = options.now ?? Date.now;
  const refillPerMs = options.perMinute / 60_000;
  const salt = randomBytes(16);
  const buckets = new Map<string, Bucket>();

  const refill = (bucket: Bucket, at: number) => {
    bucket.tokens = Math.min(options.burst, bucket.tokens + (at - bucket.updatedAt) * refillPerMs);
    bucket.updatedAt = at;
  };
  const sweep = (at: number) => {
    for (const [key, bucket] of buckets) {
      refill(bucket, at);
      if (bucket.tokens >= options.burst) buckets.delete(key);
    }
    for (const key of buckets.keys()) {
      if (buckets.size <= KEEP_AFTER_SWEEP) break;
      buckets.delete(key);
    }
  };

  return {
    take(address) {
      const at = now();
      const key = clientKey(salt, address);
      let bucket = buckets.get(key);
      if (!bucket) {
        if (buckets.size >= SWEEP_AT) sweep(at);
        bucket = { tokens: options.burst, updatedAt: at };
        buckets.set(key, bucket);
      }
      refill(bucket, at);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return { ok: true };
      }
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / refillPerMs / 1000)) };
    },
    get size() {
      return buckets.size;
    },
  };
}

/** One client per IPv4 address or per IPv6 /64 (a home network gets a whole /64). */
function clientKey(salt: Buffer, address: string): string {
  return createHash('sha256').update(salt).update(networkOf(address)).digest('base64url').slice(0, 22);
}

export function networkOf(address: string): string {
  const mapped = address.match(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i);
  if (mapped?.[1]) return mapped[1];
  if (!isIPv6(address)) return address;
  const groups = expandIPv6(address).slice(0, 4).map((group) => parseInt(group || '0', 16).toString(16));
  return `${groups.join(':')}::/64`;
}

function expandIPv6(address: string): string[] {
  const [head = '', tail = ''] = address.toLowerCase().split('%')[0]?.split('::') ?? [];
  const left = head === '' ? [] : head.split(':');
  const right = tail === '' ? [] : tail.split(':');
  const zeros = Array.from({ length: Math.max(0, 8 - left.length - right.length) }, () => '0');
  return address.includes('::') ? [...left, ...zeros, ...right] : left;
}
