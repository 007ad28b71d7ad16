// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { OptionsApp } from '../../../src/options/options-app.tsx';
import type { AllowedSite, Envelope, Settings } from '../../../src/shared/protocol.ts';
import { installFakeChrome, removeFakeChrome, type FakeChrome } from '../shared/support/fake-chrome.ts';
import { checkAsUser, clickAsUser, submitAsUser } from '../ui/support/trusted-click.ts';

afterEach(() => {
  cleanup();
  removeFakeChrome();
});

/** A background holding an allowlist and settings, changed by the messages the page sends. */
function installBackground(): FakeChrome {
  let sites: AllowedSite[] = [
    { host: 'bank.test', added: '2025-01-02T00:00:00.000Z' },
    { host: 'shop.test', added: '2025-02-03T00:00:00.000Z' },
  ];
  let dismissed: AllowedSite[] = [{ host: 'deals.test', added: '2025-04-05T00:00:00.000Z' }];
  let settings: Settings = { sensitivity: 'normal', feedUrl: null, isAutoUpdateOn: true };
  const fake = installFakeChrome('en');
  fake.reply = (message) => {
    const { name, request } = message as Envelope;
    if (name === 'allowlist.get') return { ok: true, value: sites };
    if (name === 'site.untrust') {
      sites = sites.filter((site) => site.host !== (request as { host: string }).host);
      return { ok: true, value: sites };
    }
    if (name === 'dismissals.get') return { ok: true, value: dismissed };
    if (name === 'dismissal.remove') {
      dismissed = dismissed.filter((site) => site.host !== (request as { host: string }).host);
      return { ok: true, value: dismissed };
    }
    if (name === 'settings.get') return { ok: true, value: settings };
    if (name === 'settings.set') {
      settings = { ...settings, ...(request as Partial<Settings>) };
      return { ok: true, value: settings };
    }
    if (name === 'list.status') return { ok: true, value: { version: 3, entryCount: 1010, origin: 'seed', updatedAt: '2025-03-01T00:00:00.000Z', lastSync: null } };
    return { ok: false, error: 'unexpected' };
  };
  return fake;
}

describe('the options page', () => {
  it('lists the trusted sites and removes one with its labelled button', async () => {
    const fake = installBackground();
    render(<OptionsApp />);
    await waitFor(() => expect(screen.getAllByTestId('options:allowlist-site')).toHaveLength(2));
    clickAsUser(screen.getByRole('button', { name: 'Stop trusting bank.test' }));
    await waitFor(() => expect(screen.getAllByTestId('options:allowlist-site')).toHaveLength(1));
    expect(fake.sent).toContainEqual({ name: 'site.untrust', request: { host: 'bank.test' } });
  });

  it('lists the sites whose banner was dismissed and turns the warning back on', async () => {
    const fake = installBackground();
    render(<OptionsApp />);
    await waitFor(() => expect(screen.getAllByTestId('options:dismissals-site')).toHaveLength(1));
    screen.getByRole('button', { name: 'Show the warning banner on deals.test again' }).click();
    expect(fake.sent).not.toContainEqual({ name: 'dismissal.remove', request: { host: 'deals.test' } });
    clickAsUser(screen.getByRole('button', { name: 'Show the warning banner on deals.test again' }));
    await waitFor(() => expect(screen.getByTestId('options:dismissals-empty')).toBeTruthy());
    expect(fake.sent).toContainEqual({ name: 'dismissal.remove', request: { host: 'deals.test' } });
  });

  it('saves the sensitivity chosen', async () => {
    const fake = installBackground();
    render(<OptionsApp />);
    const high = (await screen.findByLabelText('More warnings: also weaker signs')) as HTMLInputElement;
    high.click();
    expect(fake.sent.map((message) => (message as { name: string }).name)).not.toContain('settings.set');
    checkAsUser(high);
    await waitFor(() => expect(fake.sent).toContainEqual({ name: 'settings.set', request: { sensitivity: 'high' } }));
    await waitFor(() => expect((screen.getByLabelText('More warnings: also weaker signs') as HTMLInputElement).checked).toBe(true));
  });

  it('says so when the sensitivity cannot be saved, and shows the stored choice again', async () => {
    const fake = installBackground();
    const answer = fake.reply;
    fake.reply = (message) => ((message as Envelope).name === 'settings.set' ? { ok: false, error: 'storage is full' } : answer(message));
    render(<OptionsApp />);
    const high = (await screen.findByLabelText('More warnings: also weaker signs')) as HTMLInputElement;
    checkAsUser(high);
    await waitFor(() => expect(screen.getByTestId('ui:error').textContent).toContain('storage is full'));
    expect((screen.getByLabelText('More warnings: also weaker signs') as HTMLInputElement).checked).toBe(false);
    expect((screen.getByLabelText('Balanced (recommended)') as HTMLInputElement).checked).toBe(true);
  });

  it('refuses a plain-http feed address before sending anything, and saves an https one', async () => {
    const fake = installBackground();
    render(<OptionsApp />);
    const input = (await screen.findByLabelText('Update address (empty for the built-in one)')) as HTMLInputElement;
    input.value = 'http://mirror.example/feed.json';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await screen.findByText('Enter an address that starts with https://');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    input.value = 'https://mirror.example/feed.json';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await waitFor(() => expect(input.getAttribute('aria-invalid')).toBe('false'));
    submitAsUser(input.form as HTMLFormElement);
    await screen.findByText('Saved.');
    expect(fake.sent).toContainEqual({ name: 'settings.set', request: { feedUrl: 'https://mirror.example/feed.json', isAutoUpdateOn: true } });
    expect(screen.getByTestId('ui:list-entries').textContent).toBe('1,010 entries, version 3');
  });
});
