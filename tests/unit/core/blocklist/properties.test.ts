import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BlocklistIndex, normalizeEntryValue, type IndexMatch } from '../../../../src/core/blocklist/index.ts';
import type { EntryKind, ListEntry } from '../../../../src/core/types.ts';
import { canonicalizeUrl, urlExpressions } from '../../../../src/core/url/index.ts';

// A small world of hosts and paths, so that random entries and random URLs meet often.
const label = fc.constantFrom('a', 'b', 'evil', 'x1', 'www');
const host = fc.oneof(
  { weight: 9, arbitrary: fc.tuple(fc.array(label, { minLength: 1, maxLength: 6 }), fc.constantFrom('com', 'test', 'co.uk')).map(([labels, tld]) => `${labels.join('.')}.${tld}`) },
  { weight: 1, arbitrary: fc.constant('1.2.3.4') },
);
const path = fc.array(fc.constantFrom('p', 'q', 'view', 'x', 'x.html'), { maxLength: 5 }).map((segments) => segments.join('/'));
const query = fc.option(fc.constantFrom('?id=1', '?', '?a/', '?id=1&b=2'), { nil: '' });
const trailing = fc.constantFrom('', '/');

const entryArbitrary: fc.Arbitrary<ListEntry | null> = fc
  .record({
    kind: fc.constantFrom<EntryKind>('domain', 'host', 'url-prefix'),
    host,
    path,
    query,
    trailing,
    allow: fc.oneof({ weight: 3, arbitrary: fc.constant(false) }, { weight: 2, arbitrary: fc.constant(true) }),
    category: fc.constantFrom('phishing', 'investment'),
    source: fc.constantFrom('list a', 'list b'),
    added: fc.constantFrom('2023-05-05', '2024-01-01'),
  })
  .map(({ kind, host: name, path: segments, query: search, trailing: slash, allow, category, source, added }) => {
    const raw = kind === 'url-prefix' ? `${name}/${segments}${slash}${search}` : name;
    const normalized = normalizeEntryValue(raw, kind);
    if (!normalized.ok || normalized.kind !== kind) return null;
    return { kind, value: normalized.value, allow, category, source, added } as ListEntry;
  });
const entriesArbitrary = fc.array(entryArbitrary, { maxLength: 25 }).map((entries) => entries.filter((entry): entry is ListEntry => entry !== null));
const urlArbitrary = fc
  .tuple(fc.constantFrom('http://', 'https://', 'HTTP://'), host, path, trailing, query, fc.constantFrom('', '#frag', ':8080', 'bare'))
  .map(([scheme, name, segments, slash, search, tail]) => {
    if (tail === 'bare') return `${scheme}${name}${search}`;
    return tail === ':8080' ? `${scheme}${name}${tail}/${segments}${search}` : `${scheme}${name}/${segments}${slash}${search}${tail}`;
  });

const KIND_RANK: Record<EntryKind, number> = { 'url-prefix': 0, host: 1, domain: 2 };
const identity = (entry: ListEntry): string => `${entry.kind} ${entry.value} ${entry.allow === true}`;

/** The earliest added (then category, then source) of each (value, kind, allow). */
function dedupe(entries: ListEntry[]): Map<string, ListEntry> {
  const kept = new Map<string, ListEntry>();
  for (const entry of entries) {
    const other = kept.get(identity(entry));
    const order = (e: ListEntry): string => `${e.added}\u0000${e.category}\u0000${e.source}`;
    if (other === undefined || order(entry) < order(other)) kept.set(identity(entry), entry);
  }
  return kept;
}

/** What looking every urlExpressions string up in a plain list says. */
function referenceLookup(entries: ListEntry[], url: string): IndexMatch | null {
  const expressions = urlExpressions(url);
  const fullHost = expressions[0]?.slice(0, expressions[0].indexOf('/'));
  const candidates: { entry: ListEntry; key: string }[] = [];
  for (const expression of expressions) {
    const slash = expression.indexOf('/');
    const isRoot = expression.length === slash + 1;
    const isFullHost = expression.slice(0, slash) === fullHost;
    const key = expression.endsWith('/') ? expression.slice(0, -1) : expression;
    for (const entry of dedupe(entries).values()) {
      const kindMatches = isRoot ? entry.kind === 'domain' || (entry.kind === 'host' && isFullHost) : entry.kind === 'url-prefix' && isFullHost;
      if (entry.value === key && kindMatches) candidates.push({ entry, key });
    }
  }
  candidates.sort((a, b) => Number(b.entry.allow === true) - Number(a.entry.allow === true) || b.key.length - a.key.length || KIND_RANK[a.entry.kind] - KIND_RANK[b.entry.kind]);
  const best = candidates[0];
  if (best === undefined) return null;
  const { category, source, added } = best.entry;
  return { action: best.entry.allow === true ? 'allow' : 'block', entry: best.key, kind: best.entry.kind, meta: { category, source, added } };
}

/** Where two byte arrays first differ, or -1: cheap to report, unlike a diff of 260 KB. */
function firstDifference(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) if (a[i] !== b[i]) return i;
  return -1;
}

describe('BlocklistIndex properties', () => {
  it('answers exactly as looking up every urlExpressions string does, from the URL or its canonical form', { timeout: 30_000 }, () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(entriesArbitrary, fc.array(urlArbitrary, { minLength: 1, maxLength: 10 }), (entries, urls) => {
        const index = BlocklistIndex.build(entries);
        const listedUrls = entries.map((entry) => `http://${entry.value}/`);
        for (const url of [...urls, ...listedUrls]) {
          const match = index.lookup(url);
          expect(match).toEqual(referenceLookup(entries, url));
          const canonical = canonicalizeUrl(url);
          if (canonical !== null) expect(index.lookupCanonical(canonical)).toEqual(match);
          seen.add(match === null ? 'none' : `${match.action} ${match.kind}`);
        }
      }),
      { numRuns: 400 },
    );
    // The small world makes every kind of answer come up, so the agreement above means something.
    expect([...seen].sort()).toEqual(['allow domain', 'allow host', 'allow url-prefix', 'block domain', 'block host', 'block url-prefix', 'none']);
  });

  it('withChanges gives byte for byte the index a rebuild gives', { timeout: 30_000 }, () => {
    fc.assert(
      fc.property(entriesArbitrary, entriesArbitrary, entriesArbitrary, fc.array(fc.nat(), { maxLength: 8 }), (base, added, others, picks) => {
        const removed = [...picks.map((pick) => base[pick % Math.max(base.length, 1)]).filter((entry) => entry !== undefined), ...others];
        const removedIds = new Set(removed.map(identity));
        const expected = BlocklistIndex.build([...base.filter((entry) => !removedIds.has(identity(entry))), ...added]);
        const changed = BlocklistIndex.build(base).withChanges(added, removed);
        expect(firstDifference(changed.serialize(), expected.serialize())).toBe(-1);
        expect(BlocklistIndex.load(changed.serialize()).size).toBe(expected.size);
      }),
      { numRuns: 400 },
    );
  });
});
