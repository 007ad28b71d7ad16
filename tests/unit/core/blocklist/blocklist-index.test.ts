import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BlocklistIndex, EntryError, normalizeEntryValue, type IndexMatch } from '../../../../src/core/blocklist/index.ts';
import type { EntryKind, ListEntry } from '../../../../src/core/types.ts';
import { canonicalizeUrl } from '../../../../src/core/url/index.ts';

const META = { category: 'phishing', source: 'test', added: '2024-01-01' } as const;
const entry = (kind: EntryKind, value: string, extra: Partial<ListEntry> = {}): ListEntry => ({ kind, value, ...META, ...extra });
const matchOf = (index: BlocklistIndex, url: string): string | null => {
  const match = index.lookup(url);
  return match === null ? null : `${match.action} ${match.kind} ${match.entry}`;
};

describe('BlocklistIndex matching rules', () => {
  const index = BlocklistIndex.build([
    entry('domain', 'evil.com'),
    entry('host', 'login.bank.test'),
    entry('url-prefix', 'sites.google.com/view/x'),
    entry('url-prefix', 'shared.test/page?id=7'),
    entry('host', '1.2.3.4'),
  ]);

  it.each([
    ['http://evil.com/', 'block domain evil.com'],
    ['https://www.evil.com/login?x=1', 'block domain evil.com'],
    ['http://a.b.c.d.e.f.evil.com/', 'block domain evil.com'],
    ['http://EVIL.com.:443/#frag', 'block domain evil.com'],
    ['http://notevil.com/', null],
    ['http://evil.com.other.net/', null],
    ['http://com/', null],
  ])('a domain covers itself and its subdomains: %s', (url, expected) => {
    expect(matchOf(index, url)).toBe(expected);
  });

  it.each([
    ['http://login.bank.test/any/path', 'block host login.bank.test'],
    ['http://www.login.bank.test/', null],
    ['http://bank.test/', null],
    ['http://1.2.3.4/x', 'block host 1.2.3.4'],
    ['http://16909060/', 'block host 1.2.3.4'],
  ])('a host covers that host only: %s', (url, expected) => {
    expect(matchOf(index, url)).toBe(expected);
  });

  it.each([
    ['http://sites.google.com/view/x', 'block url-prefix sites.google.com/view/x'],
    ['http://sites.google.com/view/x/', 'block url-prefix sites.google.com/view/x'],
    ['https://sites.google.com/view/x/deeper/page.html', 'block url-prefix sites.google.com/view/x'],
    ['https://sites.google.com/view/x?ref=mail', 'block url-prefix sites.google.com/view/x'],
    ['https://sites.google.com/view/%78', 'block url-prefix sites.google.com/view/x'],
    ['https://sites.google.com/view/xy', null],
    ['https://sites.google.com/view/', null],
    ['https://sites.google.com/', null],
    ['https://other.sites.google.com/view/x', null],
    ['http://shared.test/page?id=7', 'block url-prefix shared.test/page?id=7'],
    ['http://shared.test/page?id=8', null],
  ])('a url-prefix covers its path and below, on its exact host: %s', (url, expected) => {
    expect(matchOf(index, url)).toBe(expected);
  });

  it('answers null for what is not an http(s) URL, and looks hosts up directly', () => {
    expect(index.lookup('mailto:x@evil.com')).toBeNull();
    expect(index.lookupHost('www.evil.com')?.entry).toBe('evil.com');
    expect(index.lookupHost('sites.google.com')).toBeNull();
  });

  it('looks canonical URLs up without canonicalizing them again', () => {
    for (const url of ['http://www.evil.com/x?y=1', 'http://sites.google.com/view/x/deeper', 'http://1.2.3.4/', 'http://login.bank.test/', 'http://[::1]/', 'http://nothing.test/']) {
      expect(canonicalizeUrl(url), url).toBe(url);
      expect(index.lookupCanonical(url), url).toEqual(index.lookup(url));
    }
    expect(matchOf(index, 'http://EVIL.com/')).toBe('block domain evil.com');
  });
});

