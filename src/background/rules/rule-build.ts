// The declarativeNetRequest rules Scam Warner writes, built in one place. Enum values are string
// literals (not chrome.declarativeNetRequest.RuleActionType), which Firefox's tooling accepts.
// Priorities, lowest first: the base list's redirects (dynamic shards); the overlay's allow for
// domains removed since the base; the overlay's redirect for domains added since (it must beat that
// allow where a listed domain lies under a removed one); the user's "proceed" in one tab; the
// maintainers' allow entries and the user's lasting allowlist, which beat everything.
import type { DeclarativeNetRequest } from 'webextension-polyfill';
import { isHostWithin } from '../../core/verdict.ts';

type Rule = DeclarativeNetRequest.Rule;

export const PRIORITY_REDIRECT = 1;
export const PRIORITY_OVERLAY_ALLOW = 2;
export const PRIORITY_OVERLAY_REDIRECT = 3;
export const PRIORITY_PROCEED = 4;
export const PRIORITY_ALLOWLIST = 5;
/** The user's allowlist and the maintainers' allow entries share one rule each. */
export const USER_ALLOW_RULE_ID = 1001;
export const LIST_ALLOW_RULE_ID = 1002;
/**
 * The overlay's session rules sit at the top of the id range, out of reach of proceed rules, whose
 * ids count up from 1 (getNextRuleId).
 */
export const OVERLAY_REDIRECT_RULE_ID = 2_000_000_001;
export const OVERLAY_ALLOW_RULE_ID = 2_000_000_002;
const FIRST_RESERVED_SESSION_RULE_ID = 2_000_000_000;

/** Redirects top-level navigations to the listed domains (and their subdomains) to the warning page, original URL in the fragment. */
export function buildRedirectRule(ruleId: number, domains: string[], warningPageUrl: string): Rule {
  return {
    id: ruleId,
    priority: PRIORITY_REDIRECT,
    action: { type: 'redirect', redirect: { regexSubstitution: `${warningPageUrl}#\\1` } },
    condition: { requestDomains: domains, resourceTypes: ['main_frame'], regexFilter: '^(.*)$' },
  };
}

export function buildAllowRule(ruleId: number, hosts: string[], priority = PRIORITY_ALLOWLIST): Rule {
  return {
    id: ruleId,
    priority,
    action: { type: 'allow' },
    condition: { requestDomains: hosts, resourceTypes: ['main_frame'] },
  };
}

/** The overlay's allow rule: `domains` and their subdomains, except `excluded` ones (still listed) and theirs. */
export function buildOverlayAllowRule(domains: string[], excluded: string[]): Rule {
  const rule = buildAllowRule(OVERLAY_ALLOW_RULE_ID, domains, PRIORITY_OVERLAY_ALLOW);
  return excluded.length === 0 ? rule : { ...rule, condition: { ...rule.condition, excludedRequestDomains: excluded } };
}

export function buildOverlayRedirectRule(domains: string[], warningPageUrl: string): Rule {
  return { ...buildRedirectRule(OVERLAY_REDIRECT_RULE_ID, domains, warningPageUrl), priority: PRIORITY_OVERLAY_REDIRECT };
}

/** "Proceed anyway": one site, one tab, until the tab closes or the browser restarts (a session rule). */
export function buildProceedRule(ruleId: number, tabId: number, host: string): Rule {
  const rule = buildAllowRule(ruleId, [host], PRIORITY_PROCEED);
  return { ...rule, condition: { ...rule.condition, tabIds: [tabId] } };
}

/**
 * Proceed rule ids are handed out above the largest in use (tab ids are too large to derive ids
 * from), below the overlay's reserved ids.
 */
export function getNextRuleId(rules: readonly Pick<Rule, 'id'>[]): number {
  return rules.reduce((largest, rule) => (rule.id < FIRST_RESERVED_SESSION_RULE_ID ? Math.max(largest, rule.id) : largest), 0) + 1;
}

/** Whether a proceed rule lets this tab open this host (rules cover subdomains, like DNR's `requestDomains`). */
export function isProceedAllowed(rules: readonly Rule[], tabId: number, host: string): boolean {
  return rules.some(
    (rule) =>
      rule.action.type === 'allow' &&
      rule.condition.tabIds?.includes(tabId) === true &&
      (rule.condition.requestDomains ?? []).some((domain) => isHostWithin(host, domain)),
  );
}
