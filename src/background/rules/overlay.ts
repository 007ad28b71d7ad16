// What changed since the base list, which the dynamic rule shards hold: Chromium re-indexes every
// dynamic rule on any dynamic update (about 2 s for 1M domains, whatever changed), while session
// rules are a small set of their own. So a delta goes into two session rules, and the base is
// rewritten only for a full snapshot or a compaction once the overlay has grown.
// The listed domains are always base + added - removed, with added outside the base and removed
// inside it. Pure: planned here, written by overlay-writer.ts.
import { forEachCandidate } from '../../core/feed/layered-set.ts';
import { includesSorted } from './shard-set.ts';

export interface ListOverlay {
  /** Listed since the base (sorted): a redirect rule above the overlay's allow. */
  added: string[];
  /** Unlisted since the base (sorted). */
  removed: string[];
  /** The removed domains the allow rule lets through: those no listed parent domain still covers. */
  allowed: string[];
  /** Listed domains under an allowed one, excluded from the allow rule so their base redirect holds. */
  excluded: string[];
}

export interface DomainChanges {
  added: readonly string[];
  removed: readonly string[];
}

export const EMPTY_OVERLAY: Readonly<ListOverlay> = Object.freeze({ added: [], removed: [], allowed: [], excluded: [] });

/**
 * Past this many domains the overlay is folded into the base (a compaction). Writing the session
 * rules costs about 2 us a domain in Chromium, so at most some 40 ms per update and per browser start.
 */
export const COMPACT_AFTER_DOMAINS = 20_000;

/** Domains the overlay holds (`allowed` is part of `removed`). */
export function getOverlaySize(overlay: ListOverlay): number {
  return overlay.added.length + overlay.removed.length + overlay.excluded.length;
}

/** The domain was listed since the base: the overlay's session rule redirects it, not the base's. */
export function isAddedByOverlay(overlay: ListOverlay, domain: string): boolean {
  return includesSorted(overlay.added, domain);
}

export function shouldCompact(overlay: ListOverlay): boolean {
  return getOverlaySize(overlay) > COMPACT_AFTER_DOMAINS;
}

/**
 * The overlay after a delta's own changes to the listed domains. A domain a delta adds was not
 * listed, so it is either back from `removed` or new to the base; one it removes was listed, so it
 * leaves `added` or the base. `listed` is the whole set after the delta, for the allow rule's bounds.
 */
export function applyOverlayChanges(overlay: ListOverlay, changes: DomainChanges, listed: ReadonlySet<string>): ListOverlay {
  const added = new Set(overlay.added);
  const removed = new Set(overlay.removed);
  for (const domain of changes.added) if (!removed.delete(domain)) added.add(domain);
  for (const domain of changes.removed) if (!added.delete(domain)) removed.add(domain);
  return planAllowRule([...added].sort(), [...removed].sort(), listed);
}

function planAllowRule(added: string[], removed: string[], listed: ReadonlySet<string>): ListOverlay {
  const allowed = removed.filter((domain) => !hasListedParent(domain, listed));
  return { added, removed, allowed, excluded: allowed.length === 0 ? [] : findListedUnder(new Set(allowed), listed) };
}

/** A listed parent domain still covers `domain` (a domain entry covers its subdomains). */
function hasListedParent(domain: string, listed: ReadonlySet<string>): boolean {
  for (let dot = domain.indexOf('.'); dot !== -1 && domain.indexOf('.', dot + 1) !== -1; dot = domain.indexOf('.', dot + 1)) {
    if (listed.has(domain.slice(dot + 1))) return true;
  }
  return false;
}

/**
 * Listed domains lying under one of `parents`. One pass over the list, but a name with a single dot
 * (most of them) has no parent a domain entry could be, and is skipped after two searches; only the
 * few names that pass are checked against the list itself.
 */
function findListedUnder(parents: ReadonlySet<string>, listed: ReadonlySet<string>): string[] {
  const found: string[] = [];
  forEachCandidate(listed, (domain) => {
    const first = domain.indexOf('.');
    if (first !== -1 && domain.indexOf('.', first + 1) !== -1 && hasListedParent(domain, parents) && listed.has(domain)) found.push(domain);
  });
  return found.sort();
}
