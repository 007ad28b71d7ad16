// Which feed addresses a user may set: https anywhere (a mirror; the feed must still be signed by a
// pinned key), plain http only on this machine, for local testing.

const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

export function isAcceptableFeedUrl(text: string): boolean {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.includes(url.hostname));
}
