// "Proceed anyway" for one site in one tab, as session allow rules: they outlive a worker restart
// and are the single record of what the user let through, for DNR and for our own checks alike.
import browser from 'webextension-polyfill';
import { buildProceedRule, getNextRuleId, isProceedAllowed } from './rules/rule-build.ts';
import { createSerialQueue } from './serial-queue.ts';

/** Session rule ids come from the rules in place, so changes must not interleave. */
const serialize = createSerialQueue();

export async function hasProceeded(tabId: number, host: string): Promise<boolean> {
  return isProceedAllowed(await browser.declarativeNetRequest.getSessionRules(), tabId, host);
}

export function allowInTab(tabId: number, host: string): Promise<void> {
  return serialize(async () => {
    const rules = await browser.declarativeNetRequest.getSessionRules();
    if (isProceedAllowed(rules, tabId, host)) return;
    await browser.declarativeNetRequest.updateSessionRules({ addRules: [buildProceedRule(getNextRuleId(rules), tabId, host)] });
  });
}

export function forgetTabRules(tabId: number): Promise<void> {
  return serialize(async () => {
    const rules = await browser.declarativeNetRequest.getSessionRules();
    const removeRuleIds = rules.filter((rule) => rule.condition.tabIds?.includes(tabId)).map((rule) => rule.id);
    if (removeRuleIds.length > 0) await browser.declarativeNetRequest.updateSessionRules({ removeRuleIds });
  });
}
