// CORS for the extension and nothing else. An extension's background page posts reports from
// `chrome-extension://<id>` or `moz-extension://<uuid>`; web pages get no CORS headers, so a browser
// never lets a page read an answer or send the JSON preflight that a report needs.
import type { IncomingMessage, OutgoingHttpHeaders } from 'node:http';

const EXTENSION_ORIGIN = /^(chrome-extension|moz-extension):\/\/[a-z0-9-]{1,64}$/;
const PREFLIGHT_MAX_AGE_SECONDS = 600;

export function isExtensionOrigin(origin: string | undefined): origin is string {
  return origin !== undefined && EXTENSION_ORIGIN.test(origin);
}

/** Headers for the actual response: none unless the request comes from an extension. */
export function corsHeaders(req: IncomingMessage): OutgoingHttpHeaders {
  const origin = req.headers.origin;
  if (!isExtensionOrigin(origin)) return { Vary: 'Origin' };
  return { 'Access-Control-Allow-Origin': origin, 'Access-Control-Expose-Headers': 'Retry-After', Vary: 'Origin' };
}

/** Headers answering a preflight for `methods`, or null when the origin is not an extension's. */
export function preflightHeaders(req: IncomingMessage, methods: string[], headers: string[]): OutgoingHttpHeaders | null {
  if (!isExtensionOrigin(req.headers.origin)) return null;
  return {
    ...corsHeaders(req),
    'Access-Control-Allow-Methods': methods.join(', '),
    'Access-Control-Allow-Headers': headers.join(', '),
    'Access-Control-Max-Age': String(PREFLIGHT_MAX_AGE_SECONDS),
  };
}

/** Sent by a browser for a web page (a sandboxed one says `null`): any Origin that is not an extension's. */
export function isWebOrigin(origin: string | undefined): boolean {
  return origin !== undefined && !isExtensionOrigin(origin);
}
