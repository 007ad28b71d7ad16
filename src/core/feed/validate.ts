// Shape checks for JSON read from the network: every failure is a `malformed` FeedError that says
// which field was wrong, so a refusal is never a vague "invalid data".
import { decodeUtf8 } from './bytes.ts';
import { FeedError } from './errors.ts';

export type JsonObject = Record<string, unknown>;

export function malformed(what: string, detail: string): FeedError {
  return new FeedError('malformed', `${what} is malformed: ${detail}`);
}

/** UTF-8 bytes to a JSON value; bad UTF-8 and bad JSON are both `malformed`. */
export function parseJsonBytes(bytes: Uint8Array, what: string): unknown {
  try {
    return JSON.parse(decodeUtf8(bytes));
  } catch (error) {
    throw malformed(what, error instanceof Error ? error.message : 'not JSON');
  }
}

export function expectObject(value: unknown, what: string): JsonObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw malformed(what, 'not an object');
  return value as JsonObject;
}

export function expectArray(value: unknown, what: string): unknown[] {
  if (!Array.isArray(value)) throw malformed(what, 'not an array');
  return value;
}

export function expectString(value: unknown, what: string, pattern?: RegExp, maxLength = 256): string {
  if (typeof value !== 'string' || value.length > maxLength || (pattern && !pattern.test(value))) {
    throw malformed(what, `unexpected value ${JSON.stringify(value)?.slice(0, 80)}`);
  }
  return value;
}

export function expectInteger(value: unknown, what: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw malformed(what, `expected a whole number from ${min} to ${max}, got ${JSON.stringify(value)}`);
  }
  return value;
}

export function expectLiteral<T>(value: unknown, expected: T, what: string): T {
  if (value !== expected) throw malformed(what, `expected ${JSON.stringify(expected)}, got ${JSON.stringify(value)}`);
  return expected;
}

/** An ISO-8601 UTC timestamp as `Date.toISOString()` without milliseconds writes it. */
export function expectTimestamp(value: unknown, what: string): number {
  const text = expectString(value, what, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
  const time = Date.parse(text);
  if (Number.isNaN(time)) throw malformed(what, `not a date: ${text}`);
  return time;
}
