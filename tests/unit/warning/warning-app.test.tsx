// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Verdict } from '../../../src/core/types.ts';
import type { Envelope } from '../../../src/shared/protocol.ts';
import { WarningApp } from '../../../src/warning/warning-app.tsx';
import { installFakeChrome, removeFakeChrome, type FakeChrome } from '../shared/support/fake-chrome.ts';
import { clickAsUser } from '../ui/support/trusted-click.ts';

const STOPPED = 'http://www.evil-scam.test/wallet';
const LISTED: Verdict = {
  url: STOPPED,
  verdict: 'dangerous',
  category: 'investment',
  reasons: [{ kind: 'blocklist', entry: 'evil-scam.test', entryKind: 'domain', category: 'investment', source: 'community report', added: '2025-01-15' }],
};

afterEach(() => {
  cleanup();
  removeFakeChrome();
  vi.unstubAllGlobals();
});

function installBackground(verdict: Verdict, extra: Record<string, unknown> = {}): FakeChrome {
  const fake = installFakeChrome('en', extra);
  fake.reply = (message) => {
    const { name } = message as Envelope;
    if (name === 'warning.describe') return { ok: true, value: verdict };
    if (name === 'warning.proceed') return { ok: true, value: null };
    if (name === 'site.trust') return { ok: true, value: [] };
    return { ok: false, error: 'unexpected' };
  };
  return fake;
}

describe('the warning page', () => {
  it('says what the site is, why it was stopped and what such scams do, with "Go back" focused', async () => {
    installBackground(LISTED);
    render(<WarningApp stoppedUrl={STOPPED} isFramed={false} />);
    await screen.findByTestId('warning:reasons');
    expect(screen.getByTestId('warning:lead').textContent).toBe('Scam Warner stopped www.evil-scam.test before it could load.');
    expect(screen.getByTestId('warning:category').textContent).toBe('Fake investment');
    expect(screen.getByTestId('warning:reasons').textContent).toBe('Listed as Fake investment: evil-scam.test (source: community report, added 2025-01-15)');
    expect(screen.getByTestId('warning:explain').textContent).toContain('invented profits');
    expect(document.activeElement).toBe(screen.getByTestId('warning:back'));
    for (const id of ['warning:back', 'warning:proceed', 'warning:allow', 'warning:mistake']) expect(screen.getByTestId(id).tagName).toBe('BUTTON');
  });

  it('proceeds only on a real click, and then asks the background before leaving', async () => {
    const fake = installBackground(LISTED);
    const replace = vi.fn();
    vi.stubGlobal('location', { ...location, replace });
    render(<WarningApp stoppedUrl={STOPPED} isFramed={false} />);
    const proceed = await screen.findByTestId('warning:proceed');
    (proceed as HTMLButtonElement).click();
    expect(fake.sent.map((message) => (message as Envelope).name)).toEqual(['warning.describe']);
    clickAsUser(proceed);
    await waitFor(() => expect(replace).toHaveBeenCalledWith(STOPPED));
    expect(fake.sent).toContainEqual({ name: 'warning.proceed', request: { url: STOPPED } });
  });

  it('asks for confirmation before always allowing the site', async () => {
    const fake = installBackground(LISTED);
    vi.stubGlobal('location', { ...location, replace: vi.fn() });
    render(<WarningApp stoppedUrl={STOPPED} isFramed={false} />);
    clickAsUser(await screen.findByTestId('warning:allow'));
    const confirm = await screen.findByTestId('warning:confirm');
    expect(confirm.getAttribute('role')).toBe('alertdialog');
    expect(confirm.textContent).toContain('Always allow www.evil-scam.test?');
    expect(fake.sent.map((message) => (message as Envelope).name)).not.toContain('site.trust');
    clickAsUser(screen.getByTestId('warning:confirm-no'));
    await waitFor(() => expect(screen.queryByTestId('warning:confirm')).toBeNull());
    clickAsUser(screen.getByTestId('warning:allow'));
    clickAsUser(await screen.findByTestId('warning:confirm-yes'));
    await waitFor(() => expect(fake.sent).toContainEqual({ name: 'site.trust', request: { host: 'www.evil-scam.test' } }));
  });

  it('offers no "Always allow" for a page listed on a shared host: it would trust every listed page there', async () => {
    const page = 'https://sites.google.com/view/fake-bank/login';
    installBackground({ ...LISTED, url: page, reasons: [{ ...LISTED.reasons[0]!, entry: 'sites.google.com/view/fake-bank', entryKind: 'url-prefix' }] } as Verdict);
    render(<WarningApp stoppedUrl={page} isFramed={false} />);
    await screen.findByTestId('warning:reasons');
    expect(screen.getByTestId('warning:proceed')).toBeTruthy();
    expect(screen.queryByTestId('warning:allow')).toBeNull();
  });

  it('opens the report view for "This is a mistake"', async () => {
    const create = vi.fn(async () => ({}));
    installBackground(LISTED, { tabs: { create } });
    render(<WarningApp stoppedUrl={STOPPED} isFramed={false} />);
    clickAsUser(await screen.findByTestId('warning:mistake'));
    await waitFor(() => expect(create).toHaveBeenCalled());
    const opened = new URL((create.mock.calls[0] as unknown as [{ url: string }])[0].url);
    expect(opened.pathname).toBe('/src/popup/index.html');
    expect(Object.fromEntries(opened.searchParams)).toEqual({ report: 'mistake', url: STOPPED });
  });

  it('offers no action at all when framed by another page', () => {
    const fake = installBackground(LISTED);
    render(<WarningApp stoppedUrl={STOPPED} isFramed={true} />);
    expect(screen.getByTestId('warning:framed').textContent).toBe('This warning cannot work inside another page.');
    expect(screen.queryAllByRole('button')).toEqual([]);
    expect(fake.sent).toEqual([]);
  });

  it('says when the address is no longer listed', async () => {
    installBackground({ url: STOPPED, verdict: 'unknown', category: null, reasons: [] });
    render(<WarningApp stoppedUrl={STOPPED} isFramed={false} />);
    await waitFor(() => expect(screen.getByTestId('warning:lead').textContent).toContain('is not on the list any more'));
    expect(screen.getByTestId('warning:proceed').textContent).toBe('Open the site');
  });

  it('explains a missing address instead of guessing one', () => {
    installBackground(LISTED);
    render(<WarningApp stoppedUrl={null} isFramed={false} />);
    expect(screen.getByTestId('warning:no-address')).toBeTruthy();
  });
});
