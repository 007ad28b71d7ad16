// Shape and size checks for message payloads, before any handler sees them. Pages are hostile:
// anything unexpected is refused with a reason, never coerced.
import { isAcceptableFeedUrl } from '../shared/feed-url.ts';
import type { Sensitivity, Settings } from '../shared/protocol.ts';

export class ValidationError extends Error {
  override name = 'ValidationError';
}

const MAX_URL_LENGTH = 8192;
const MAX_HOST_LENGTH = 253;
const SENSITIVITIES: readonly Sensitivity[] = ['low', 'normal', 'high'];

/** A plain object with no keys but the given ones. */
export function readRecord(value: unknown, allowedKeys: readonly string[]): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ValidationError('expected an object');
  const unknownKey = Object.keys(value).find((key) => !allowedKeys.includes(key));
  if (unknownKey !== undefined) throw new ValidationError(`unexpected field "${unknownKey.slice(0, 40)}"`);
  return value as Record<string, unknown>;
}

export function validateEmpty(value: unknown): Record<string, never> {
  readRecord(value ?? {}, []);
  return {};
}

export function readHttpUrl(value: unknown, field = 'url'): string {
  if (typeof value !== 'string' || value.length > MAX_URL_LENGTH) throw new ValidationError(`${field}: expected a URL of at most ${MAX_URL_LENGTH} characters`);
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new ValidationError(`${field}: not a URL`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new ValidationError(`${field}: only http and https addresses`);
  return parsed.href;
}

/** A host name as the URL parser normalizes it (lowercase, punycode); refuses anything else. */
export function readHost(value: unknown): string {
  if (typeof value !== 'string' || value === '' || value.length > MAX_HOST_LENGTH) throw new ValidationError('host: expected a host name');
  let hostname: string;
  try {
    hostname = new URL(`http://${value}/`).hostname;
  } catch {
    throw new ValidationError('host: not a host name');
  }
  if (hostname !== value.toLowerCase().replace(/\.$/, '') || (hostname.includes(':') && !hostname.startsWith('['))) {
    throw new ValidationError('host: not a host name');
  }
  return hostname;
}

export function validateUrlRequest(value: unknown): { url: string } {
  return { url: readHttpUrl(readRecord(value, ['url']).url) };
}

export function validateHostRequest(value: unknown): { host: string } {
  return { host: readHost(readRecord(value, ['host']).host) };
}

export function validateTabRequest(value: unknown): { tabId: number } {
  const { tabId } = readRecord(value, ['tabId']);
  if (typeof tabId !== 'number' || !Number.isSafeInteger(tabId) || tabId < 0) throw new ValidationError('tabId: expected a tab id');
  return { tabId };
}

export function readFeedUrl(value: unknown): string | null {
  if (value === null || value === '') return null;
  const url = readHttpUrl(value, 'feedUrl');
  if (!isAcceptableFeedUrl(url)) throw new ValidationError('feedUrl: only https addresses');
  return url;
}

export function validateSettingsPatch(value: unknown): Partial<Settings> {
  const record = readRecord(value, ['sensitivity', 'feedUrl', 'isAutoUpdateOn']);
  const patch: Partial<Settings> = {};
  if ('sensitivity' in record) {
    if (!SENSITIVITIES.includes(record.sensitivity as Sensitivity)) throw new ValidationError('sensitivity: expected low, normal or high');
    patch.sensitivity = record.sensitivity as Sensitivity;
  }
  if ('feedUrl' in record) patch.feedUrl = readFeedUrl(record.feedUrl);
  if ('isAutoUpdateOn' in record) {
    if (typeof record.isAutoUpdateOn !== 'boolean') throw new ValidationError('isAutoUpdateOn: expected true or false');
    patch.isAutoUpdateOn = record.isAutoUpdateOn;
  }
  return patch;
}
