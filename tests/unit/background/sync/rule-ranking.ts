// Which of the browser's rules wins for a host, as Chromium ranks them: the highest priority, and at
// one priority an allow over a redirect. Free of extension imports, so unit and end-to-end tests
// alike can ask whether a set of dynamic and session rules sends a host to the warning page.

/** What ranking needs of a rule, from webextension-polyfill's types or Chromium's own. */
export interface RankedRule {
  priority?: number;
  action: { type: string };
  condition: { requestDomains?: string[]; excludedRequestDomains?: string[] };
}

export function isRedirectedByRules(rules: readonly RankedRule[], host: string): boolean {
  const covers = (domains: string[] | undefined) => (domains ?? []).some((domain) => host === domain || host.endsWith(`.${domain}`));
  const matching = rules.filter((rule) => covers(rule.condition.requestDomains) && !covers(rule.condition.excludedRequestDomains));
  const top = Math.max(0, ...matching.map((rule) => rule.priority ?? 1));
  const winners = matching.filter((rule) => (rule.priority ?? 1) === top);
  return winners.length > 0 && winners.every((rule) => rule.action.type === 'redirect');
}
