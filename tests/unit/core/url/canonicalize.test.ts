import { describe, expect, it } from 'vitest';
import { canonicalizeUrl } from '../../../../src/core/url/index.ts';

// Every canonicalization example of Safe Browsing v4 "URLs and Hashing", in its order.
const SPEC_EXAMPLES: [string, string][] = [
  ['http://host/%25%32%35', 'http://host/%25'],
  ['http://host/%25%32%35%25%32%35', 'http://host/%25%25'],
  ['http://host/%2525252525252525', 'http://host/%25'],
  ['http://host/asdf%25%32%35asd', 'http://host/asdf%25asd'],
  ['http://host/%%%25%32%35asd%%', 'http://host/%25%25%25asd%25%25'],
  ['http://www.google.com/', 'http://www.google.com/'],
  [
    'http://%31%36%38%2e%31%38%38%2e%39%39%2e%32%36/%2E%73%65%63%75%72%65/%77%77%77%2E%65%62%61%79%2E%63%6F%6D/',
    'http://168.188.99.26/.secure/www.ebay.com/',
  ],
  [
    'http://195.127.0.11/uploads/%20%20%20%20/.verify/.eBaysecure=updateuserdataxplimnbqmn-xplmvalidateinfoswqpcmlx=hgplmcx/',
    'http://195.127.0.11/uploads/%20%20%20%20/.verify/.eBaysecure=updateuserdataxplimnbqmn-xplmvalidateinfoswqpcmlx=hgplmcx/',
  ],
  [
    'http://host%23.com/%257Ea%2521b%2540c%2523d%2524e%25f%255E00%252611%252A22%252833%252944_55%252B',
    'http://host%23.com/~a!b@c%23d$e%25f^00&11*22(33)44_55+',
  ],
  ['http://3279880203/blah', 'http://195.127.0.11/blah'],
  ['http://www.google.com/blah/..', 'http://www.google.com/'],
  ['www.google.com/', 'http://www.google.com/'],
  ['www.google.com', 'http://www.google.com/'],
  ['http://www.evil.com/blah#frag', 'http://www.evil.com/blah'],
  ['http://www.GOOgle.com/', 'http://www.google.com/'],
  ['http://www.google.com.../', 'http://www.google.com/'],
  ['http://www.google.com/foo\tbar\rbaz\n2', 'http://www.google.com/foobarbaz2'],
  ['http://www.google.com/q?', 'http://www.google.com/q?'],
  ['http://www.google.com/q?r?', 'http://www.google.com/q?r?'],
  ['http://www.google.com/q?r?s', 'http://www.google.com/q?r?s'],
  ['http://evil.com/foo#bar#baz', 'http://evil.com/foo'],
  ['http://evil.com/foo;', 'http://evil.com/foo;'],
  ['http://evil.com/foo?bar;', 'http://evil.com/foo?bar;'],
  // The specification writes raw bytes 0x01 0x80; a JS string can only carry byte 0x80 escaped (see below).
  ['http://\x01%80.com/', 'http://%01%80.com/'],
  ['http://notrailingslash.com', 'http://notrailingslash.com/'],
  ['http://www.gotaport.com:1234/', 'http://www.gotaport.com/'],
  ['  http://www.google.com/  ', 'http://www.google.com/'],
  ['http:// leadingspace.com/', 'http://%20leadingspace.com/'],
  ['http://%20leadingspace.com/', 'http://%20leadingspace.com/'],
  ['%20leadingspace.com/', 'http://%20leadingspace.com/'],
  ['https://www.securesite.com/', 'https://www.securesite.com/'],
  ['http://host.com/ab%23cd', 'http://host.com/ab%23cd'],
  ['http://host.com//twoslashes?more//slashes', 'http://host.com/twoslashes?more//slashes'],
];

describe('canonicalizeUrl: the specification examples', () => {
  it.each(SPEC_EXAMPLES)('%j -> %s', (input, expected) => {
    expect(canonicalizeUrl(input)).toBe(expected);
  });

  it('escapes the UTF-8 bytes of a non-ASCII char that cannot be part of a host name', () => {
    // U+0080 is the two bytes C2 80 in UTF-8: the JS reading of the specification's "\x80".
    expect(canonicalizeUrl('http://\x01\x80.com/')).toBe('http://%01%C2%80.com/');
  });
});

