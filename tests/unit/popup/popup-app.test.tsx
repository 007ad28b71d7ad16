// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { PopupApp } from '../../../src/popup/popup-app.tsx';
import type { Envelope, TabView } from '../../../src/shared/protocol.ts';
import { installFakeChrome, removeFakeChrome, type FakeChrome } from '../shared/support/fake-chrome.ts';
import { clickAsUser } from '../ui/support/trusted-click.ts';

afterEach(() => {
  cleanup();
  removeFakeChrome();
});

const LIST = { version: 12, entryCount: 13_700, origin: 'feed' as const, updatedAt: '2025-03-01T10:00:00.000Z', lastSync: null };

function view(overrides: Partial<TabView> = {}): TabView {
  return {
    tabId: 4,
    url: 'http://paypal.com.verify-account.test/',
    host: 'paypal.com.verify-account.test',
    verdict: { url: 'http://paypal.com.verify-account.test/', verdict: 'suspicious', category: 'phishing', reasons: [{ kind: 'lookalike-embedding', brand: 'PayPal', brandDomain: 'paypal.com', weight: 0.85 }] },
    isTrusted: false,
    list: LIST,
    ...overrides,
  };
}

/** A background that answers tab.describe and records trust changes. */
function installBackground(initial: TabView): FakeChrome {
  let current = initial;
  const fake = installFakeChrome('en');
  fake.reply = (message) => {
    const { name } = message as Envelope;
    if (name === 'tab.describe') return { ok: true, value: current };
    if (name === 'site.trust' || name === 'site.untrust') {
      current = { ...current, isTrusted: name === 'site.trust' };
      return { ok: true, value: [] };
    }
    return { ok: false, error: 'unexpected' };
  };
  return fake;
}

describe('the popup', () => {
  it('describes the tab it is asked about: address, verdict, reasons and the list', async () => {
    const fake = installBackground(view());
    render(<PopupApp tabId={4} report={null} />);
    await screen.findByTestId('ui:verdict');
    expect(fake.sent).toContainEqual({ name: 'tab.describe', request: { tabId: 4 } });
    expect(screen.getByTestId('popup:url').textContent).toBe('http://paypal.com.verify-account.test/');
    expect(screen.getByTestId('ui:verdict').dataset.verdict).toBe('suspicious');
    expect(screen.getByTestId('ui:reasons').textContent).toContain('paypal.com (PayPal)');
    expect(screen.getByTestId('ui:list-entries').textContent).toBe('13,700 entries, version 12');
    expect(screen.getByText('Not checked for updates yet.')).toBeTruthy();
  });

  it('trusts and stops trusting the site with real clicks only', async () => {
    const fake = installBackground(view());
    render(<PopupApp tabId={4} report={null} />);
    const trust = await screen.findByTestId('popup:trust');
    trust.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(fake.sent.filter((message) => (message as Envelope).name === 'site.trust')).toEqual([]);
    clickAsUser(trust);
    await waitFor(() => expect(fake.sent).toContainEqual({ name: 'site.trust', request: { host: 'paypal.com.verify-account.test' } }));
  });

  it('says so when the tab shows no web page', async () => {
    installBackground(view({ url: null, host: null, verdict: null }));
    render(<PopupApp tabId={4} report={null} />);
    await screen.findByTestId('popup:no-page');
    expect(screen.queryByTestId('popup:trust')).toBeNull();
    expect(screen.queryByTestId('popup:report')).toBeNull();
  });

  it('opens the report view for the page, asking for a draft of that tab', async () => {
    const fake = installBackground(view());
    render(<PopupApp tabId={4} report={null} />);
    fireEvent.click(await screen.findByTestId('popup:report'));
    expect((await screen.findByTestId('report:main')).dataset.kind).toBe('scam');
    expect(screen.getByTestId('report:url').textContent).toBe('http://paypal.com.verify-account.test/');
    await waitFor(() => expect(fake.sent).toContainEqual({ name: 'report.draft', request: { kind: 'scam', url: 'http://paypal.com.verify-account.test/', tabId: 4 } }));
  });

  it("lists the user's latest reports and what became of them", async () => {
    const fake = installBackground(view());
    const reply = fake.reply;
    const sent = { id: 'report-0001', report: { url: 'http://evil.test/', kind: 'scam' }, state: 'sent', queuedAt: '2025-03-01T10:00:00.000Z', attempts: 1,
      nextAttemptAt: null, lastProblem: null, serverId: 'r-1', settledAt: '2025-03-01T10:00:01.000Z', refusal: null };
    fake.reply = (message) => ((message as Envelope).name === 'report.list' ? { ok: true, value: [sent, { ...sent, id: 'report-0002' }, { ...sent, id: 'report-0003' }, { ...sent, id: 'report-0004' }] } : reply(message));
    render(<PopupApp tabId={4} report={null} />);
    await screen.findByTestId('report:states');
    expect(screen.getAllByTestId('report:state')).toHaveLength(3);
  });

  it('shows an error in words when the background refuses', async () => {
    const fake = installFakeChrome('en');
    fake.reply = () => ({ ok: false, error: 'not allowed' });
    render(<PopupApp tabId={4} report={null} />);
    expect((await screen.findByTestId('ui:error')).textContent).toBe('Something went wrong: tab.describe: not allowed');
  });
});
