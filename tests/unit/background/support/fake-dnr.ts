// A declarativeNetRequest stand-in on the fake browser (fake-browser does not implement it): it
// keeps dynamic and session rules, refuses duplicate ids like Chromium, and counts every write.
import type { DeclarativeNetRequest } from 'webextension-polyfill';
import { fakeBrowser } from '@webext-core/fake-browser';

type Rule = DeclarativeNetRequest.Rule;

export interface FakeDnr {
  dynamic: Map<number, Rule>;
  session: Map<number, Rule>;
  /** Rule ids written (added) by each updateDynamicRules call. */
  dynamicWrites: number[][];
}

function applyUpdate(rules: Map<number, Rule>, options: { removeRuleIds?: number[]; addRules?: Rule[] }): void {
  const next = new Map(rules);
  for (const id of options.removeRuleIds ?? []) next.delete(id);
  for (const rule of options.addRules ?? []) {
    if (next.has(rule.id)) throw new Error(`Rule with id ${rule.id} already exists`);
    next.set(rule.id, structuredClone(rule));
  }
  rules.clear();
  for (const [id, rule] of next) rules.set(id, rule);
}

export function installFakeDnr(): FakeDnr {
  const fake: FakeDnr = { dynamic: new Map(), session: new Map(), dynamicWrites: [] };
  Object.assign(fakeBrowser.declarativeNetRequest, {
    getDynamicRules: async () => [...fake.dynamic.values()],
    getSessionRules: async () => [...fake.session.values()],
    updateDynamicRules: async (options: { removeRuleIds?: number[]; addRules?: Rule[] }) => {
      applyUpdate(fake.dynamic, options);
      fake.dynamicWrites.push((options.addRules ?? []).map((rule) => rule.id));
    },
    updateSessionRules: async (options: { removeRuleIds?: number[]; addRules?: Rule[] }) => applyUpdate(fake.session, options),
  });
  return fake;
}
