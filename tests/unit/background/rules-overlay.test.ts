// The overlay: what changed since the base, planned from a delta's own changes, and its two session
// rules, ranked between the base's redirects and the user's own choices.
import { describe, expect, it } from 'vitest';
import { applyOverlayChanges, EMPTY_OVERLAY, getOverlaySize, shouldCompact, COMPACT_AFTER_DOMAINS } from '../../../src/background/rules/overlay.ts';
import { buildOverlayRules } from '../../../src/background/rules/overlay-writer.ts';
import {
  getNextRuleId, OVERLAY_ALLOW_RULE_ID, OVERLAY_REDIRECT_RULE_ID, PRIORITY_ALLOWLIST, PRIORITY_OVERLAY_ALLOW, PRIORITY_OVERLAY_REDIRECT, PRIORITY_PROCEED, PRIORITY_REDIRECT,
} from '../../../src/background/rules/rule-build.ts';

const WARNING = 'chrome-extension://abc/src/warning/index.html';
const listed = (...domains: string[]) => new Set(domains);

describe('applyOverlayChanges', () => {
  it('records added and removed domains relative to the base', () => {
    const overlay = applyOverlayChanges(EMPTY_OVERLAY, { added: ['new.test'], removed: ['gone.test'] }, listed('base.test', 'new.test'));
    expect(overlay).toEqual({ added: ['new.test'], removed: ['gone.test'], allowed: ['gone.test'], excluded: [] });
  });

  it('cancels out: a domain added and then removed, or removed and then added back, leaves no trace', () => {
    const first = applyOverlayChanges(EMPTY_OVERLAY, { added: ['brief.test'], removed: ['back.test'] }, listed('brief.test'));
    const second = applyOverlayChanges(first, { added: ['back.test'], removed: ['brief.test'] }, listed('back.test'));
    expect(second).toEqual(EMPTY_OVERLAY);
  });

  it('allows no removed domain that a listed parent domain still covers', () => {
    const overlay = applyOverlayChanges(EMPTY_OVERLAY, { added: [], removed: ['shop.evil.test'] }, listed('evil.test'));
    expect(overlay).toMatchObject({ removed: ['shop.evil.test'], allowed: [] });
  });

  it('excludes listed domains under a removed one from the allow, so their base redirect still holds', () => {
    const overlay = applyOverlayChanges(EMPTY_OVERLAY, { added: ['new.host.test'], removed: ['host.test'] }, listed('a.host.test', 'x.a.host.test', 'new.host.test', 'other.test', 'ahost.test'));
    expect(overlay).toMatchObject({ allowed: ['host.test'], excluded: ['a.host.test', 'new.host.test', 'x.a.host.test'] });
  });

  it('counts what the session rules hold, and asks for a compaction past its bound', () => {
    const many = Array.from({ length: COMPACT_AFTER_DOMAINS + 1 }, (_, i) => `n-${i}.test`);
    expect(getOverlaySize(applyOverlayChanges(EMPTY_OVERLAY, { added: ['a.test'], removed: ['b.test'] }, listed('a.test')))).toBe(2);
    expect(shouldCompact(applyOverlayChanges(EMPTY_OVERLAY, { added: many.slice(1), removed: [] }, listed()))).toBe(false);
    expect(shouldCompact(applyOverlayChanges(EMPTY_OVERLAY, { added: many, removed: [] }, listed()))).toBe(true);
  });
});

describe('the overlay rules', () => {
  it('redirect added domains above the allow for removed ones, both under the user\'s own choices', () => {
    const overlay = applyOverlayChanges(EMPTY_OVERLAY, { added: ['new.test'], removed: ['gone.test'] }, listed('sub.gone.test', 'new.test'));
    const [redirect, allow] = buildOverlayRules(overlay, WARNING);
    expect(redirect).toMatchObject({ id: OVERLAY_REDIRECT_RULE_ID, priority: PRIORITY_OVERLAY_REDIRECT, action: { type: 'redirect' }, condition: { requestDomains: ['new.test'] } });
    expect(allow).toMatchObject({ id: OVERLAY_ALLOW_RULE_ID, priority: PRIORITY_OVERLAY_ALLOW, action: { type: 'allow' }, condition: { requestDomains: ['gone.test'], excludedRequestDomains: ['sub.gone.test'] } });
    expect([PRIORITY_REDIRECT, PRIORITY_OVERLAY_ALLOW, PRIORITY_OVERLAY_REDIRECT, PRIORITY_PROCEED, PRIORITY_ALLOWLIST]).toEqual([1, 2, 3, 4, 5]);
    expect(buildOverlayRules(EMPTY_OVERLAY, WARNING)).toEqual([]);
  });

  it('keep their ids out of the proceed rules\' way', () => {
    const overlay = buildOverlayRules(applyOverlayChanges(EMPTY_OVERLAY, { added: ['new.test'], removed: ['gone.test'] }, listed('new.test')), WARNING);
    expect(getNextRuleId(overlay)).toBe(1);
    expect(getNextRuleId([...overlay, { id: 6 }])).toBe(7);
  });
});
