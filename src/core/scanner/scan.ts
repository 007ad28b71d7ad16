// scanPage: a page snapshot in, signals, scores, a verdict and its reasons out. Pure and bounded:
// the background runs it on snapshots from content scripts, the CLI on saved pages.
import type { Category, Indicator, PageSnapshot, Reason, ScanResult, ScanSignal, Sensitivity, Verdict } from '../types.ts';
import { brandSignals } from './brand-claims.ts';
import { mergeAsks, readForms } from './fields.ts';
import { offsiteFormSignals } from './form-targets.ts';
import { getPageMatcher, type PageMatcher } from './matcher.ts';
import { behaviourSignals, fieldSignals, snapshotLinks, textSignals } from './page-signals.ts';
import { lookupPhone } from './payment-index.ts';
import { digitsOnly } from '../text/normalize.ts';
import { scoreSignals } from './score.ts';
import { collectTextEvidence, type TextEvidence } from './text-evidence.ts';

export interface ScanContext {
  /** The page's registrable domain (tldts, private domains on), or null for IP addresses and the like. */
  registrableDomain: string | null;
  /** Lexicons, brands and feed indicators in one automaton: `getPageMatcher({ brands, indicators })`. */
  matcher?: PageMatcher;
  sensitivity?: Sensitivity;
}

/** Feed indicators are maintainers' published evidence: one match is enough for a verdict. */
export const INDICATOR_WEIGHT = 5;

export function scanPage(snapshot: PageSnapshot, context: ScanContext): ScanResult {
  const matcher = context.matcher ?? getPageMatcher();
  const evidence = collectTextEvidence(snapshot, matcher);
  const links = snapshotLinks(snapshot);
  const forms = readForms(snapshot.forms, matcher);
  const asks = mergeAsks(forms);
  const signals = mergeSignals([
    ...textSignals(evidence, links),
    ...fieldSignals(asks),
    ...offsiteFormSignals(snapshot.forms, forms, context.registrableDomain),
    ...behaviourSignals(snapshot.behaviour),
    ...brandSignals(evidence, matcher.brands, context.registrableDomain, snapshot.imageNames),
  ]).filter((signal) => signal.id !== 'ask_card_for_payout' || asks.has('ask_card'));
  const outcome = scoreSignals(signals, context.sensitivity);
  const indicators = indicatorReasons(matchedIndicators(evidence, links, matcher), matcher.indicators);
  const category: Category | null = outcome.category ?? indicators[0]?.category ?? null;
  return {
    signals,
    scores: outcome.scores,
    category,
    verdict: outcome.isSuspicious || indicators.length > 0 ? 'suspicious' : null,
    reasons: [...indicators, ...outcome.counted.map(signalReason)],
  };
}

/** The reasons a scan adds to the page's verdict: none unless the page crossed the line. */
export function pageReasons(result: ScanResult): Reason[] {
  return result.verdict === null ? [] : result.reasons;
}

/** A Verdict from page patterns alone (the CLI and the background combine it with URL evidence). */
export function pageVerdict(url: string, result: ScanResult): Verdict {
  return { url, verdict: result.verdict ?? 'unknown', category: result.verdict === null ? null : result.category, reasons: pageReasons(result) };
}

/** One signal per id: text and fields can both show the same ask; keep the stronger, note both. */
function mergeSignals(signals: readonly ScanSignal[]): ScanSignal[] {
  const byId = new Map<string, ScanSignal>();
  for (const signal of signals) {
    const seen = byId.get(signal.id);
    if (!seen) byId.set(signal.id, signal);
    else byId.set(signal.id, { ...(seen.weight >= signal.weight ? seen : signal), evidence: `${seen.evidence}; ${signal.evidence}`.slice(0, 200) });
  }
  return [...byId.values()];
}

function matchedIndicators(evidence: TextEvidence, links: readonly string[], matcher: PageMatcher): Set<number> {
  const found = new Set(evidence.indicators);
  for (const wallet of evidence.wallets) for (const index of matcher.wallets.get(wallet) ?? []) found.add(index);
  const phones = [...evidence.phones.map((phone) => phone.digits), ...links.filter((link) => link.startsWith('tel:')).map((link) => digitsOnly(link))];
  for (const digits of phones) for (const index of lookupPhone(matcher.phones, matcher.indicators, digits)) found.add(index);
  return found;
}

function indicatorReasons(found: ReadonlySet<number>, indicators: readonly Indicator[]): Extract<Reason, { kind: 'indicator' }>[] {
  return [...found].sort((a, b) => a - b).map((index) => {
    const { kind, value, category, source } = indicators[index]!;
    return { kind: 'indicator', indicatorKind: kind, value, category, source, weight: INDICATOR_WEIGHT };
  });
}

function signalReason(signal: ScanSignal): Reason {
  return { kind: 'signal', signal: signal.id, category: signal.category, weight: signal.weight, evidence: signal.evidence };
}
