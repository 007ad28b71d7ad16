// Settings fixed when the extension is built (DESIGN.md seams). `vite build` injects the
// environment's SCAM_WARNER_* values; an empty or missing value means the production default.

const DEFAULT_FEED_URL = 'https://feed.scam-warner.example/v1/feed.json';
const DEFAULT_REPORT_URL = 'https://reports.scam-warner.example/v1/reports';
/** Public Ed25519 keys the feed must be signed with, comma-separated; none pinned until a release sets them. */
const DEFAULT_FEED_KEYS = '';

function readSetting(value: string | undefined, fallback: string): string {
  return value !== undefined && value.trim() !== '' ? value.trim() : fallback;
}

export const FEED_URL = readSetting(import.meta.env.SCAM_WARNER_FEED_URL, DEFAULT_FEED_URL);
export const REPORT_URL = readSetting(import.meta.env.SCAM_WARNER_REPORT_URL, DEFAULT_REPORT_URL);
export const FEED_KEYS: readonly string[] = readSetting(import.meta.env.SCAM_WARNER_FEED_KEYS, DEFAULT_FEED_KEYS)
  .split(',')
  .map((key) => key.trim())
  .filter((key) => key !== '');
