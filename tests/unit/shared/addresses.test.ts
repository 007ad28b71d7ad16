import { describe, expect, it } from 'vitest';
import { isAcceptableFeedUrl } from '../../../src/shared/feed-url.ts';
import { buildReportPath, readReportRequest } from '../../../src/shared/report-entry.ts';
import { buildWarningUrl, getWarningPageUrl, readStoppedUrl } from '../../../src/shared/warning-url.ts';

const ROOT = 'chrome-extension://abcdefghijklmnop/';

describe('warning page address', () => {
  it('carries the stopped URL in the fragment, unencoded, as the DNR rule writes it', () => {
    const stopped = 'http://www.evil-scam.test/login?next=/a#b';
    const address = buildWarningUrl(ROOT, stopped);
    expect(address).toBe(`${ROOT}src/warning/index.html#${stopped}`);
    expect(readStoppedUrl(address, ROOT)).toBe(stopped);
  });

  it('builds the page address from the extension root, with or without its final slash', () => {
    expect(getWarningPageUrl(ROOT.slice(0, -1))).toBe(getWarningPageUrl(ROOT));
  });

  it('reads nothing from other pages or other extensions', () => {
    expect(readStoppedUrl(`${ROOT}src/popup/index.html#http://x.test/`, ROOT)).toBeNull();
    expect(readStoppedUrl('chrome-extension://other/src/warning/index.html#http://x.test/', ROOT)).toBeNull();
    expect(readStoppedUrl(`${ROOT}src/warning/index.html#javascript:alert(1)`, ROOT)).toBeNull();
    expect(readStoppedUrl(`${ROOT}src/warning/index.html`, ROOT)).toBeNull();
  });
});

describe('report entry', () => {
  it('round-trips the kind and the page', () => {
    const path = buildReportPath({ kind: 'mistake', url: 'https://shop.test/a?b=c&d' });
    expect(readReportRequest(path.slice(path.indexOf('?')))).toEqual({ kind: 'mistake', url: 'https://shop.test/a?b=c&d' });
  });

  it('refuses unknown kinds and non-web pages', () => {
    expect(readReportRequest('?report=spam&url=https://a.test/')).toBeNull();
    expect(readReportRequest('?report=scam&url=javascript:alert(1)')).toBeNull();
    expect(readReportRequest('?tabId=4')).toBeNull();
  });
});

describe('isAcceptableFeedUrl', () => {
  it('takes https anywhere and plain http only on this machine', () => {
    expect(isAcceptableFeedUrl('https://mirror.example/feed.json')).toBe(true);
    expect(isAcceptableFeedUrl('http://127.0.0.1:8080/feed.json')).toBe(true);
    expect(isAcceptableFeedUrl('http://localhost/feed.json')).toBe(true);
    expect(isAcceptableFeedUrl('http://mirror.example/feed.json')).toBe(false);
    expect(isAcceptableFeedUrl('ftp://mirror.example/')).toBe(false);
    expect(isAcceptableFeedUrl('not a url')).toBe(false);
  });
});
