// Lookalike detection for one host: is it dressed up as a protected brand it does not belong to?
// Each technique reports its own reason kind with the brand it imitates.
import type { LookalikeTechnique, Reason } from '../types.ts';
import { isProtectedRegistrableDomain } from './brands.ts';
import { parseHost, type ParsedHost } from './host.ts';
import { matchCombo } from './combo.ts';
import { isKeyword } from './keywords.ts';
import { isMixedScript, toSkeleton } from './skeleton.ts';
import { buildTargets, type Target, type Targets } from './targets.ts';

/**
 * How strongly each finding suggests imitation, 0..1. Every one of them alone is meant to make a
 * page suspicious; the weight orders them and lets the verdict combine them with other evidence.
 */
export const LOOKALIKE_WEIGHTS = {
  confusableIdn: 0.95, // non-ASCII letters that look like the brand's: pаypal (Cyrillic а)
  confusable: 0.9, // ASCII lookalike characters: paypa1, rnicrosoft
  embedding: 0.85, // the brand's full domain inside another: paypal.com.verify-account.xyz
  typo: 0.75, // one edit (two for long names) from a curated brand: metamsk
  suffixSwap: 0.7, // a distinct brand's name under another suffix: metamask.top
  combo: 0.7, // brand plus scam words: paypal-secure-login
  typoTopSite: 0.6, // one edit from a top site: nytimez
  subdomain: 0.6, // brand as a subdomain of an unrelated domain: paypal.account-help.net
} as const;

/** ASCII-only confusables of names shorter than this (`0k` for `ok`) are too likely to be chance. */
const MIN_ASCII_CONFUSABLE = 4;
const MAX_REASONS = 3;
/** From this length a name stays distinctive whatever happens to its first letter. */
const LONG_NAME = 8;
const ASCII = /^[\x20-\x7e]*$/;

let TARGETS: Targets | undefined;

type Findings = Map<string, Extract<Reason, { kind: `lookalike-${LookalikeTechnique}` }>>;

/** Keeps the strongest finding per brand. */
function record(found: Findings, technique: LookalikeTechnique, { brand, domain }: Pick<Target, 'brand' | 'domain'>, weight: number): void {
  const known = found.get(brand.id);
  if (known !== undefined && known.weight >= weight) return;
  found.set(brand.id, { kind: `lookalike-${technique}`, brand: brand.name, brandDomain: domain, weight });
}

/**
 * The brands a host imitates, strongest first (at most three), or none. Pure and cheap: the lookup
 * structures are built on the first call, then a host costs a few microseconds. A brand's own
 * domains and the top sites are never flagged; input that is not a host name gives none.
 */
export function detectLookalikes(host: string): Reason[] {
  const parsed = parseHost(host);
  if (parsed === null || isProtectedRegistrableDomain(parsed.domain)) return [];
  TARGETS ??= buildTargets();
  const found: Findings = new Map();
  const tokens = tokenize(parsed);
  checkRegistrableLabel(TARGETS, parsed, found);
  checkEmbedding(TARGETS, parsed, tokens, found);
  checkSubdomains(TARGETS, parsed, tokens, found);
  return [...found.values()].sort((a, b) => b.weight - a.weight).slice(0, MAX_REASONS);
}

function checkRegistrableLabel(targets: Targets, host: ParsedHost, found: Findings): void {
  const label = host.labels[host.labels.length - host.suffixLength - 1] ?? '';
  const skeleton = toSkeleton(label);
  const squeezed = skeleton.replaceAll('-', '');
  const sameSkeleton = [...(targets.bySkeleton.get(skeleton) ?? []), ...(squeezed === skeleton ? [] : targets.bySkeleton.get(squeezed) ?? [])];
  for (const target of sameSkeleton) checkSameSkeleton(target, label, host, found);
  // A label that is (or looks exactly like) a brand name is that name: no near miss or combo of another.
  if (sameSkeleton.length > 0) return;
  checkTypos(targets, label, skeleton, found);
  const combo = matchCombo(targets.combos, skeleton, 1);
  if (combo !== undefined) record(found, 'combo', combo, LOOKALIKE_WEIGHTS.combo);
}

