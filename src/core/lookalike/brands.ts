// The protected brands: hand-curated brands scammers imitate, then the global top sites, each with
// the registrable domains it owns. Other parts map a brand named in page text to its owner here.
import { getDomain } from 'tldts';
import BRAND_DATA from './brands.json' with { type: 'json' };
import TOP_SITE_DATA from './top-sites.json' with { type: 'json' };

export type BrandSector = 'finance' | 'parcel' | 'authority' | 'telecom' | 'crypto' | 'platform' | 'top-site';

export interface Brand {
  /** Stable id: a slug of a curated brand's name (`paypal`), or a top site's domain (`nytimes.com`). */
  id: string;
  name: string;
  /** Brands with one owner vouch for each other's domains (Facebook and WhatsApp: Meta). */
  owner: string;
  sector: BrandSector;
  /** Official registrable domains, the first the main one. */
  domains: readonly string[];
  /** Other ways the brand is written (`Hotmail`, `Banco de Crédito del Perú`). */
  aliases: readonly string[];
  /** Names that are everyday words or hostnames: known in text, never a host-name token. */
  common: readonly string[];
  /** Its domain names mean nothing else, so the same name under another suffix imitates it. */
  distinct: boolean;
  /** Hand-curated (true) or only known as a top site (false). */
  curated: boolean;
  /** Rank in the top-sites list, when it is a top site. */
  rank?: number;
}

interface BrandRecord {
  name: string;
  sector: string;
  domains: string[];
  owner?: string;
  aliases?: string[];
  common?: string[];
  distinct?: boolean;
}

const SECTORS: readonly BrandSector[] = ['finance', 'parcel', 'authority', 'telecom', 'crypto', 'platform', 'top-site'];

const SHARED_HOSTS: readonly string[] = BRAND_DATA.sharedHosts;

export interface SharedSite {
  /** The user's site (`paypal-login.weebly.com`). */
  site: string;
  /** The shared host it lives on (`weebly.com`). */
  host: string;
}

/** The user's site when a host lies on a shared host the Public Suffix List leaves out, else null. */
export function findSharedSite(host: string): SharedSite | null {
  for (const shared of SHARED_HOSTS) {
    if (!host.endsWith(`.${shared}`)) continue;
    const label = host.slice(0, -shared.length - 1).split('.').pop();
    return label !== undefined && label !== '' && label !== 'www' ? { site: `${label}.${shared}`, host: shared } : null;
  }
  return null;
}

/**
 * Registrable domain of a host, private suffixes on (`user.github.io` is its own site), and so is
 * a user's site on a shared host (`shop.weebly.com`).
 */
export function toRegistrableDomain(host: string): string | null {
  const normalized = host.trim().toLowerCase().replace(/\.$/, '');
  return findSharedSite(normalized)?.site ?? getDomain(normalized, { allowPrivateDomains: true });
}

/** Lowercase letters and digits only, accents dropped: `Banco de Crédito` -> `bancodecredito`. */
export function normalizeBrandName(name: string): string {
  return name.normalize('NFKD').replace(/\p{Mn}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}\p{M}]/gu, '');
}

function toBrand(record: BrandRecord): Brand {
  const sector = SECTORS.find((known) => known === record.sector);
  if (sector === undefined) throw new Error(`brands.json: ${record.name} has unknown sector "${record.sector}"`);
  for (const domain of record.domains) {
    if (toRegistrableDomain(domain) !== domain) {
      throw new Error(`brands.json: ${record.name} lists "${domain}", which is not a registrable domain`);
    }
  }
  if (record.domains.length === 0) throw new Error(`brands.json: ${record.name} has no domain`);
  return {
    id: normalizeBrandName(record.name),
    name: record.name,
    owner: record.owner ?? record.name,
    sector,
    domains: record.domains,
    aliases: record.aliases ?? [],
    common: record.common ?? [],
    distinct: record.distinct === true,
    curated: true,
  };
}

