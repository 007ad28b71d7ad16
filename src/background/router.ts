// The one message router. Before dispatch it decides who is asking (trust tiers, as in uBO Lite
// and Ghostery): a content script speaks only about its own tab and its own URL, taken from the
// sender and never from the payload; extension pages (checked by origin) may change settings,
// allowlists and "proceed anyway". Then the payload is size-checked and validated.
import type { MessageName, Reply, RequestOf, ResponseOf } from '../shared/protocol.ts';
import { ValidationError } from './validate.ts';
import { errorMessage } from '../core/error-message.ts';

/** `content-top`: the top frame's content script only. */
export type Tier = 'content' | 'content-top' | 'extension';

export type Caller =
  | { kind: 'content'; tabId: number; frameId: number; url: string }
  | { kind: 'extension'; tabId: number | null; url: string };

export interface HandlerSpec<K extends MessageName> {
  tier: Tier;
  /** Largest accepted message, in characters of JSON. */
  maxSize?: number;
  validate(value: unknown): RequestOf<K>;
  handle(request: RequestOf<K>, caller: Caller): Promise<ResponseOf<K>>;
}

/** Every message has a spec: a message without a handler is a compile error here. */
export type HandlerTable = { [K in MessageName]: HandlerSpec<K> };

/** The parts of `runtime.MessageSender` the router reads (Chromium also gives `origin`). */
export interface Sender {
  id?: string;
  url?: string;
  origin?: string;
  frameId?: number;
  tab?: { id?: number };
}

export interface RouterIdentity {
  runtimeId: string;
  /** The extension's origins: its own and, for pages opened by a dynamic URL, that one. */
  extensionOrigins: readonly string[];
}

const DEFAULT_MAX_SIZE = 4096;

/** `scheme://host` of a URL; also for extension schemes, whose origin some URL parsers call "null". */
export function readOrigin(url: string | undefined): string | null {
  if (url === undefined) return null;
  try {
    const parsed = new URL(url);
    return parsed.host === '' ? null : `${parsed.protocol}//${parsed.host}`;
  } catch {
    return null;
  }
}

export function identifyCaller(sender: Sender, identity: RouterIdentity): Caller | null {
  if (sender.id !== identity.runtimeId) return null;
  const origin = readOrigin(sender.url);
  if (origin === null || sender.url === undefined) return null;
  const tabId = sender.tab?.id ?? null;
  if (identity.extensionOrigins.includes(origin)) {
    if (sender.origin !== undefined && !identity.extensionOrigins.includes(sender.origin)) return null;
    // None of our pages is ever framed by design; the web-accessible warning page can be, by a hostile
    // page hoping for a click on "Proceed" it cannot see. The page refuses to act; so does this.
    if (sender.frameId !== undefined && sender.frameId !== 0) return null;
    return { kind: 'extension', tabId, url: sender.url };
  }
  const isWebPage = origin.startsWith('http://') || origin.startsWith('https://');
  if (!isWebPage || tabId === null || tabId < 0 || sender.frameId === undefined) return null;
  return { kind: 'content', tabId, frameId: sender.frameId, url: sender.url };
}

function isAllowed(tier: Tier, caller: Caller): boolean {
  if (tier === 'extension') return caller.kind === 'extension';
  if (caller.kind !== 'content') return false;
  return tier === 'content' || caller.frameId === 0;
}

function readEnvelope(message: unknown): { name: string; request: unknown } | null {
  if (typeof message !== 'object' || message === null) return null;
  const { name, request } = message as { name?: unknown; request?: unknown };
  return typeof name === 'string' ? { name, request } : null;
}

function measure(message: unknown): number {
  try {
    return JSON.stringify(message)?.length ?? 0;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

export type Router = (message: unknown, sender: Sender) => Promise<Reply<unknown>>;

export function createRouter(table: HandlerTable, identity: RouterIdentity): Router {
  return async (message, sender) => {
    const envelope = readEnvelope(message);
    if (envelope === null || !Object.hasOwn(table, envelope.name)) return { ok: false, error: 'unknown message' };
    const spec = table[envelope.name as MessageName] as HandlerSpec<MessageName>;
    const caller = identifyCaller(sender, identity);
    if (caller === null || !isAllowed(spec.tier, caller)) return { ok: false, error: 'not allowed' };
    if (measure(envelope.request) > (spec.maxSize ?? DEFAULT_MAX_SIZE)) return { ok: false, error: 'bad request: too large' };
    try {
      const request = spec.validate(envelope.request);
      return { ok: true, value: await spec.handle(request, caller) };
    } catch (error) {
      const text = errorMessage(error);
      return { ok: false, error: error instanceof ValidationError ? `bad request: ${text}` : text };
    }
  };
}
