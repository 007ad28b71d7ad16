// @vitest-environment happy-dom
// The list's state where no list could be installed, and "Check for updates now" on both the popup
// and the options page: a real click asks the background, then the page shows the new state.
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { FeedSection } from '../../../src/options/feed-section.tsx';
import type { Envelope, ListStatus } from '../../../src/shared/protocol.ts';
import { CheckNowButton } from '../../../src/ui/check-now.tsx';
import { ListStatusView } from '../../../src/ui/list-status.tsx';
import { installFakeChrome, removeFakeChrome } from '../shared/support/fake-chrome.ts';
import { clickAsUser } from './support/trusted-click.ts';

afterEach(() => {
  cleanup();
  removeFakeChrome();
});

const NO_LIST: ListStatus = { version: 0, entryCount: 0, origin: 'none', updatedAt: '2025-03-01T00:00:00.000Z', lastSync: null };
const FROM_FEED: ListStatus = { version: 4, entryCount: 1200, origin: 'feed', updatedAt: '2025-03-01T00:05:00.000Z', lastSync: { at: '2025-03-01T00:05:00.000Z', isOk: true, code: null, message: null } };

describe('ListStatusView without a list', () => {
  it('says the bundled list could not be verified and where the first list will come from, with no entry count', () => {
    installFakeChrome('en');
    render(<ListStatusView list={NO_LIST} />);
    expect(screen.getByTestId('ui:list-none').textContent).toBe(
      'No list yet: the list that came with Scam Warner could not be verified, so it was not used. The first list will come from the update server.',
    );
    expect(screen.queryByTestId('ui:list-entries')).toBeNull();
    expect(screen.getByTestId('ui:list-status').textContent).toContain('Not checked for updates yet.');
  });
});

describe('CheckNowButton', () => {
  it('checks on a real click only, then reports done', async () => {
    const fake = installFakeChrome('en');
    fake.reply = () => ({ ok: true, value: FROM_FEED });
    let checked = 0;
    render(<CheckNowButton onChecked={() => checked++} testId="page:check-now" />);
    const button = screen.getByTestId('page:check-now');
    button.click();
    expect(fake.sent).toEqual([]);
    clickAsUser(button);
    await waitFor(() => expect(button.getAttribute('data-state')).toBe('done'));
    expect(fake.sent).toEqual([{ name: 'sync.now', request: {} }]);
    expect(checked).toBe(1);
  });

  it('shows the background\'s refusal of the request', async () => {
    const fake = installFakeChrome('en');
    fake.reply = () => ({ ok: false, error: 'not allowed' });
    render(<CheckNowButton onChecked={() => undefined} testId="page:check-now" />);
    clickAsUser(screen.getByTestId('page:check-now'));
    await waitFor(() => expect(screen.getByTestId('page:check-now').getAttribute('data-state')).toBe('failed'));
    expect(screen.getByRole('alert').textContent).toContain('sync.now: not allowed');
  });
});

describe('the options page\'s feed section', () => {
  it('has "Check for updates now", after which it shows the new list state', async () => {
    const fake = installFakeChrome('en');
    let list = NO_LIST;
    fake.reply = (message) => {
      const { name } = message as Envelope;
      if (name === 'sync.now') list = FROM_FEED;
      return name === 'list.status' || name === 'sync.now' ? { ok: true, value: list } : { ok: false, error: 'unexpected' };
    };
    render(<FeedSection settings={{ sensitivity: 'normal', feedUrl: null, isAutoUpdateOn: true }} onSaved={() => undefined} />);
    await screen.findByTestId('ui:list-none');
    clickAsUser(await screen.findByTestId('options:check-now'));
    await waitFor(() => expect(screen.getByTestId('ui:list-entries').textContent).toBe('1,200 entries, version 4'));
    expect(fake.sent.map((message) => (message as Envelope).name)).toEqual(['list.status', 'sync.now', 'list.status']);
  });
});
