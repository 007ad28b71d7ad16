// The declarativeNetRequest rules Scam Warner writes, built in one place. Enum values are string
// literals (not chrome.declarativeNetRequest.RuleActionType), which Firefox's tooling accepts.
// Priorities: an allow always beats a redirect, and the user's lasting allowlist beats both.
import type { DeclarativeNetRequest } from 'webextension-polyfill';

type Rule = DeclarativeNetRequest.Rule;

export const PRIORITY_REDIRECT = 1;
export const PRIORITY_PROCEED = 2;
export const PRIORITY_ALLOWLIST = 3;
/** The user's allowlist and the maintainers' allow entries share one rule each. */
export const USER_ALLOW_RULE_ID = 1001;
export const LIST_ALLOW_RULE_ID = 1002;

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

/** "Proceed anyway": one site, one tab, until the tab closes or the browser restarts (a session rule). */
export function buildProceedRule(ruleId: number, tabId: number, host: string): Rule {
  const rule = buildAllowRule(ruleId, [host], PRIORITY_PROCEED);
  return { ...rule, condition: { ...rule.condition, tabIds: [tabId] } };
}

/** Session rule ids are handed out above the largest in use: tab ids are too large to derive ids from. */
export function getNextRuleId(rules: readonly Pick<Rule, 'id'>[]): number {
  return rules.reduce((largest, rule) => Math.max(largest, rule.id), 0) + 1;
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

/** `a.b.example.com` is within `example.com` and `b.example.com`, not within `ample.com`. */
export function isHostWithin(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}
