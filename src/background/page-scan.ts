// Runs the page-pattern scanner over what a content script read from its page. The scan happens
// here, not in the page: lexicons, brands and the feed's indicators stay out of every page.
import { toRegistrableDomain } from '../core/lookalike/brands.ts';
import { detectLookalikes } from '../core/lookalike/detect.ts';
import { getPageMatcher, protectedBrands, scanPage } from '../core/scanner/index.ts';
import type { PageSnapshot, ScanResult } from '../core/types.ts';
import { getHost } from './checker.ts';
import type { Engine } from './engine.ts';

/**
 * Builds the lookalike targets and the page matcher (tens of milliseconds) when the worker has
 * nothing else to do, rather than inside the first page's request for its verdict.
 */
export function prepareMatchers(engine: Engine): void {
  detectLookalikes('scam-warner.invalid');
  getPageMatcher({ brands: protectedBrands(), indicators: engine.list.indicators });
}

export function scanSnapshot(engine: Engine, url: string, snapshot: PageSnapshot): ScanResult {
  const host = getHost(url);
  // The matcher is built once per list: getPageMatcher keys it on these very arrays.
  const matcher = getPageMatcher({ brands: protectedBrands(), indicators: engine.list.indicators });
  return scanPage(snapshot, { registrableDomain: host === null ? null : toRegistrableDomain(host), matcher, sensitivity: engine.sensitivity });
}

/**
 * A later scan of the same page may add evidence, never take it away: the page decides what a
 * rescan reads, and a hostile one can show an honest face to it once its banner is up.
 */
export function keepStrongerScan(previous: ScanResult | null, next: ScanResult): ScanResult {
  return previous?.verdict === 'suspicious' && next.verdict !== 'suspicious' ? previous : next;
}
