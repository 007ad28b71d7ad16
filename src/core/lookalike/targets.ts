// The lookup structures host checks run against, built once from the brand list: every brand name
// and domain label as a skeleton, a near-miss index, and the token runs of every brand domain.
import { parse } from 'tldts';
import { listBrands, normalizeBrandName, TOP_SITE_WORDS, type Brand } from './brands.ts';
import { toSkeleton } from './skeleton.ts';
import { TypoIndex } from './typo-index.ts';

export interface Target {
  brand: Brand;
  /** The brand domain a reason names: the one this token comes from, else the brand's main one. */
  domain: string;
  /** The name as ASCII-or-Unicode letters and digits (`paypal`, `bangkokbank`). */
  token: string;
  skeleton: string;
}

export interface EmbeddedDomain {
  brand: Brand;
  domain: string;
  /** The domain's labels split at dots and hyphens, as skeletons (`paypal.com` -> paypal, com). */
  tokens: string[];
}

/** Below these lengths a near miss, a combo or an embedded domain is too likely to be chance. */
export const MIN_TYPO_LENGTH = 5;
export const TWO_EDIT_LENGTH = 10;
export const MIN_COMBO_LENGTH = 3;
const MIN_EMBED_LABEL = { curated: 3, topSite: 4 };

export interface Targets {
  /** Skeleton -> brand names and domain labels with that skeleton. */
  bySkeleton: Map<string, Target[]>;
  typos: TypoIndex<Target>;
  /** Curated names that may stand in a host next to keywords, by skeleton without hyphens. */
  combos: Map<string, Target>;
  /** First token skeleton -> brand domains that start with it. */
  embedded: Map<string, EmbeddedDomain[]>;
}

function labelOf(domain: string): string {
  return domain.split('.')[0] ?? domain;
}

// A top site's own domain names it; one on a hosting suffix (`bp.blogspot.com`) or a shared host
// (`files.wordpress.com`) is protected, but its label (`bp`, `files`) names no brand.
function isNamedDomain(brand: Brand, domain: string): boolean {
  return brand.curated || (domain === brand.domains[0] && parse(domain, { allowPrivateDomains: true }).isPrivate !== true);
}

function listTargets(brand: Brand): Target[] {
  const main = brand.domains[0] ?? '';
  // Domain labels keep their hyphens, as a host would show them; names are squeezed (`bangkokbank`).
  const fromDomains = brand.domains.filter((domain) => isNamedDomain(brand, domain)).map((domain) => ({ domain, token: labelOf(domain) }));
  const fromNames = brand.curated ? [brand.name, ...brand.aliases].map((name) => ({ domain: main, token: normalizeBrandName(name) })) : [];
  const seen = new Set<string>();
  const targets: Target[] = [];
  for (const { domain, token } of [...fromDomains, ...fromNames]) {
    if (token.length < 2 || token === 'www' || seen.has(token)) continue;
    seen.add(token);
    targets.push({ brand, domain, token, skeleton: toSkeleton(token) });
  }
  return targets;
}

function isCommon(target: Target): boolean {
  return target.brand.common.some((name) => normalizeBrandName(name) === target.token) || TOP_SITE_WORDS.has(target.token);
}

function addToMap<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

function splitTokens(domain: string): string[] {
  return domain.split(/[.-]/).filter(Boolean).map(toSkeleton);
}

function isEmbeddable(brand: Brand, domain: string): boolean {
  const minimum = brand.curated ? MIN_EMBED_LABEL.curated : MIN_EMBED_LABEL.topSite;
  return labelOf(domain).length >= minimum && !TOP_SITE_WORDS.has(labelOf(domain));
}

/** Builds every lookup structure from the brand list; call once and keep the result. */
export function buildTargets(brands: readonly Brand[] = listBrands()): Targets {
  const targets: Targets = { bySkeleton: new Map(), typos: new TypoIndex(), combos: new Map(), embedded: new Map() };
  for (const brand of brands) {
    for (const target of listTargets(brand)) {
      addToMap(targets.bySkeleton, target.skeleton, target);
      if (isCommon(target)) continue;
      // Lengths count the name as written: a skeleton can be longer (`m` becomes `rn`).
      if (target.token.length >= MIN_TYPO_LENGTH) {
        const maxEdits = brand.curated && target.token.length >= TWO_EDIT_LENGTH ? 2 : 1;
        targets.typos.add({ key: target.skeleton, maxEdits, value: target });
      }
      const squeezed = target.skeleton.replaceAll('-', '');
      if (brand.curated && target.token.length >= MIN_COMBO_LENGTH && !targets.combos.has(squeezed)) targets.combos.set(squeezed, target);
    }
    for (const domain of brand.domains) {
      const tokens = splitTokens(domain);
      const first = tokens[0];
      if (first !== undefined && isNamedDomain(brand, domain) && isEmbeddable(brand, domain)) addToMap(targets.embedded, first, { brand, domain, tokens });
    }
  }
  return targets;
}