// A top site's brand is its registrable domain (`wordpress.com`); a top site on a shared host
// (`files.wordpress.com`) is protected as its own site and belongs to that brand.
function addTopSites(brands: Brand[], byDomain: Map<string, Brand>): void {
  for (const [rank, host] of TOP_SITE_DATA.sites as [number, string][]) {
    const owner = getDomain(host, { allowPrivateDomains: true }) ?? host;
    const site = toRegistrableDomain(host) ?? host;
    let brand = byDomain.get(owner);
    if (brand === undefined) {
      brand = {
        id: owner, name: owner, owner, sector: 'top-site', domains: [owner],
        aliases: [], common: [], distinct: false, curated: false, rank,
      };
      brands.push(brand);
      byDomain.set(owner, brand);
    }
    brand.rank ??= rank;
    if (!byDomain.has(site)) {
      brand.domains = [...brand.domains, site];
      byDomain.set(site, brand);
    }
  }
}

function loadBrands(): { brands: Brand[]; byDomain: Map<string, Brand> } {
  const brands = (BRAND_DATA.brands as BrandRecord[]).map(toBrand);
  const byDomain = new Map<string, Brand>();
  for (const brand of brands) {
    for (const domain of brand.domains) {
      const other = byDomain.get(domain);
      if (other !== undefined) throw new Error(`brands.json: ${domain} is listed by both ${other.name} and ${brand.name}`);
      byDomain.set(domain, brand);
    }
  }
  addTopSites(brands, byDomain);
  return { brands, byDomain };
}

const { brands: BRANDS, byDomain: BRAND_BY_DOMAIN } = loadBrands();
const BRAND_BY_NAME = indexNames(BRANDS);

/** Top-site names that are everyday words: a near miss of one is no evidence of imitation. */
export const TOP_SITE_WORDS: ReadonlySet<string> = new Set(BRAND_DATA.topSiteWords);

function indexNames(brands: readonly Brand[]): Map<string, Brand> {
  const byName = new Map<string, Brand>();
  for (const brand of brands) {
    for (const name of [brand.name, ...brand.aliases]) {
      for (const key of [normalizeBrandName(name), name.trim().toLowerCase()]) {
        if (key.length >= 2 && !byName.has(key)) byName.set(key, brand);
      }
    }
  }
  return byName;
}

/** Every protected brand: the curated ones first, then the top sites. */
export function listBrands(): readonly Brand[] {
  return BRANDS;
}

export interface BrandName {
  /** As written in brands.json: `PayPal`, `Banco de Crédito del Perú`, `nytimes.com`. */
  name: string;
  brand: Brand;
}

/** Every name and alias with its brand, for finding brand names in page text. */
export function listBrandNames(): BrandName[] {
  return BRANDS.flatMap((brand) => [brand.name, ...brand.aliases].map((name) => ({ name, brand })));
}

/** The brand a name (`PayPal`, `Pay Pal`, `Banco de Crédito del Perú`) or a domain (`paypal.me`) stands for. */
export function findBrand(nameOrDomain: string): Brand | undefined {
  const text = nameOrDomain.trim();
  if (text.includes('.') && !text.includes(' ')) return findBrandByDomain(text);
  return BRAND_BY_NAME.get(normalizeBrandName(text)) ?? BRAND_BY_NAME.get(text.toLowerCase());
}

/** The brand that owns a host's registrable domain (`www.paypal.com` -> PayPal), if any. */
export function findBrandByDomain(host: string): Brand | undefined {
  const domain = toRegistrableDomain(host) ?? host.trim().toLowerCase();
  return BRAND_BY_DOMAIN.get(domain);
}

/** Whether a host belongs to the brand or to another brand of the same owner. */
export function isOwnedBy(host: string, brand: Brand | string): boolean {
  const claimed = typeof brand === 'string' ? findBrand(brand) : brand;
  const owner = findBrandByDomain(host);
  return claimed !== undefined && owner !== undefined && owner.owner === claimed.owner;
}

/** Whether a registrable domain, exactly as given, is a protected brand's or a top site. */
export function isProtectedRegistrableDomain(domain: string): boolean {
  return BRAND_BY_DOMAIN.has(domain);
}

/**
 * Whether a host is a protected brand's own or a top site: such hosts are never flagged or listed.
 * It goes by registrable domain: `x.weebly.com` is a user's site, but `sites.google.com` is Google's.
 */
export function isProtectedDomain(host: string): boolean {
  return findBrandByDomain(host) !== undefined;
}
