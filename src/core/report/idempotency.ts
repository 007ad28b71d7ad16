// Idempotency keys: the extension's queue gives each report one key when it is queued and sends
// it with every retry, so the server stores a report once however often delivery is retried.

/** Letters, digits and `._:-`, 8 to 128 characters: room for a UUID or a ULID, nothing to escape. */
const KEY_PATTERN = /^[A-Za-z0-9._:-]{8,128}$/;

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

/** A fresh random key (a UUID v4 from the web-standard `crypto`, present in browsers and Node). */
export function createIdempotencyKey(): string {
  return crypto.randomUUID();
}

export function isIdempotencyKey(value: unknown): value is string {
  return typeof value === 'string' && KEY_PATTERN.test(value);
}