describe('BlocklistIndex: allow entries, specificity and duplicates', () => {
  it('lets an allow entry win wherever it matches, and reports the most specific match', () => {
    const index = BlocklistIndex.build([
      entry('domain', 'evil.com'),
      entry('host', 'login.evil.com', { category: 'investment' }),
      entry('domain', 'help.evil.com', { allow: true, category: 'other', source: 'user' }),
      entry('url-prefix', 'evil.com/safe', { allow: true }),
      entry('domain', 'google.com', { allow: true }),
      entry('url-prefix', 'sites.google.com/view/x'),
    ]);
    expect(matchOf(index, 'http://login.evil.com/')).toBe('block host login.evil.com');
    expect(index.lookup('http://login.evil.com/')?.meta.category).toBe('investment');
    expect(matchOf(index, 'http://a.help.evil.com/')).toBe('allow domain help.evil.com');
    expect(index.lookup('http://help.evil.com/')?.meta).toEqual({ category: 'other', source: 'user', added: '2024-01-01' });
    expect(matchOf(index, 'http://evil.com/safe/page')).toBe('allow url-prefix evil.com/safe');
    expect(matchOf(index, 'http://evil.com/unsafe')).toBe('block domain evil.com');
    expect(matchOf(index, 'http://sites.google.com/view/x/')).toBe('allow domain google.com');
  });

  it('keeps one row per (value, kind, allow): the earliest added', () => {
    const index = BlocklistIndex.build([
      entry('domain', 'evil.com', { added: '2024-03-01', source: 'later' }),
      entry('domain', 'evil.com', { added: '2023-01-01', source: 'first' }),
      entry('host', 'evil.com'),
      entry('domain', 'evil.com', { allow: true }),
    ]);
    expect(index.size).toBe(3);
    expect(index.lookup('http://evil.com/')?.action).toBe('allow');
    const blockOnly = BlocklistIndex.build([entry('domain', 'evil.com', { added: '2024-03-01' }), entry('domain', 'evil.com', { added: '2023-01-01' })]);
    expect(blockOnly.lookup('http://www.evil.com/')?.meta.added).toBe('2023-01-01');
  });

  it('refuses entries that are not normalized or carry bad metadata, listing them all', () => {
    const bad = [entry('domain', 'EVIL.com'), entry('domain', 'com'), entry('host', 'ok.test', { category: 'nope' as never }), entry('domain', 'ok.test')];
    expect(() => BlocklistIndex.build(bad)).toThrow(EntryError);
    try {
      BlocklistIndex.build(bad);
    } catch (error) {
      expect((error as EntryError).problems).toHaveLength(3);
      expect((error as EntryError).message).toContain('EVIL.com is not normalized');
    }
  });
});

describe('BlocklistIndex across directory sizes', () => {
  const names = (from: number, count: number, kind: EntryKind = 'domain') =>
    Array.from({ length: count }, (_, i) => entry(kind, `site-${from + i}.test`, { added: `2024-01-${String(1 + ((from + i) % 28)).padStart(2, '0')}` }));

  it('grows and shrinks its directory as deltas change its size, answering as a rebuild does', () => {
    const small = BlocklistIndex.build(names(0, 300));
    const grown = small.withChanges(names(300, 20_000), []);
    expect(grown.serialize()).toEqual(BlocklistIndex.build(names(0, 20_300)).serialize());
    const shrunk = grown.withChanges([], names(50, 20_000));
    expect(shrunk.serialize()).toEqual(BlocklistIndex.build([...names(0, 50), ...names(20_050, 250)]).serialize());
    for (const i of [0, 49, 50, 20_049, 20_050, 20_299]) {
      expect(grown.lookup(`https://www.site-${i}.test/`)?.entry).toBe(`site-${i}.test`);
      expect(shrunk.lookup(`https://www.site-${i}.test/`)?.entry ?? null).toBe(i < 50 || i >= 20_050 ? `site-${i}.test` : null);
    }
  });
});

describe('BlocklistIndex at 150k rows, where lookups go through a filter per bucket', () => {
  const listed = Array.from({ length: 150_000 }, (_, i) => entry('domain', `listed-${i.toString(36)}.test`));
  const index = BlocklistIndex.load(BlocklistIndex.build(listed, { normalized: true }).serialize());

  it('finds every entry under every subdomain, and nothing else', () => {
    const wrong: string[] = [];
    for (let i = 0; i < 150_000; i++) {
      const name = i.toString(36);
      if (index.lookup(`https://www.listed-${name}.test/x`)?.entry !== `listed-${name}.test`) wrong.push(`missed listed-${name}.test`);
      if (index.lookup(`https://listed-${name}.tests/`) !== null) wrong.push(`matched listed-${name}.tests`);
      if (index.lookup(`https://unlisted-${name}.test/`) !== null) wrong.push(`matched unlisted-${name}.test`);
    }
    expect(wrong).toEqual([]);
  });
});

