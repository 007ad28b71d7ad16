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
// Image file names that say who a page is: those named a logo. Any other picture may show
// anything ("apple-pie.jpg" on a bakery's page).
const LOGO_WORDS = new Set(['logo', 'logotipo', 'crest', 'emblem']);
const MIN_IMAGE_TOKEN = 3;
const namesByBrands = new WeakMap<readonly BrandInfo[], Map<string, number>>();

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

/** Every brand name squeezed to letters and digits, for reading file names; built once per brand list. */
function squeezedIndex(brands: readonly BrandInfo[]): Map<string, number> {
  let index = namesByBrands.get(brands);
  if (!index) {
    index = new Map();
    brands.forEach((brand, position) => {
      for (const name of [brand.name, ...(brand.aliases ?? [])].map((raw) => raw.toLowerCase().replace(/[^a-z0-9]/g, ''))) {
        if (name.length >= MIN_IMAGE_TOKEN && !index!.has(name)) index!.set(name, position);
      }
    });
    namesByBrands.set(brands, index);
  }
  return index;
}

/** Brands named by the page's logo files (`stcpay-logo`, `dbbl_logo`): a word of the name, or two joined (`stc-pay-logo`). */
export function brandsInImageNames(names: readonly string[], brands: readonly BrandInfo[]): Set<number> {
  const index = squeezedIndex(brands);
  const found = new Set<number>();
  for (const name of names) {
    const words = name.split(/[^a-z0-9]+|\d+/).filter(Boolean);
    if (!words.some((word) => LOGO_WORDS.has(word))) continue;
    for (const [at, word] of words.entries()) {
      for (const candidate of [word, word + (words[at + 1] ?? '')]) {
        const brand = index.get(candidate);
        if (brand !== undefined) found.add(brand);
      }
    }
  }
  return found;
}

/** `brand_mismatch` or `context_official`, from the brands the page claims (text and logo files) and its registrable domain. */
export function brandSignals(evidence: TextEvidence, brands: readonly BrandInfo[], domain: string | null, imageNames: readonly string[] = []): ScanSignal[] {
  if (domain !== null && isGovernmentDomain(domain)) return [makeSignal('context_official', domain)];
  const claimed = [...new Set([...evidence.claimedBrands, ...brandsInImageNames(imageNames, brands)])].map((index) => brands[index]!);
  if (claimed.length === 0) return [];
  const owned = domain === null ? undefined : claimed.find((brand) => isOwnedBy(brand, domain));
  if (owned) return [makeSignal('context_official', owned.name)];
  if (domain !== null && namesItself(evidence.claimText, domain, claimed)) return [];
  return [makeSignal('brand_mismatch', claimed.map((brand) => brand.name).slice(0, 3).join(', '))];
}
