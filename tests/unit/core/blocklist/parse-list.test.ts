import { describe, expect, it } from 'vitest';
import { parseListText } from '../../../../src/core/blocklist/index.ts';

const DEFAULTS = { category: 'phishing', source: 'test list', added: '2024-05-01' } as const;

describe('parseListText', () => {
  it('reads one value a line, skipping comments and blank lines', () => {
    const text = '# a comment\n\nevil.com\r\n*.scam.test  # trailing comment\nsites.google.com/view/x\n';
    expect(parseListText(text, DEFAULTS)).toEqual({
      entries: [
        { kind: 'domain', value: 'evil.com', ...DEFAULTS },
        { kind: 'domain', value: 'scam.test', ...DEFAULTS },
        { kind: 'url-prefix', value: 'sites.google.com/view/x', ...DEFAULTS },
      ],
      errors: [],
    });
  });

  it('reports every bad line with its number and keeps the good ones', () => {
    const text = ['evil.com', 'com', 'two values', 'mailto:x@y.z', 'github.io', 'ok.test'].join('\n');
    const { entries, errors } = parseListText(text, DEFAULTS);
    expect(entries.map((entry) => entry.value)).toEqual(['evil.com', 'ok.test']);
    expect(errors.map((error) => error.line)).toEqual([2, 3, 4, 5]);
    expect(errors[0]!.message).toContain('public suffix');
    expect(errors[1]!.message).toContain('one value per line');
  });

  it('applies the default kind and allow flag', () => {
    const { entries, errors } = parseListText('login.bank.test\nbank.test/help', { ...DEFAULTS, kind: 'host', allow: true });
    expect(entries).toEqual([{ kind: 'host', value: 'login.bank.test', ...DEFAULTS, allow: true }]);
    expect(errors).toEqual([{ line: 2, message: 'a host entry is a host name alone, without a path' }]);
  });

  it('keeps a # inside a value, where it starts a fragment', () => {
    expect(parseListText('evil.com/page#x', DEFAULTS).entries[0]!.value).toBe('evil.com/page');
  });

  it('refuses bad defaults outright', () => {
    expect(() => parseListText('evil.com', { ...DEFAULTS, category: 'nope' as never })).toThrow('unknown category');
    expect(() => parseListText('evil.com', { ...DEFAULTS, added: 'yesterday' })).toThrow('YYYY-MM-DD');
  });
});
