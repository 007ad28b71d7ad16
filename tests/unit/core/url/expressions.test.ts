import { describe, expect, it } from 'vitest';
import { urlExpressions } from '../../../../src/core/url/index.ts';

describe('urlExpressions: the specification examples', () => {
  it('http://a.b.c/1/2.html?param=1', () => {
    expect(urlExpressions('http://a.b.c/1/2.html?param=1')).toEqual([
      'a.b.c/1/2.html?param=1',
      'a.b.c/1/2.html',
      'a.b.c/',
      'a.b.c/1/',
      'b.c/1/2.html?param=1',
      'b.c/1/2.html',
      'b.c/',
      'b.c/1/',
    ]);
  });

  it('http://a.b.c.d.e.f.g/1.html: b.c.d.e.f.g is skipped, only the last five labels make suffixes', () => {
    expect(urlExpressions('http://a.b.c.d.e.f.g/1.html')).toEqual([
      'a.b.c.d.e.f.g/1.html',
      'a.b.c.d.e.f.g/',
      'c.d.e.f.g/1.html',
      'c.d.e.f.g/',
      'd.e.f.g/1.html',
      'd.e.f.g/',
      'e.f.g/1.html',
      'e.f.g/',
      'f.g/1.html',
      'f.g/',
    ]);
  });

  it('http://1.2.3.4/1/: an IP address is looked up whole', () => {
    expect(urlExpressions('http://1.2.3.4/1/')).toEqual(['1.2.3.4/1/', '1.2.3.4/']);
  });
});

describe('urlExpressions: limits and edge cases', () => {
  it('stops at three directories besides the root, plus the exact path', () => {
    expect(urlExpressions('http://b.c/1/2/3/4/5/')).toEqual(['b.c/1/2/3/4/5/', 'b.c/', 'b.c/1/', 'b.c/1/2/', 'b.c/1/2/3/']);
  });

  it('keeps an empty query as its own expression', () => {
    expect(urlExpressions('http://a.b/q?')).toEqual(['a.b/q?', 'a.b/q', 'a.b/']);
  });

  it('looks up IPv6 and single-label hosts whole, and canonicalizes first', () => {
    expect(urlExpressions('http://[2001:470:1:18::114]/a/b')).toEqual(['[2001:470:1:18::114]/a/b', '[2001:470:1:18::114]/', '[2001:470:1:18::114]/a/']);
    expect(urlExpressions('HTTP://B/')).toEqual(['b/']);
    expect(urlExpressions('a.b.c.d.e.f.g.h.i/')).toEqual(['a.b.c.d.e.f.g.h.i/', 'e.f.g.h.i/', 'f.g.h.i/', 'g.h.i/', 'h.i/']);
  });

  it('gives nothing for what is not an http(s) URL', () => {
    expect(urlExpressions('mailto:x@y.z')).toEqual([]);
  });
});
