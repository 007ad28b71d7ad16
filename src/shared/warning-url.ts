// The warning page's address: the stopped URL travels in the fragment, exactly as the DNR
// redirect's `regexSubstitution` writes it (not encoded), so every path reads it the same way.

export const WARNING_PAGE_PATH = 'src/warning/index.html';

/**
 * The warning page's address under the extension's own origin (`runtime.getURL('/')`). Not
 * `getURL(WARNING_PAGE_PATH)`: with `use_dynamic_url` that one changes every session, and the
 * lasting redirect rules would point at a dead address after a restart.
 */
export function getWarningPageUrl(extensionRoot: string): string {
  return `${extensionRoot.replace(/\/?$/, '/')}${WARNING_PAGE_PATH}`;
}

export function buildWarningUrl(extensionRoot: string, stoppedUrl: string): string {
  return `${getWarningPageUrl(extensionRoot)}#${stoppedUrl}`;
}

/** The stopped URL in a warning page address, or null when `href` is not one (or carries none). */
export function readStoppedUrl(href: string, extensionRoot: string): string | null {
  const page = getWarningPageUrl(extensionRoot);
  const hashAt = href.indexOf('#');
  if (hashAt < 0 || href.slice(0, hashAt).split('?')[0] !== page) return null;
  const stopped = href.slice(hashAt + 1);
  return /^https?:\/\//i.test(stopped) ? stopped : null;
}
