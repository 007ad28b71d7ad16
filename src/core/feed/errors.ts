// Every way the client refuses feed data, each with a stable code the extension maps to a localized
// message (`feed_error_<code>` in _locales) and a plain English message for logs and the CLI.

export const FEED_ERROR_CODES = [
  'unknown-key', // feed.json names a key the extension does not pin
  'bad-signature', // the signature does not match the signed bytes
  'rollback', // feed.json is older than the list the client has
  'replay', // feed.json is the version the client already has
  'expired', // feed.json is past its expiry (a frozen feed)
  'too-large', // a file is over its size cap
  'size-mismatch', // a file's size differs from what feed.json says
  'hash-mismatch', // a file's SHA-256 differs from what feed.json says
  'malformed', // not the expected JSON shape
  'not-applicable', // a delta does not start from the client's version
] as const;
export type FeedErrorCode = (typeof FEED_ERROR_CODES)[number];

export class FeedError extends Error {
  override readonly name = 'FeedError';
  constructor(
    readonly code: FeedErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export function isFeedError(error: unknown, code?: FeedErrorCode): error is FeedError {
  return error instanceof FeedError && (code === undefined || error.code === code);
}

/** The _locales key of a refusal's plain-language message, e.g. `feed_error_bad_signature`. */
export function feedErrorMessageKey(code: FeedErrorCode): `feed_error_${string}` {
  return `feed_error_${code.replace(/-/g, '_')}`;
}
