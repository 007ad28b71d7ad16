// Settings fixed when the extension is built (DESIGN.md seams). `vite build` injects the
// environment's SCAM_WARNER_* values; an empty or missing value means the default below.
//   SCAM_WARNER_FEED_URL   where feed.json lives (a user may set a mirror in the options; it must
//                          still be signed by a pinned key). Default: the project's feed address.
//   SCAM_WARNER_FEED_KEYS  the base64 Ed25519 public keys (`scam-warner keygen` prints them) that
//                          feed.json may be signed with, comma-separated; pin the next key before
//                          rotating to it. Default: none, and then the build pins a throwaway
//                          development key of its own (src/tools/seed.ts); a release build
//                          (`vite build --mode release`) refuses to build without real keys.
//   SCAM_WARNER_SEED_KEY   (build only) the private key file that signs the bundled seed; needed
//                          with SCAM_WARNER_FEED_KEYS, and its key must be one of them.

const DEFAULT_FEED_URL = 'https://feed.scam-warner.example/v1/feed.json';
const DEFAULT_REPORT_URL = 'https://reports.scam-warner.example/v1/reports';
/** The seed plugin in vite.config.ts always defines the pinned keys; this empty default is what tests see. */
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