function checkSameSkeleton(target: Target, label: string, host: ParsedHost, found: Findings): void {
  if (target.token === label || target.token === label.replaceAll('-', '')) {
    // Only the public suffix differs: the brand's own elsewhere, unless its name means nothing else.
    if (target.brand.distinct && host.isIcannSuffix) record(found, 'typo', target, LOOKALIKE_WEIGHTS.suffixSwap);
    return;
  }
  const isAsciiLabel = ASCII.test(label);
  if (isAsciiLabel && target.token.length < MIN_ASCII_CONFUSABLE) return;
  const isIdn = !isAsciiLabel || isMixedScript(label);
  record(found, 'confusable', target, isIdn ? LOOKALIKE_WEIGHTS.confusableIdn : LOOKALIKE_WEIGHTS.confusable);
}

function checkTypos(targets: Targets, label: string, skeleton: string, found: Findings): void {
  for (const { value: target } of targets.typos.search(skeleton)) {
    if (isDigitVariant(label, target.token)) continue;
    if (target.token.length < LONG_NAME && isFirstLetterEdit(label, target.token)) continue;
    const weight = target.brand.curated ? LOOKALIKE_WEIGHTS.typo : LOOKALIKE_WEIGHTS.typoTopSite;
    record(found, 'typo', target, weight);
  }
}

/** `site2` against `site1`, `bank1` against `bank`: numbered siblings, not typos (a Chromium-style filter). */
function isDigitVariant(label: string, token: string): boolean {
  return label.replace(/\d+$/, '') === token.replace(/\d+$/, '');
}

/**
 * `bbcnews` against `nbcnews`, `finance` against `binance`: for names shorter than LONG_NAME a
 * different first letter makes a different word more often than a typo.
 */
function isFirstLetterEdit(label: string, token: string): boolean {
  return label.slice(1) === token.slice(1) || label.slice(1) === token || label === token.slice(1);
}

interface Token {
  text: string;
  label: number;
}

function tokenize(host: ParsedHost): Token[] {
  const tokens: Token[] = [];
  host.labels.forEach((label, index) => {
    for (const piece of label.split('-')) if (piece !== '') tokens.push({ text: toSkeleton(piece), label: index });
  });
  return tokens;
}

/** A brand's whole domain among the host's words: `paypal.com.verify.xyz`, `paypal-com-login.net`, `www-paypal.com`. */
function checkEmbedding(targets: Targets, host: ParsedHost, tokens: Token[], found: Findings): void {
  const suffixStart = host.labels.length - host.suffixLength;
  tokens.forEach((token, start) => {
    for (const embedded of targets.embedded.get(token.text) ?? []) {
      const end = start + embedded.tokens.length;
      if (end > tokens.length || !embedded.tokens.every((text, i) => tokens[start + i]?.text === text)) continue;
      const last = tokens[end - 1];
      // Ending in the host's real suffix is the label itself (`paypal.com.au`, `login-paypal.com`),
      // unless a `www` in front makes it read as the brand's address.
      const isInRealSuffix = last !== undefined && last.label >= suffixStart;
      if (isInRealSuffix && tokens[start - 1]?.text !== 'www') continue;
      record(found, 'embedding', embedded, LOOKALIKE_WEIGHTS.embedding);
    }
  });
}

/**
 * A brand named in a subdomain of an unrelated domain, next to scam words there or elsewhere in the
 * host (`paypal.account-help.net`, `login.metamask.wallet-sync.app`). A bare brand subdomain
 * (`apple.stackexchange.com`) is too often a community or a customer's site to count.
 */
function checkSubdomains(targets: Targets, host: ParsedHost, tokens: Token[], found: Findings): void {
  const registrableIndex = host.labels.length - host.suffixLength - 1;
  host.labels.slice(0, registrableIndex).forEach((label, index) => {
    if (label === 'www') return;
    const skeleton = toSkeleton(label);
    const hasKeywordElsewhere = tokens.some((token) => token.label !== index && token.text !== 'www' && isKeyword(token.text));
    const target = matchCombo(targets.combos, skeleton, hasKeywordElsewhere ? 0 : 1);
    if (target !== undefined) record(found, 'subdomain', target, LOOKALIKE_WEIGHTS.subdomain);
  });
}
