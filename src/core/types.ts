// The vocabulary every part of Scam Warner shares: entries, categories, evidence and verdicts.

/** Scam categories, shared by list entries, page signals, reports and the UI (`category_<id>` in _locales). */
export const CATEGORIES = [
  'phishing', // credential and card phishing
  'investment', // fake investment platforms, pig butchering
  'tech-support', // scareware, fake support lines
  'giveaway', // crypto giveaways, "send 1 get 2"
  'parcel', // parcel and delivery fees
  'impersonation', // police, tax, toll and other authorities, banks, loved ones
  'prize', // prizes and lotteries
  'gift-card', // gift-card payment demands
  'fake-shop',
  'job', // task and job scams
  'malware',
  'other',
] as const;
export type Category = (typeof CATEGORIES)[number];

export function isCategory(value: unknown): value is Category {
  return typeof value === 'string' && (CATEGORIES as readonly string[]).includes(value);
}

/** What a list entry matches: a registrable domain with its subdomains, one exact host, or a URL prefix. */
export type EntryKind = 'domain' | 'host' | 'url-prefix';
/** Literal strings a scam page shows, matched in page text (never regular expressions). */
export type IndicatorKind = 'phrase' | 'wallet' | 'phone' | 'payment-handle';

export interface EntryMeta {
  category: Category;
  /** Where the entry came from: a source list's name, "community report", "user". */
  source: string;
  /** Day the entry was added, `YYYY-MM-DD`. */
  added: string;
}

export interface ListEntry extends EntryMeta {
  kind: EntryKind;
  /** Normalized value: `evil.com`, `login.evil.com`, `sites.google.com/view/x`. */
  value: string;
  /** Allow entries always win over block entries. */
  allow?: boolean;
}

export interface Indicator extends EntryMeta {
  kind: IndicatorKind;
  value: string;
}

export type VerdictLevel = 'dangerous' | 'suspicious' | 'unknown' | 'safe';

export type LookalikeTechnique = 'confusable' | 'typo' | 'embedding' | 'combo' | 'subdomain';

/** One piece of evidence behind a verdict, in a form the UI can put into words. */
export type Reason =
  | { kind: 'blocklist'; entry: string; entryKind: EntryKind; category: Category; source: string; added: string }
  | { kind: 'allowlist'; entry: string; source: string }
  | { kind: `lookalike-${LookalikeTechnique}`; brand: string; brandDomain: string; weight: number }
  | { kind: 'signal'; signal: string; category: Category | null; weight: number; evidence?: string }
  | { kind: 'indicator'; indicatorKind: IndicatorKind; value: string; category: Category; source: string; weight: number };

export interface Verdict {
  url: string;
  verdict: VerdictLevel;
  /** The most likely scam category, when there is one. */
  category: Category | null;
  reasons: Reason[];
}

/** How readily page patterns alone make a page `suspicious` (a user setting). */
export type Sensitivity = 'low' | 'normal' | 'high';

/** One form field as the content script saw it; every string is bounded by the snapshot limits. */
export interface SnapshotField {
  tag: 'input' | 'select' | 'textarea';
  type: string;
  name: string;
  id: string;
  autocomplete: string;
  inputMode: string;
  placeholder: string;
  /** Text of its `<label>`, `aria-label` or enclosing label. */
  label: string;
  /** `maxlength`, or -1 when absent. */
  maxLength: number;
}

export interface SnapshotForm {
  /** The form's `action` attribute as written ('' for fields outside any form). */
  action: string;
  fields: SnapshotField[];
}

/** What the page did, counted in its own world by the main-world script; counters only grow. */
export interface BehaviourCounters {
  fullscreen: number;
  keyboardLock: number;
  pointerLock: number;
  beforeUnload: number;
  contextMenuBlock: number;
  keyBlock: number;
  historyPush: number;
  audioRestart: number;
  dialog: number;
}

/** A bounded, structured copy of a page: what the content script sends the background to scan. */
export interface PageSnapshot {
  url: string;
  title: string;
  lang: string;
  /** Visible text from the start of the body, whitespace collapsed, capped. */
  text: string;
  headings: string[];
  buttons: string[];
  forms: SnapshotForm[];
  links: string[];
  imageAlts: string[];
  /** File names of the page's images, without path or extension: logos name their brand (`stcpay-logo`). */
  imageNames?: string[];
  /** Struck-out texts (`<s>`, `<del>`): a shop's "was" prices. */
  struck?: string[];
  behaviour: BehaviourCounters;
  /** Some limit was reached: the page had more than the snapshot holds. */
  truncated: boolean;
}

/** Which part of the page pattern model a signal belongs to (DESIGN.md, "Page patterns"). */
export type SignalKind = 'ask' | 'pressure' | 'behaviour' | 'mismatch' | 'context';

/** One page-pattern signal that fired (`signal_<id>` in _locales names it for the user). */
export interface ScanSignal {
  id: string;
  kind: SignalKind;
  category: Category | null;
  /** Contribution to the score; negative for context that makes a scam less likely. */
  weight: number;
  /** What fired it: the phrase, field or counter, for maintainers and the popup. */
  evidence: string;
}

export interface ScanResult {
  signals: ScanSignal[];
  /** Score per scam category (only categories with evidence). */
  scores: Partial<Record<Category, number>>;
  /** The best-supported category, when there is one. */
  category: Category | null;
  /** `suspicious` when the page's own evidence crosses the threshold; page patterns never say more. */
  verdict: 'suspicious' | null;
  /** The evidence behind the verdict, as `signal` and `indicator` reasons. */
  reasons: Reason[];
}
