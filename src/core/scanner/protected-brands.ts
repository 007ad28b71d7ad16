// The protected brands of core's lookalike list, in the form the scanner claims them by: the
// hand-curated brands only (top sites are known by domain, not by a name pages use), everyday-word
// names left out, and a brand's domains widened to everything its owner runs (WhatsApp on
// facebook.com, Yape on viabcp.com are the owner's own pages).
import { listBrands, type Brand } from '../lookalike/index.ts';
import type { BrandInfo } from './matcher.ts';

let cached: readonly BrandInfo[] | undefined;

export function toScannerBrands(brands: readonly Brand[]): BrandInfo[] {
  const domainsByOwner = new Map<string, string[]>();
  for (const brand of brands) domainsByOwner.set(brand.owner, [...(domainsByOwner.get(brand.owner) ?? []), ...brand.domains]);
  return brands.flatMap((brand) => {
    const common = new Set(brand.common.map((name) => name.toLowerCase()));
    const [name, ...aliases] = [brand.name, ...brand.aliases].filter((candidate) => !common.has(candidate.toLowerCase()));
    if (!brand.curated || name === undefined) return [];
    return [{ name, aliases, domains: [...new Set(domainsByOwner.get(brand.owner))] }];
  });
}

/** Core's protected brands for `getPageMatcher({ brands })`; the same array every call, so the matcher is built once. */
export function protectedBrands(): readonly BrandInfo[] {
  cached ??= toScannerBrands(listBrands());
  return cached;
}
