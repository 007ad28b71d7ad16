// Report drafts through the real router: built from what the background holds for the tab (its
// address, its title as the browser reports it, the page's own evidence), never from a page's word;
// who may ask for what; and submissions the core validator refuses.
import { fakeBrowser } from '@webext-core/fake-browser';
import type { Tabs } from 'webextension-polyfill';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { emptyBehaviour } from '../../../../src/core/scanner/index.ts';
import type { PageSnapshot } from '../../../../src/core/types.ts';
import type { ReportDraft, SubmitResult } from '../../../../src/shared/protocol.ts';
import { readReportRequest } from '../../../../src/shared/report-entry.ts';
import { removeFakeChrome } from '../../shared/support/fake-chrome.ts';
import { contentSender, openTab, WARNING_PAGE } from '../support/background.ts';
import { createClock, createNetwork, draftReport, EXTENSION_VERSION, POPUP, routeValue, startReportBench, type Network, type ReportBench } from './support.ts';

let bench: ReportBench;
let network: Network;
const titles = new Map<number, string>();

beforeEach(() => {
  network = createNetwork();
  network.isOnline = false;
  bench = startReportBench(network, createClock(), 'https://reports.example/v1/reports');
  titles.clear();
  // The fake browser keeps no titles: give each tab the one the test says it shows.
  const get = fakeBrowser.tabs.get.bind(fakeBrowser.tabs);
  vi.spyOn(fakeBrowser.tabs, 'get').mockImplementation(async (tabId: number) => {
    const tab = (await get(tabId)) as Tabs.Tab | undefined;
    if (!tab) throw new Error(`No tab with id: ${tabId}.`);
    return { ...tab, ...(titles.has(tabId) ? { title: titles.get(tabId) } : {}) };
  });
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  removeFakeChrome();
});

const ALERT_URL = 'http://pc-health-alerts.test/alert';
const ALLOWED_FIELDS = ['url', 'kind', 'category', 'note', 'title', 'verdict', 'signals', 'extensionVersion', 'feedVersion', 'reportedAt'];

function alertSnapshot(url: string): PageSnapshot {
  return {
    url, title: 'Windows Defender Alert', lang: 'en', headings: ['Your computer has been blocked'], buttons: ['Call now'], forms: [], links: [], imageAlts: [],
    text: 'Your computer is infected with a virus. Do not turn off your computer, call Microsoft support at +1 202 555 0143 immediately. Download AnyDesk.',
    behaviour: emptyBehaviour(), truncated: false,
  };
}

async function openScannedTab(url: string, title: string): Promise<number> {
  const tabId = await openTab(url);
  titles.set(tabId, title);
  await routeValue(bench, 'page.scan', { snapshot: alertSnapshot('http://somewhere-else.test/') }, contentSender(tabId, url));
  return tabId;
}

describe('report.draft', () => {
  it("builds the report from the tab: its URL and title, the verdict with the page's evidence, the guessed category, versions and time", async () => {
    const tabId = await openScannedTab(ALERT_URL, '  Windows\u202e Defender\u0007 Alert  ');
    const { report } = await draftReport(bench, ALERT_URL, { tabId });
    expect(report).toMatchObject({
      url: ALERT_URL, kind: 'scam', title: 'Windows Defender Alert', verdict: 'suspicious', category: 'tech-support',
      extensionVersion: EXTENSION_VERSION, feedVersion: 7, reportedAt: '2025-03-01T10:00:00.000Z',
    });
    expect(report.signals).toContainEqual({ kind: 'indicator', name: 'phone:+12025550143', category: 'tech-support', weight: expect.any(Number) });
    expect(report.signals?.some((signal) => signal.kind === 'signal')).toBe(true);
    expect(Object.keys(report).every((key) => ALLOWED_FIELDS.includes(key))).toBe(true);
    expect(report).not.toHaveProperty('note');
  });

  it('takes neither title nor page evidence from a tab that has moved on to another page', async () => {
    const tabId = await openScannedTab(ALERT_URL, 'Some other page');
    const { report } = await draftReport(bench, 'http://pc-health-alerts.test/other', { tabId });
    expect(report).not.toHaveProperty('title');
    expect(report).toMatchObject({ url: 'http://pc-health-alerts.test/other', verdict: 'unknown' });
    expect(report).not.toHaveProperty('signals');
  });

  it('reports the page a warning tab stopped, as a false positive, without our own page title', async () => {
    const stopped = 'http://www.evil-scam.test/wallet';
    const tabId = await openTab(`${WARNING_PAGE}#${stopped}`);
    titles.set(tabId, 'Scam Warner: this site was stopped');
    const { report } = await draftReport(bench, stopped, { kind: 'false-positive', tabId });
    expect(report).toMatchObject({ url: stopped, kind: 'false-positive', verdict: 'dangerous', category: 'phishing', signals: [{ kind: 'blocklist', name: 'evil-scam.test', category: 'phishing' }] });
    expect(report).not.toHaveProperty('title');
  });

  it("builds a report from the URL alone when no tab is named (the warning page's 'This is a mistake')", async () => {
    const { report } = await draftReport(bench, 'http://fake-shop.test/cart', { kind: 'false-positive' });
    expect(report).toMatchObject({ url: 'http://fake-shop.test/cart', kind: 'false-positive', verdict: 'dangerous', category: 'fake-shop' });
  });

  it('says why a page cannot be reported', async () => {
    const reply = await bench.route({ name: 'report.draft', request: { kind: 'scam', url: `http://long.test/${'a'.repeat(5000)}` } }, POPUP);
    expect(reply).toEqual({ ok: false, error: expect.stringMatching(/^this page cannot be reported: url longer than 4096/) });
  });
});

