// The one message protocol between the extension's parts: each message name maps to the request
// it carries and the response it gets. Callers use `send`; the background's router has a handler
// table typed from `Protocol`, so a message without a handler does not compile.
// To add a message: add it to `Protocol`, then a handler and a validator in src/background.
import type { Report, ReportFieldError, ReportKind } from '../core/report/report-types.ts';
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

/**
 * Background to content script, when a page it flags commits: the banner's verdict, sent ahead of
 * the answer to the page's own `verdict.get` (which stays the way it learns everything else).
 */
export interface VerdictPush {
  name: 'verdict.push';
  verdict: PageVerdict;
}

export function isVerdictPush(value: unknown): value is VerdictPush {
  const push = value as Partial<VerdictPush> | null;
  return typeof push === 'object' && push !== null && push.name === 'verdict.push' && typeof push.verdict === 'object' && push.verdict !== null;
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
  /**
   * `seed`: the snapshot bundled with the extension; `feed`: a signed update; `none`: no list yet
   * (the bundled one failed verification, and no update has come).
   */
  origin: 'seed' | 'feed' | 'none';
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

/** A report for the user to look over before sending: built by the background, kept there by id. */
export interface ReportDraft {
  id: string;
  report: Report;
}

/** What the user may change in a draft: the category (null: none) and a note. */
export interface ReportChoices {
  category: Category | null;
  note: string;
}

export type ReportDelivery = 'queued' | 'sent' | 'refused';

/** `ReportState.lastProblem` when no answer came at all (offline, server down); pages say it in words. */
export const REPORT_UNREACHABLE = 'unreachable';

/** A report in the queue or its recent history, exactly as it is (or was) sent. */
export interface ReportState {
  /** Also the `Idempotency-Key` of every attempt, so a retry never makes a second report. */
  id: string;
  report: Report;
  state: ReportDelivery;
  /** ISO times. */
  queuedAt: string;
  attempts: number;
  /** Queued: when the next attempt is due. */
  nextAttemptAt: string | null;
  /** Queued: why the last attempt did not get through (offline, server busy). */
  lastProblem: string | null;
  /** Sent: the server's id for the report. */
  serverId: string | null;
  /** Sent or refused: when. */
  settledAt: string | null;
  /** Refused: the server's reason. */
  refusal: string | null;
}

export type SubmitResult =
  | { isQueued: true; report: ReportState }
  /** `queue-full`: too many reports wait to be sent; `expired`: the draft is gone (reopen the report). */
  | { isQueued: false; problem: 'invalid' | 'queue-full' | 'expired'; errors: ReportFieldError[] };

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
  /** Extension pages: sites whose suspicious-page banner the user dismissed, and showing it again. */
  'dismissals.get': { request: EmptyRequest; response: AllowedSite[] };
  'dismissal.remove': { request: { host: string }; response: AllowedSite[] };
  'settings.get': { request: EmptyRequest; response: Settings };
  'settings.set': { request: Partial<Settings>; response: Settings };
  'list.status': { request: EmptyRequest; response: ListStatus };
  /** Extension pages ("Check now"): check the feed for a list update now; answers the list's state after the check. */
  'sync.now': { request: EmptyRequest; response: ListStatus };
  /** Extension pages: a report of a page, built from what the background holds for its tab (or, without one, for the URL). */
  'report.draft': { request: { kind: ReportKind; url: string; tabId?: number }; response: ReportDraft };
  /** Extension pages: queue a draft with the user's choices; delivery is retried until the server answers. */
  'report.submit': { request: { draftId: string } & ReportChoices; response: SubmitResult };
  /** Extension pages: the queued and recent reports, newest first. */
  'report.list': { request: EmptyRequest; response: ReportState[] };
  /** Content script: the banner's "This is a mistake": opens the report view for the sender's own page. */
  'banner.mistake': { request: EmptyRequest; response: null };
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
