// Writes the overlay (rules/overlay.ts) as session rules, in one call that replaces both rules at
// once, so no moment has one without the other. Session rules outlive a service-worker restart but
// not a browser restart: each worker start compares what the browser holds with the active list's
// overlay and writes it again only when they differ, before the engine answers anything (about a
// second after launch in the end-to-end test, the launch included). In that window after a browser
// start, a page of a domain added since the last compaction is not redirected by the browser (the
// base's dynamic rules are in place, so every other listed domain is): its request reaches the site,
// and the background stops the navigation itself once the engine is up, as it started before the
// rule was back (engine.overlayRulesSince, navigation.ts); the content script's verdict request
// would too. A domain removed since then is still redirected for that moment.
import browser, { type DeclarativeNetRequest } from 'webextension-polyfill';
import type { ListOverlay } from './overlay.ts';
import { buildOverlayAllowRule, buildOverlayRedirectRule, OVERLAY_ALLOW_RULE_ID, OVERLAY_REDIRECT_RULE_ID } from './rule-build.ts';

type Rule = DeclarativeNetRequest.Rule;

const OVERLAY_RULE_IDS = [OVERLAY_REDIRECT_RULE_ID, OVERLAY_ALLOW_RULE_ID];

export function buildOverlayRules(overlay: ListOverlay, warningPageUrl: string): Rule[] {
  return [
    ...(overlay.added.length > 0 ? [buildOverlayRedirectRule(overlay.added, warningPageUrl)] : []),
    ...(overlay.allowed.length > 0 ? [buildOverlayAllowRule(overlay.allowed, overlay.excluded)] : []),
  ];
}

export async function writeOverlayRules(overlay: ListOverlay, warningPageUrl: string): Promise<void> {
  await browser.declarativeNetRequest.updateSessionRules({ removeRuleIds: OVERLAY_RULE_IDS, addRules: buildOverlayRules(overlay, warningPageUrl) });
}

/** Writes the overlay unless the browser already holds exactly it; says whether it wrote. */
export async function syncOverlayRules(overlay: ListOverlay, warningPageUrl: string): Promise<boolean> {
  const wanted = buildOverlayRules(overlay, warningPageUrl).map(describeRule);
  const held = (await browser.declarativeNetRequest.getSessionRules()).filter((rule) => OVERLAY_RULE_IDS.includes(rule.id)).sort((a, b) => a.id - b.id).map(describeRule);
  if (wanted.length === held.length && wanted.every((rule, i) => rule === held[i])) return false;
  await writeOverlayRules(overlay, warningPageUrl);
  return true;
}

/** What a rule does, in the fields the overlay sets (the browser may add defaults to the rules it returns). */
function describeRule(rule: Rule): string {
  const { condition } = rule;
  return JSON.stringify([rule.id, rule.priority, rule.action.type, rule.action.redirect?.regexSubstitution, condition.requestDomains, condition.excludedRequestDomains ?? []]);
}
