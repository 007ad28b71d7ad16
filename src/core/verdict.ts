// checkUrl: one verdict for one URL from every kind of evidence the caller holds. Order of trust:
// the user's allowlist, then the maintainers' allow entries, then block entries, then lookalike and
// page evidence. Allowlists always win; lookalike and page patterns can only say "suspicious".
import type { BlocklistIndex, IndexMatch } from './blocklist/index.ts';
import { findBrandByDomain, type BrandSector } from './lookalike/brands.ts';
import { detectLookalikes } from './lookalike/detect.ts';
import type { Category, Reason, ScanResult, ScanSignal, Sensitivity, Verdict } from './types.ts';
import { canonicalizeUrl } from './url/canonicalize.ts';

export interface UrlCheckContext {
  /** The maintainers' list (block and allow entries); none means lists are not consulted. */
  index?: Pick<BlocklistIndex, 'lookupCanonical'> | null;
  /** Hosts the user trusts; each covers its subdomains. */
  userAllowlist?: readonly string[];
  sensitivity?: Sensitivity;
  /** The page-pattern scan of this very URL, when the page has been read. */
  page?: ScanResult | null;
}

/** Lookalike findings at least this strong make a URL suspicious on their own (weights are 0..1). */
export const LOOKALIKE_THRESHOLDS: Readonly<Record<Sensitivity, number>> = { low: 0.8, normal: 0.5, high: 0.3 };

const SECTOR_CATEGORY: Readonly<Record<BrandSector, Category>> = {
  finance: 'phishing', crypto: 'phishing', platform: 'phishing', telecom: 'phishing', 'top-site': 'phishing',
  parcel: 'parcel', authority: 'impersonation',
};

export function checkUrl(url: string, context: UrlCheckContext = {}): Verdict {
  const canonical = canonicalizeUrl(url);
  const host = canonical === null ? null : hostOf(canonical);
  if (canonical === null || host === null) return verdictOf(url, 'unknown', null, []);
  const trusted = context.userAllowlist?.find((site) => isHostWithin(host, site));
  if (trusted !== undefined) return verdictOf(url, 'safe', null, [{ kind: 'allowlist', entry: trusted, source: 'user' }]);
  const match = context.index?.lookupCanonical(canonical) ?? null;
  if (match !== null) return listVerdict(url, match);
  return evidenceVerdict(url, host, context);
}

function listVerdict(url: string, match: IndexMatch): Verdict {
  const { category, source, added } = match.meta;
  if (match.action === 'allow') return verdictOf(url, 'safe', null, [{ kind: 'allowlist', entry: match.entry, source }]);
  return verdictOf(url, 'dangerous', category, [{ kind: 'blocklist', entry: match.entry, entryKind: match.kind, category, source, added }]);
}

/**
 * No list speaks for the URL: a lookalike at or above the sensitivity's threshold, or a page the
 * scanner found suspicious, makes it suspicious. A weaker lookalike still counts when the page
 * itself asks for something or acts like a scam: a near-miss domain that asks for a password is more
 * than either alone, while a news story's pressure words are not.
 */
function evidenceVerdict(url: string, host: string, context: UrlCheckContext): Verdict {
  const threshold = LOOKALIKE_THRESHOLDS[context.sensitivity ?? 'normal'];
  const page = context.page ?? null;
  const isPageSuspicious = page?.verdict === 'suspicious';
  const hasPageEvidence = page !== null && page.reasons.length > 0 && page.signals.some(isAskOrDeed);
  const lookalikes = detectLookalikes(host).filter((reason) => reasonWeight(reason) >= threshold || hasPageEvidence);
  if (lookalikes.length === 0 && !isPageSuspicious) return verdictOf(url, 'unknown', null, []);
  const pageReasons = isPageSuspicious || hasPageEvidence ? page.reasons : [];
  const category = page?.category ?? lookalikeCategory(lookalikes[0]);
  return verdictOf(url, 'suspicious', category, [...lookalikes, ...pageReasons]);
}

function isAskOrDeed(signal: ScanSignal): boolean {
  return signal.weight > 0 && (signal.kind === 'ask' || signal.kind === 'behaviour' || signal.kind === 'mismatch');
}

function lookalikeCategory(reason: Reason | undefined): Category | null {
  if (reason === undefined || !('brandDomain' in reason)) return null;
  const brand = findBrandByDomain(reason.brandDomain);
  return brand === undefined ? 'phishing' : SECTOR_CATEGORY[brand.sector];
}

function reasonWeight(reason: Reason): number {
  return 'weight' in reason ? reason.weight : 0;
}

/** The host of a canonical URL (`http://host/path`). */
function hostOf(canonical: string): string | null {
  const start = canonical.indexOf('//') + 2;
  const end = canonical.indexOf('/', start);
  return start < 2 || end < 0 ? null : canonical.slice(start, end);
}

/** True when `host` is `site` or one of its subdomains. */
export function isHostWithin(host: string, site: string): boolean {
  return host === site || (host.length > site.length && host.endsWith(site) && host[host.length - site.length - 1] === '.');
}

function verdictOf(url: string, verdict: Verdict['verdict'], category: Category | null, reasons: Reason[]): Verdict {
  return { url, verdict, category, reasons };
}
