import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BlocklistIndex, EntryError, hasNormalizedShape, normalizeEntryValue } from '../../../../src/core/blocklist/index.ts';
import { groupEntries } from '../../../../src/core/feed/content.ts';
import type { EntryKind, ListEntry } from '../../../../src/core/types.ts';

const META = { category: 'phishing', source: 'test', added: '2024-01-01' } as const;
const entry = (kind: EntryKind, value: string, extra: Partial<ListEntry> = {}): ListEntry => ({ kind, value, ...META, ...extra });

/** The eth-phishing-detect blacklist, normalized, with a few URL prefixes and allow entries. */
function realEntries(): ListEntry[] {
  const config = JSON.parse(readFileSync('node_modules/eth-phishing-detect/src/config.json', 'utf8')) as { blacklist: string[] };
  const listed = config.blacklist.flatMap((raw, i) => {
    const normalized = normalizeEntryValue(raw);
    return normalized.ok ? [entry(normalized.kind, normalized.value, { added: `2024-0${1 + (i % 9)}-1${i % 10}` })] : [];
  });
  const extra = ['sites.google.com/view/claim-eth', 'ipfs.io/ipfs/qmxyz/login?step=2', '[2001:db8::1]/x%20y'].map((value) => entry('url-prefix', value));
  return [...listed, ...extra, entry('domain', 'metamask.io', { allow: true }), entry('host', '10.0.0.1')];
}

describe('hasNormalizedShape: the cheap check for entries of a verified feed', () => {
  it.each([
    ['domain', 'evil.com'],
    ['domain', 'xn--mlat-zra.test'],
    ['host', 'login.bank_x.test'],
    ['host', '1.2.3.4'],
    ['host', '[2001:db8::1]'],
    ['url-prefix', 'sites.google.com/view/x'],
    ['url-prefix', 'evil.com/a%20b?c=d&e=%25'],
  ] as const)('accepts the %s %s', (kind, value) => {
    expect(hasNormalizedShape(kind, value)).toBe(true);
  });

  it.each([
    ['domain', ''],
    ['domain', 'EVIL.com'],
    ['domain', 'evil.com/x'],
    ['domain', 'ev il.com'],
    ['domain', 'évil.com'],
    ['domain', '[::1]'],
    ['host', 'evil.com/'],
    ['url-prefix', 'evil.com'],
    ['url-prefix', '/x'],
    ['url-prefix', 'evil.com/#frag'],
    ['url-prefix', 'evil.com/\u007f'],
    ['domain', 'a'.repeat(2049)],
  ] as const)('refuses the %s %j', (kind, value) => {
    expect(hasNormalizedShape(kind, value)).toBe(false);
  });
});

describe('building from normalized entries', () => {
  const entries = realEntries();
  const checked = BlocklistIndex.build(entries).serialize();

  it('gives byte for byte the index the full check gives, from entries or from groups', () => {
    expect(BlocklistIndex.build(entries, { normalized: true }).serialize()).toEqual(checked);
    expect(BlocklistIndex.fromGroups(groupEntries(entries), { normalized: true }).serialize()).toEqual(checked);
    expect(BlocklistIndex.fromGroups(groupEntries(entries)).serialize()).toEqual(checked);
  });

  it('still refuses values of the wrong shape and bad metadata, listing each', () => {
    const bad = [entry('domain', 'EVIL.com'), entry('domain', 'evil.com/path'), entry('host', 'ok.test', { category: 'nope' as never }), entry('domain', 'ok.test')];
    try {
      BlocklistIndex.fromGroups(groupEntries(bad), { normalized: true });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(EntryError);
      expect((error as EntryError).problems).toEqual([
        'EVIL.com is not a normalized domain value',
        'evil.com/path is not a normalized domain value',
        'ok.test: unknown category nope',
      ]);
    }
  });

  it('applies a delta the same way, with or without the full check', () => {
    const index = BlocklistIndex.build(entries.slice(0, 5000));
    const [add, remove] = [entries.slice(5000, 6000), entries.slice(0, 1000)];
    expect(index.withChanges(add, remove, { normalized: true }).serialize()).toEqual(index.withChanges(add, remove).serialize());
    expect(() => index.withChanges([entry('domain', 'Bad.test')], [], { normalized: true })).toThrow('Bad.test is not a normalized domain value');
  });
});
