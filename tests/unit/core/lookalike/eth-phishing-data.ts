// Real data for lookalike figures: the eth-phishing-detect package's lists, and which of its
// blacklisted hosts imitate a fuzzylist brand, decided by the package's own fuzzy detector.
import { createRequire } from 'node:module';
import TOP_SITES from '../../../../src/core/lookalike/top-sites.json';

interface DetectorResult {
  result: boolean;
  type: string;
  match?: string;
}
type DetectorClass = new (config: object) => { check(domain: string): DetectorResult };

interface PhishingConfig {
  tolerance: number;
  fuzzylist: string[];
  whitelist: string[];
  blacklist: string[];
}

const require = createRequire(import.meta.url);
const CONFIG = require('eth-phishing-detect/src/config.json') as PhishingConfig;
const Detector = require('eth-phishing-detect/src/detector.js') as DetectorClass;

export interface ImitatingHost {
  host: string;
  /** The fuzzylist entry the package's detector matched. */
  imitates: string;
}

/** Blacklisted hosts within the package's own fuzzy tolerance of a fuzzylist brand (about 850). */
export function listImitatingHosts(): ImitatingHost[] {
  // Empty allow and block lists, so only the fuzzy match decides.
  const detector = new Detector({ fuzzylist: CONFIG.fuzzylist, tolerance: CONFIG.tolerance, whitelist: [], blacklist: [] });
  const out: ImitatingHost[] = [];
  for (const host of CONFIG.blacklist) {
    const verdict = detector.check(host);
    if (verdict.result && verdict.type === 'fuzzy' && verdict.match !== undefined) out.push({ host, imitates: verdict.match });
  }
  return out;
}

export function listBlacklist(): string[] {
  return CONFIG.blacklist;
}

/** Legitimate sites the package allows, many of them near misses of its fuzzylist brands. */
export function listWhitelist(): string[] {
  return CONFIG.whitelist;
}

export function listFuzzyBrands(): string[] {
  return CONFIG.fuzzylist;
}

/** The top sites as the vendored list has them (hosts such as `www.google.com`). */
export function listTopSites(): string[] {
  return (TOP_SITES.sites as [number, string][]).map(([, host]) => host);
}
