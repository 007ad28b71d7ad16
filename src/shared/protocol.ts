// The one message protocol between the extension's parts: each message name maps to the request
// it carries and the response it gets. Callers use `send`; the background's router has a handler
// table typed from `Protocol`, so a message without a handler does not compile.
// To add a message: add it to `Protocol`, then a handler and a validator in src/background.
import type { Category, PageSnapshot, Reason, Verdict, VerdictLevel } from '../core/types.ts';
import { getExtensionApi } from './ext.ts';

export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

/** A request that carries nothing: the sender itself says what it is about. */
export type EmptyRequest = Record<string, never>;

/** What a content script learns about its own page. */
export interface PageVerdict {
  verdict: VerdictLevel;
  category: Category | null;
  reasons: Reason[];
  /** False when the user dismissed the banner for this site. */
  shouldShowBanner: boolean;
  /** The background is sending the tab to the warning page (a listed page the user did not choose to open). */
  isStopping: boolean;
  /** High-confidence scareware: leave fullscreen and stay out of it (the background mutes the tab). */
  shouldContain: boolean;
}

export interface SyncResult {
  /** ISO time of the attempt. */
  at: string;
  isOk: boolean;
  /** A stable code for a refusal or failure (`bad-signature`, `offline`...). */
  code: string | null;
  message: string | null;
}

export interface ListStatus {
  version: number;
  entryCount: number;
  /** `seed`: the snapshot bundled with the extension; `feed`: a signed update. */
  origin: 'seed' | 'feed';
  /** ISO time this list was installed. */
  updatedAt: string;
  lastSync: SyncResult | null;
}

export interface TabView {
  tabId: number;
  /** The web page the tab shows (for the warning page: the page it stopped); null for other pages. */
  url: string | null;
  host: string | null;
  verdict: Verdict | null;
  /** The host is on the user's allowlist. */
  isTrusted: boolean;
  list: ListStatus;
}

export interface AllowedSite {
  host: string;
  /** ISO time it was added. */
  added: string;
}

export type Sensitivity = 'low' | 'normal' | 'high';

export interface Settings {
  sensitivity: Sensitivity;
  /** A mirror of the feed (still signed by the pinned keys); null for the built-in address. */
  feedUrl: string | null;
  isAutoUpdateOn: boolean;
}

export interface Protocol {
  /** Content script: the verdict of the sender's own page (its URL comes from the sender, never the payload). */
  'verdict.get': { request: EmptyRequest; response: PageVerdict };
  /** Content script: what its page shows (bounded), scanned in the background; the answer includes the URL's evidence. */
  'page.scan': { request: { snapshot: PageSnapshot }; response: PageVerdict };
  /** Content script: stop showing the banner on the sender's site. */
  'banner.dismiss': { request: EmptyRequest; response: null };
  /** Warning page: why this URL was stopped. */
  'warning.describe': { request: { url: string }; response: Verdict };
  /** Warning page: allow this URL's site in the warning page's own tab only. */
  'warning.proceed': { request: { url: string }; response: null };
  /** Popup: what the given tab shows and why. */
  'tab.describe': { request: { tabId: number }; response: TabView };
  /** Extension pages: the user's allowlist. */
  'site.trust': { request: { host: string }; response: AllowedSite[] };
  'site.untrust': { request: { host: string }; response: AllowedSite[] };
  'allowlist.get': { request: EmptyRequest; response: AllowedSite[] };
  'settings.get': { request: EmptyRequest; response: Settings };
  'settings.set': { request: Partial<Settings>; response: Settings };
  'list.status': { request: EmptyRequest; response: ListStatus };
}

export type MessageName = keyof Protocol;
export type RequestOf<K extends MessageName> = Protocol[K]['request'];
export type ResponseOf<K extends MessageName> = Protocol[K]['response'];

export interface Envelope<K extends MessageName = MessageName> {
  name: K;
  request: RequestOf<K>;
}

export class MessageError extends Error {
  override name = 'MessageError';
}

/** Sends one message to the background and returns its value, or throws `MessageError` with its reason. */
export async function send<K extends MessageName>(name: K, request: RequestOf<K>): Promise<ResponseOf<K>> {
  const envelope: Envelope<K> = { name, request };
  const reply = (await getExtensionApi().runtime.sendMessage(envelope)) as Reply<ResponseOf<K>> | undefined;
  if (reply === undefined || reply === null || typeof reply !== 'object') throw new MessageError(`${name}: no reply`);
  if (!reply.ok) throw new MessageError(`${name}: ${reply.error}`);
  return reply.value;
}
