import { describe, expect, it } from 'vitest';
import {
  buildAllowRule,
  buildProceedRule,
  buildRedirectRule,
  getNextRuleId,
  isProceedAllowed,
  PRIORITY_ALLOWLIST,
  PRIORITY_PROCEED,
  PRIORITY_REDIRECT,
} from '../../../src/background/rules/rule-build.ts';

const WARNING = 'chrome-extension://abc/src/warning/index.html';

describe('rules', () => {
  it('redirects top-level navigations to listed domains with the original URL in the fragment', () => {
    expect(buildRedirectRule(7, ['evil-scam.test'], WARNING)).toEqual({
      id: 7,
      priority: PRIORITY_REDIRECT,
      action: { type: 'redirect', redirect: { regexSubstitution: `${WARNING}#\\1` } },
      condition: { requestDomains: ['evil-scam.test'], resourceTypes: ['main_frame'], regexFilter: '^(.*)$' },
    });
  });

  it('ranks allowlist over proceed over redirect, and scopes proceed to one tab and one site', () => {
    expect(PRIORITY_ALLOWLIST).toBeGreaterThan(PRIORITY_PROCEED);
    expect(PRIORITY_PROCEED).toBeGreaterThan(PRIORITY_REDIRECT);
    const rule = buildProceedRule(3, 1_234_567_890, 'www.evil-scam.test');
    expect(rule.condition).toEqual({ requestDomains: ['www.evil-scam.test'], resourceTypes: ['main_frame'], tabIds: [1_234_567_890] });
    expect(rule.action).toEqual({ type: 'allow' });
  });

  it('hands out session rule ids above those in use, however large the tab ids', () => {
    expect(getNextRuleId([])).toBe(1);
    expect(getNextRuleId([{ id: 4 }, { id: 2 }])).toBe(5);
  });

  it('knows which tab may open which host after proceeding', () => {
    const rules = [buildProceedRule(1, 42, 'evil-scam.test'), buildAllowRule(2, ['other.test'])];
    expect(isProceedAllowed(rules, 42, 'evil-scam.test')).toBe(true);
    expect(isProceedAllowed(rules, 42, 'www.evil-scam.test')).toBe(true);
    expect(isProceedAllowed(rules, 43, 'evil-scam.test')).toBe(false);
    expect(isProceedAllowed(rules, 42, 'other.test')).toBe(false);
  });
});
