// Who the page says it is, against who owns its domain: a brand named in the title, first
// headings or logo on a domain the brand does not own is a mismatch; on its own domain (or on a
// government domain, which only governments can register) it is the official page.
import type { ScanSignal } from '../types.ts';
import type { BrandInfo } from './matcher.ts';
import { makeSignal } from './signals.ts';
import type { TextEvidence } from './text-evidence.ts';

// Registries that only admit governments: gov, gov.xx, go.th, gob.pe, gouv.fr, govt.nz, mil...
const GOVERNMENT_DOMAIN = /\.(gov|gob|gouv|govt|mil)(\.[a-z]{2})?$|\.go\.[a-z]{2}$/;
// A site's own name shorter than this is too likely to occur by chance in a title.
const MIN_SITE_NAME = 4;

export function isGovernmentDomain(domain: string): boolean {
  return GOVERNMENT_DOMAIN.test(domain);
}

export function isOwnedBy(brand: BrandInfo, domain: string): boolean {
  return brand.domains.some((owned) => domain === owned || domain.endsWith(`.${owned}`));
}

/** A brand's names squeezed to letters and digits (`Pay Pal` → `paypal`), as a domain label would hold them. */
function squeezedNames(brand: BrandInfo): string[] {
  return [brand.name, ...(brand.aliases ?? [])].map((name) => name.toLowerCase().replace(/[^a-z0-9]/g, '')).filter((name) => name.length >= MIN_SITE_NAME);
}

/**
 * The page names its own site in its title or headings (`example-news.com` → "Example News").
 * A site whose name holds a brand it claims names itself only if the brand is claimed nowhere
 * else: "The Herald Ledger" on heraldledger.com does, but `binance-latam-evento.test` titled
 * "Binance LATAM evento" with a Binance logo only wears the brand.
 */
function namesItself(claimText: string, domain: string, claimed: readonly BrandInfo[]): boolean {
  const siteName = domain.split('.')[0]!.replace(/-/g, '');
  const squeezed = claimText.replace(/[\s-]/g, '');
  if (siteName.length < MIN_SITE_NAME || !squeezed.includes(siteName)) return false;
  const elsewhere = squeezed.split(siteName).join('\n');
  return !claimed.some((brand) => squeezedNames(brand).some((name) => siteName.includes(name) && elsewhere.includes(name)));
}

/** `brand_mismatch` or `context_official`, from the brands the page claims and its registrable domain. */
export function brandSignals(evidence: TextEvidence, brands: readonly BrandInfo[], domain: string | null): ScanSignal[] {
  if (domain !== null && isGovernmentDomain(domain)) return [makeSignal('context_official', domain)];
  const claimed = [...evidence.claimedBrands].map((index) => brands[index]!);
  if (claimed.length === 0) return [];
  const owned = domain === null ? undefined : claimed.find((brand) => isOwnedBy(brand, domain));
  if (owned) return [makeSignal('context_official', owned.name)];
  if (domain !== null && namesItself(evidence.claimText, domain, claimed)) return [];
  return [makeSignal('brand_mismatch', claimed.map((brand) => brand.name).slice(0, 3).join(', '))];
}
