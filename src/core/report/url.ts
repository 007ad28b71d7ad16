// The one place report code turns a user-supplied URL into the form reports are stored and grouped in.
// TEMPORARY until core's `canonicalizeUrl` (src/core/url/) lands: then this file becomes a re-export.

/** The page URL in canonical form, or `null` when it is not an http(s) URL. */
export function canonicalizeReportUrl(input: string): string | null {
  const trimmed = input.trim();
  if (!/^https?:\/\//i.test(trimmed)) return null;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return null;
  }
  if (url.hostname === '') return null;
  url.hash = '';
  url.username = '';
  url.password = '';
  url.port = '';
  return url.href;
}
