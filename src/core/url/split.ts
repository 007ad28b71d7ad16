// Splits an unescaped URL (a binary string) into scheme, host, path and query, the way browsers read
// http(s) URLs: a missing scheme means http, any number of slashes or backslashes may follow
// `http:`, userinfo and port are dropped.

export interface UrlParts {
  scheme: 'http' | 'https';
  host: string;
  path: string;
  /** Everything after the first '?', or null when there is none. */
  query: string | null;
}

const SCHEME_CHAR = /[a-zA-Z0-9+.-]/;
const PORT_THEN_END = /^[0-9]+(?:[/\\?]|$)/;
const DIGITS = /^[0-9]*$/;

interface SchemeSplit {
  scheme: 'http' | 'https';
  rest: string;
}

/** null for another scheme (mailto:, javascript:, ftp: ...). `host:port` is not mistaken for a scheme. */
function splitScheme(url: string): SchemeSplit | null {
  let end = 0;
  while (end < url.length && SCHEME_CHAR.test(url[end]!)) end++;
  const isScheme = end > 0 && url[end] === ':' && /[a-zA-Z]/.test(url[0]!);
  if (!isScheme) return { scheme: 'http', rest: url };
  const name = url.slice(0, end).toLowerCase();
  if (name === 'http' || name === 'https') {
    return { scheme: name, rest: url.slice(end + 1).replace(/^[/\\]+/, '') };
  }
  return PORT_THEN_END.test(url.slice(end + 1)) ? { scheme: 'http', rest: url } : null;
}

/** The host without userinfo and port; null when the port is not a number or a bracket is unclosed. */
function splitHost(authority: string): string | null {
  const hostAndPort = authority.slice(authority.lastIndexOf('@') + 1);
  const hostEnd = hostAndPort.startsWith('[') ? hostAndPort.indexOf(']') + 1 : hostAndPort.indexOf(':');
  if (hostEnd === 0) return null;
  if (hostEnd < 0) return hostAndPort;
  const port = hostAndPort.slice(hostEnd);
  if (port !== '' && !(port.startsWith(':') && DIGITS.test(port.slice(1)))) return null;
  return hostAndPort.slice(0, hostEnd);
}

export function splitUrl(url: string): UrlParts | null {
  const split = splitScheme(url);
  if (split === null) return null;
  const { rest } = split;
  const authorityEnd = rest.search(/[/\\?]/);
  const host = splitHost(authorityEnd < 0 ? rest : rest.slice(0, authorityEnd));
  if (host === null) return null;
  const pathAndQuery = authorityEnd < 0 ? '' : rest.slice(authorityEnd);
  const queryStart = pathAndQuery.indexOf('?');
  return {
    scheme: split.scheme,
    host,
    path: queryStart < 0 ? pathAndQuery : pathAndQuery.slice(0, queryStart),
    query: queryStart < 0 ? null : pathAndQuery.slice(queryStart + 1),
  };
}

/** Resolves `.` and `..`, collapses repeated slashes; backslashes count as slashes, as in browsers. */
export function resolvePath(path: string): string {
  const segments = path.split(/[/\\]/);
  const kept: string[] = [];
  let hasTrailingSlash = false;
  for (let i = 1; i < segments.length; i++) {
    const segment = segments[i]!;
    if (segment === '..') kept.pop();
    else if (segment !== '.' && segment !== '') kept.push(segment);
    hasTrailingSlash = segment === '' || segment === '.' || segment === '..';
  }
  if (kept.length === 0) return '/';
  return `/${kept.join('/')}${hasTrailingSlash ? '/' : ''}`;
}