describe('who may ask', () => {
  it('only extension pages draft, submit and list reports; only a content script asks for the mistake view', async () => {
    const tabId = await openTab(ALERT_URL);
    const page = contentSender(tabId, ALERT_URL);
    for (const message of [
      { name: 'report.draft', request: { kind: 'scam', url: ALERT_URL, tabId } },
      { name: 'report.submit', request: { draftId: 'draft-0001-abcd', category: null, note: '' } },
      { name: 'report.list', request: {} },
    ]) {
      expect(await bench.route(message, page), message.name).toEqual({ ok: false, error: 'not allowed' });
    }
    expect(await bench.route({ name: 'banner.mistake', request: {} }, POPUP)).toEqual({ ok: false, error: 'not allowed' });
    expect(await bench.route({ name: 'banner.mistake', request: {} }, contentSender(tabId, ALERT_URL, 3))).toEqual({ ok: false, error: 'not allowed' });
  });

  it("banner.mistake opens the report view for the sender's own tab and URL, and the draft carries that tab's evidence", async () => {
    const tabId = await openScannedTab(ALERT_URL, 'Windows Defender Alert');
    const created = vi.spyOn(fakeBrowser.tabs, 'create');
    expect(await bench.route({ name: 'banner.mistake', request: { url: 'http://other.test/' } }, contentSender(tabId, ALERT_URL))).toMatchObject({ ok: false, error: expect.stringMatching(/^bad request/) });
    expect(await bench.route({ name: 'banner.mistake', request: {} }, contentSender(tabId, ALERT_URL))).toEqual({ ok: true, value: null });
    const opened = new URL(created.mock.calls[0]?.[0].url ?? '');
    expect(opened.href.split('?')[0]).toBe(`chrome-extension://${fakeBrowser.runtime.id}/src/popup/index.html`);
    const request = readReportRequest(opened.search);
    expect(request).toEqual({ kind: 'mistake', url: ALERT_URL, tabId });
    const { report } = await draftReport(bench, ALERT_URL, { kind: 'false-positive', tabId });
    expect(report).toMatchObject({ kind: 'false-positive', title: 'Windows Defender Alert', verdict: 'suspicious' });
  });
});

describe('report.submit', () => {
  it("queues the draft with the user's category and note, exactly as the preview computes it", async () => {
    const draft = await draftReport(bench, 'http://fake-shop.test/cart');
    const result = await routeValue<SubmitResult>(bench, 'report.submit', { draftId: draft.id, category: 'investment', note: '  Paid, got nothing.\nTwice.  ' });
    expect(result).toMatchObject({ isQueued: true, report: { id: draft.id, state: 'queued' } });
    const queued = result.isQueued ? result.report.report : null;
    expect(queued).toEqual({ ...draft.report, category: 'investment', note: 'Paid, got nothing.\nTwice.' });
    const cleared = await routeValue<SubmitResult>(bench, 'report.submit', { draftId: (await draftReport(bench, ALERT_URL)).id, category: null, note: '   ' });
    expect(cleared.isQueued && cleared.report.report).not.toHaveProperty('category');
    expect(cleared.isQueued && cleared.report.report).not.toHaveProperty('note');
  });

  it('refuses what core refuses, field by field, and queues nothing', async () => {
    const draft: ReportDraft = await draftReport(bench, 'http://fake-shop.test/cart');
    const result = await routeValue<SubmitResult>(bench, 'report.submit', { draftId: draft.id, category: null, note: 'look \u202eevil' });
    expect(result).toEqual({ isQueued: false, problem: 'invalid', errors: [{ field: 'note', reason: 'contains bidirectional override characters' }] });
    expect(await routeValue(bench, 'report.list', {})).toEqual([]);
  });

  it('says a draft is gone, and refuses malformed requests before looking', async () => {
    expect(await routeValue(bench, 'report.submit', { draftId: 'no-such-draft-1', category: null, note: '' })).toEqual({ isQueued: false, problem: 'expired', errors: [] });
    const draft = await draftReport(bench, ALERT_URL);
    for (const request of [
      { draftId: draft.id, category: 'nonsense', note: '' },
      { draftId: draft.id, category: null, note: 'x'.repeat(2001) },
      { draftId: draft.id, category: null },
      { draftId: 'bad id', category: null, note: '' },
      { draftId: draft.id, category: null, note: '', url: 'http://elsewhere.test/' },
    ]) {
      expect(await bench.route({ name: 'report.submit', request }, POPUP), JSON.stringify(request)).toMatchObject({ ok: false, error: expect.stringMatching(/^bad request: /) });
    }
  });
});
