import { describe, expect, it } from 'vitest';
import { parseHost } from '../../../../src/core/lookalike/host.ts';

describe('parseHost', () => {
  it('splits a host into labels, registrable domain and public suffix', () => {
    expect(parseHost('login.paypal.co.uk')).toEqual({
      labels: ['login', 'paypal', 'co', 'uk'], domain: 'paypal.co.uk', suffixLength: 2, isIcannSuffix: true,
    });
  });

  it('decodes punycode labels and accepts Unicode, URLs and a trailing dot', () => {
    expect(parseHost('xn--pypal-4ve.com')?.labels).toEqual(['pаypal', 'com']);
    expect(parseHost('pаypal.com')?.domain).toBe('xn--pypal-4ve.com');
    expect(parseHost('https://Secure.PayPal.com:8443/login?x=1')?.labels).toEqual(['secure', 'paypal', 'com']);
    expect(parseHost('paypal.com.')?.domain).toBe('paypal.com');
  });

  it('treats private suffixes as suffixes: a user site on github.io is its own domain', () => {
    expect(parseHost('metamask.github.io')).toMatchObject({ domain: 'metamask.github.io', suffixLength: 2, isIcannSuffix: false });
  });

  it('gives null for what is not a host name', () => {
    for (const input of ['', 'com', 'co.uk', '127.0.0.1', 'http://[::1]/', 'not a host', 'a..b.com', 'ftp//x', 'x'.repeat(300) + '.com']) {
      expect(parseHost(input)).toBeNull();
    }
  });
});

describe('parseHost on shared hosts', () => {
  it("treats a user's site on a shared host the Public Suffix List leaves out as its own domain", () => {
    expect(parseHost('paypal-login.weebly.com')).toMatchObject({ domain: 'paypal-login.weebly.com', suffixLength: 2, isIcannSuffix: false });
    expect(parseHost('a.b.myaccount.blob.core.windows.net')).toMatchObject({ domain: 'myaccount.blob.core.windows.net', suffixLength: 4 });
    expect(parseHost('www.weebly.com')?.domain).toBe('weebly.com');
  });
});
