// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ListStatusView } from '../../../src/ui/list-status.tsx';
import { VerdictSummary } from '../../../src/ui/verdict-summary.tsx';
import { installFakeChrome, removeFakeChrome } from '../shared/support/fake-chrome.ts';

beforeEach(() => {
  installFakeChrome('en');
});

afterEach(() => {
  cleanup();
  removeFakeChrome();
});

describe('VerdictSummary', () => {
  it('names each level in words and marks it with a symbol, so colour is not the only signal', () => {
    for (const [level, name] of [
      ['dangerous', 'Dangerous'],
      ['suspicious', 'Suspicious'],
      ['unknown', 'No warning'],
      ['safe', 'Trusted'],
    ] as const) {
      render(<VerdictSummary verdict={{ url: 'http://a.test/', verdict: level, category: null, reasons: [] }} />);
      const heading = screen.getByRole('heading', { level: 2 });
      expect(heading.textContent).toContain(name);
      expect(heading.querySelector('[aria-hidden="true"]')?.textContent).not.toBe('');
      cleanup();
    }
  });

  it('never calls an unknown site safe', () => {
    render(<VerdictSummary verdict={{ url: 'http://a.test/', verdict: 'unknown', category: null, reasons: [] }} />);
    expect(screen.getByText('Nothing is known against this site. That does not prove it is safe.')).toBeTruthy();
  });
});

describe('ListStatusView', () => {
  it('says when the last update check failed and that the current list stays', () => {
    render(
      <ListStatusView
        list={{ version: 4, entryCount: 2, origin: 'feed', updatedAt: '2025-03-01T10:00:00.000Z', lastSync: { at: '2025-03-02T10:00:00.000Z', isOk: false, code: 'bad-signature', message: 'The signature is not valid.' } }}
      />,
    );
    expect(screen.getByTestId('ui:list-entries').textContent).toBe('2 entries, version 4');
    expect(screen.getByText(/^Installed .* \(signed update\)$/)).toBeTruthy();
    expect(screen.getByText(/^Last check .* failed: The signature is not valid\. The current list stays in use\.$/)).toBeTruthy();
  });
});