describe('BlocklistIndex binary form', () => {
  const entries = [entry('domain', 'evil.com'), entry('url-prefix', 'sites.google.com/view/x'), entry('host', 'a.b.test', { allow: true, added: '2024-02-02' })];

  it('round-trips: load(serialize()) gives the same bytes and the same answers', () => {
    const index = BlocklistIndex.build(entries);
    const loaded = BlocklistIndex.load(index.serialize().slice());
    expect(loaded.serialize()).toEqual(index.serialize());
    expect(loaded.size).toBe(3);
    expect(loaded.groups).toEqual(index.groups);
    for (const url of ['http://x.evil.com/', 'http://sites.google.com/view/x/y', 'http://a.b.test/', 'http://b.test/']) {
      expect(loaded.lookup(url)).toEqual(index.lookup(url));
    }
  });

  it('holds an empty list (the background starts with one when no list is vouched for)', () => {
    const empty = BlocklistIndex.load(BlocklistIndex.build([]).serialize().slice());
    expect(empty.size).toBe(0);
    expect(empty.lookup('https://evil.com/x')).toBeNull();
    expect(empty.withChanges([entry('domain', 'evil.com')], []).lookup('http://www.evil.com/')?.entry).toBe('evil.com');
  });

  it('loads bytes at an odd offset of a larger buffer', () => {
    const bytes = BlocklistIndex.build(entries).serialize();
    const padded = new Uint8Array(bytes.length + 3);
    padded.set(bytes, 3);
    expect(BlocklistIndex.load(padded.subarray(3)).lookup('http://evil.com/')?.entry).toBe('evil.com');
  });

  it('gives the same bytes for the same entries in any order', () => {
    expect(BlocklistIndex.build([...entries].reverse()).serialize()).toEqual(BlocklistIndex.build(entries).serialize());
  });
});

describe('BlocklistIndex on real data: the eth-phishing-detect lists', () => {
  const config = JSON.parse(readFileSync('node_modules/eth-phishing-detect/src/config.json', 'utf8')) as { blacklist: string[]; whitelist: string[] };
  const normalized = config.blacklist.map((raw) => normalizeEntryValue(raw));
  const listed = normalized.flatMap((result) => (result.ok ? [entry(result.kind, result.value, { added: '2024-06-01' })] : []));
  const index = BlocklistIndex.build(listed);
  const domains = new Set(listed.filter((e) => e.kind === 'domain').map((e) => e.value));
  const hosts = new Set(listed.filter((e) => e.kind === 'host').map((e) => e.value));

  /** What a plain Set with a suffix walk says: the reference the index must agree with. */
  function referenceEntry(host: string): string | null {
    if (hosts.has(host)) return host;
    const labels = host.split('.');
    for (let i = 0; i < labels.length - 1; i++) {
      const suffix = labels.slice(i).join('.');
      if (domains.has(suffix)) return suffix;
    }
    return null;
  }

  it('accepts almost every entry and says why it refuses the rest', () => {
    expect(listed.length).toBeGreaterThan(13_000);
    const refused = normalized.filter((result) => !result.ok);
    expect(refused.length).toBeLessThan(20);
    expect(index.size).toBe(new Set(listed.map((e) => `${e.kind} ${e.value}`)).size);
  });

  it('agrees with a Set suffix walk on every listed name, its subdomains, parents and the whitelist', () => {
    const names = [...listed.map((e) => e.value), ...listed.map((e) => `www.${e.value}`), ...listed.map((e) => e.value.split('.').slice(1).join('.')), ...config.whitelist];
    for (const name of names) {
      const canonical = normalizeEntryValue(name, 'host');
      if (!canonical.ok) continue;
      const match = index.lookup(`https://${canonical.value}/some/path?q=1`);
      expect(match?.entry ?? null, name).toBe(referenceEntry(canonical.value));
    }
  });

  it('fits in under 10 bytes an entry at 13.7k entries, with a group per day of the year', () => {
    const perDay = listed.map((e, i) => ({ ...e, added: new Date(Date.UTC(2024, 0, 1 + (i % 366))).toISOString().slice(0, 10) }));
    const daily = BlocklistIndex.build(perDay);
    expect(daily.groups.length).toBeGreaterThan(366);
    expect(daily.serialize().length / daily.size).toBeLessThan(10);
    expect(index.serialize().length / index.size).toBeLessThan(8.5);
  });
});

export type { IndexMatch };
