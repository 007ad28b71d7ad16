import { describe, expect, it } from 'vitest';
import { normalizeEntryValue } from '../../../../src/core/blocklist/index.ts';

describe('normalizeEntryValue', () => {
  it.each([
    ['evil.com', undefined, 'domain', 'evil.com'],
    ['  EVIL.com.  ', undefined, 'domain', 'evil.com'],
    ['*.evil.com', undefined, 'domain', 'evil.com'],
    ['.evil.com', undefined, 'domain', 'evil.com'],
    ['https://Login.Evil.com/', undefined, 'domain', 'login.evil.com'],
    ['login.evil.com', 'host', 'host', 'login.evil.com'],
    ['http://user@evil.com:8080', 'host', 'host', 'evil.com'],
    ['ümlat.com', undefined, 'domain', 'xn--mlat-zra.com'],
    ['x.github.io', undefined, 'domain', 'x.github.io'],
    ['1.2.3.4', undefined, 'host', '1.2.3.4'],
    ['0x7f000001', undefined, 'host', '127.0.0.1'],
    ['[2001:db8::1]', undefined, 'host', '[2001:db8::1]'],
    ['a.b.c.d.evil.com', undefined, 'host', 'a.b.c.d.evil.com'],
    ['https://sites.google.com/view/x/', undefined, 'url-prefix', 'sites.google.com/view/x'],
    ['sites.google.com/view/x#top', 'url-prefix', 'url-prefix', 'sites.google.com/view/x'],
    ['evil.com/a/./b/../c?q=1', undefined, 'url-prefix', 'evil.com/a/c?q=1'],
    ['evil.com/', 'url-prefix', 'host', 'evil.com'],
  ] as const)('%j (%s) -> %s %s', (raw, hint, kind, value) => {
    expect(normalizeEntryValue(raw, hint)).toEqual({ ok: true, kind, value });
  });

  it.each([
    ['', undefined, 'empty value'],
    ['com', undefined, 'com is a public suffix'],
    ['co.uk', 'domain', 'co.uk is a public suffix'],
    ['github.io', 'host', 'github.io is a public suffix'],
    ['*.com', undefined, 'com is a public suffix'],
    ['localhost', undefined, 'localhost is a public suffix'],
    ['ftp://evil.com/', undefined, 'not a host name or an http(s) URL'],
    ['evil.com/x', 'domain', 'a domain entry is a host name alone'],
    ['*.evil.com/x', undefined, 'a *. entry cannot have a path'],
    ['*.evil.com', 'host', 'list it as a domain'],
    ['1.2.3.4', 'domain', 'IP address, which has no subdomains'],
    ['a.b.c.d.evil.com', 'domain', 'has 6 labels'],
    ['bad_host!.com', undefined, 'is not a valid host name'],
    ['x'.repeat(3000), undefined, 'longer than 2048'],
  ] as const)('refuses %j (%s)', (raw, hint, message) => {
    const result = normalizeEntryValue(raw, hint);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.message).toContain(message);
  });

  it('is stable: a normalized value normalizes to itself with its kind', () => {
    for (const raw of ['EVIL.com', 'https://sites.google.com/view/x/', '0x7f000001', 'ümlat.com/path?q=é']) {
      const first = normalizeEntryValue(raw);
      if (!first.ok) throw new Error(first.message);
      expect(normalizeEntryValue(first.value, first.kind)).toEqual(first);
    }
  });
});