describe('canonicalizeUrl: hosts', () => {
  it.each([
    ['http://255.0.0.1/', 'http://255.0.0.1/'],
    ['http://12.0x12.01234/', 'http://12.18.2.156/'],
    ['http://012.034.01.055/', 'http://10.28.1.45/'],
    ['http://0x12.0x43.0x44.0x01/', 'http://18.67.68.1/'],
    ['http://167838211/', 'http://10.1.2.3/'],
    ['http://4294967295/', 'http://255.255.255.255/'],
    ['http://0x7f.1/', 'http://127.0.0.1/'],
    ['http://123.123.0.0.1/', 'http://123.123.0.0.1/'],
    ['http://1.2.3.00x0/', 'http://1.2.3.00x0/'],
  ])('IPv4 %s -> %s', (input, expected) => {
    expect(canonicalizeUrl(input)).toBe(expected);
  });

  it('refuses numeric hosts that are no address, as browsers do', () => {
    expect(canonicalizeUrl('http://4294967296/')).toBeNull();
    expect(canonicalizeUrl('http://256.1.1.1/')).toBeNull();
  });

  it('compresses IPv6 and refuses broken brackets', () => {
    expect(canonicalizeUrl('http://[2001:0DB8:0000::1]:8080/a')).toBe('http://[2001:db8::1]/a');
    expect(canonicalizeUrl('http://[FEDC:BA98:7654:3210:FEDC:BA98:7654:3210]:80/index.html')).toBe('http://[fedc:ba98:7654:3210:fedc:ba98:7654:3210]/index.html');
    expect(canonicalizeUrl('http://[::1/')).toBeNull();
    expect(canonicalizeUrl('http://[nonsense]/')).toBeNull();
  });

  it('turns international names into punycode, escaped or not', () => {
    expect(canonicalizeUrl('http://www.ümlat.com/')).toBe('http://www.xn--mlat-zra.com/');
    expect(canonicalizeUrl('http://www.%C3%BCmlat.com/')).toBe('http://www.xn--mlat-zra.com/');
    expect(canonicalizeUrl('http://ÜMLAT.COM/')).toBe('http://xn--mlat-zra.com/');
    expect(canonicalizeUrl('http://пример.рф/путь')).toBe('http://xn--e1afmkfd.xn--p1ai/%D0%BF%D1%83%D1%82%D1%8C');
    expect(canonicalizeUrl('http://１２７．０．０．１/')).toBe('http://127.0.0.1/');
  });

  it('drops userinfo and port, and refuses a port that is not a number', () => {
    expect(canonicalizeUrl('https://user:pass@Evil.COM:8443/x')).toBe('https://evil.com/x');
    expect(canonicalizeUrl('http://google.com@evil.com/')).toBe('http://evil.com/');
    expect(canonicalizeUrl('evil.com:8080/x')).toBe('http://evil.com/x');
    expect(canonicalizeUrl('http://evil.com:abc/')).toBeNull();
  });

  it('refuses hosts longer than DNS allows', () => {
    const label = 'a'.repeat(63);
    expect(canonicalizeUrl(`http://${[label, label, label, label, 'com'].join('.')}/`)).toBeNull();
    expect(canonicalizeUrl(`http://${[label, label, label, 'com'].join('.')}/`)).not.toBeNull();
  });
});

describe('canonicalizeUrl: paths, schemes and non-URLs', () => {
  it.each([
    ['http://a.com/foo/.././bar/./../foo.html', 'http://a.com/foo.html'],
    ['http://a.com//a//b///c////', 'http://a.com/a/b/c/'],
    ['http://a.com/a/b/.', 'http://a.com/a/b/'],
    ['http://a.com/../../x', 'http://a.com/x'],
    ['http://a.com\\b\\c', 'http://a.com/b/c'],
    ['http://a.com/%2e%2E/x', 'http://a.com/x'],
    ['http://a.com/p?q=/./../', 'http://a.com/p?q=/./../'],
    ['http://a.com/caf\u00e9', 'http://a.com/caf%C3%A9'],
    ['HTTPS://A.com/Path', 'https://a.com/Path'],
    ['http:evil.com/x', 'http://evil.com/x'],
    ['http%3A%2F%2Fwackyurl.com:80/', 'http://wackyurl.com/'],
    ['http://W!eird<>Ho$^.com/', 'http://w!eird<>ho$^.com/'],
  ])('%j -> %s', (input, expected) => {
    expect(canonicalizeUrl(input)).toBe(expected);
  });

  it.each(['', ':', '/blah', '#ref', '?query#ref', 'http://', 'http://#ref', 'http://?query', 'mailto:bryner@google.com', 'ftp://ftp.myfiles.com/', 'javascript:alert(1)', 'data:text/html,x', 'about:blank', '//evil.com/x'])(
    '%j is not an http(s) URL',
    (input) => {
      expect(canonicalizeUrl(input)).toBeNull();
    },
  );
});
