// @vitest-environment happy-dom
// What became of each report, as the popup lists it, refreshed while one waits.
import { cleanup, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ReportStates } from '../../../src/popup/report-states.tsx';
import { REPORT_UNREACHABLE, type Envelope, type ReportState } from '../../../src/shared/protocol.ts';
import { installFakeChrome, removeFakeChrome } from '../shared/support/fake-chrome.ts';

afterEach(() => {
  cleanup();
  removeFakeChrome();
});

function state(id: string, overrides: Partial<ReportState>): ReportState {
  return { id, report: { url: `http://${id}.test/`, kind: 'scam' }, state: 'queued', queuedAt: '2025-03-01T10:00:00.000Z', attempts: 0,
    nextAttemptAt: null, lastProblem: null, serverId: null, settledAt: null, refusal: null, ...overrides };
}

function installStates(answer: () => ReportState[]) {
  const fake = installFakeChrome('en');
  fake.reply = (message) => ((message as Envelope).name === 'report.list' ? { ok: true, value: answer() } : { ok: false, error: 'unexpected' });
  return fake;
}

const textOf = (id: string) => within(screen.getByText(`http://${id}.test/`).closest('li') as HTMLElement);

describe('report states', () => {
  it('say whether each report waits (and why), was sent, or was refused with the reason', async () => {
    installStates(() => [
      state('waiting', { attempts: 2, nextAttemptAt: '2025-03-01T10:05:00.000Z', lastProblem: REPORT_UNREACHABLE }),
      state('busy', { attempts: 1, nextAttemptAt: '2025-03-01T10:05:00.000Z', lastProblem: 'HTTP 503: down for maintenance' }),
      state('sent', { state: 'sent', attempts: 1, serverId: 'r-1', settledAt: '2025-03-01T10:01:00.000Z' }),
      state('refused', { state: 'refused', attempts: 1, refusal: 'HTTP 400: the report is not valid', settledAt: '2025-03-01T10:01:00.000Z' }),
    ]);
    render(<ReportStates limit={10} />);
    await screen.findByTestId('report:states');
    expect(screen.getAllByTestId('report:state').map((item) => item.dataset.state)).toEqual(['queued', 'queued', 'sent', 'refused']);
    expect(textOf('waiting').getByText('The report server could not be reached.')).toBeTruthy();
    expect(textOf('waiting').getByText(/^Next try: /)).toBeTruthy();
    expect(textOf('busy').getByText('Last try failed: HTTP 503: down for maintenance')).toBeTruthy();
    expect(textOf('sent').getByTestId('report:state-text').textContent).toMatch(/^Sent /);
    expect(textOf('refused').getByTestId('report:state-text').textContent).toBe('Refused by the server: HTTP 400: the report is not valid');
  });

  it('show nothing without reports, and at most the number asked for', async () => {
    let states: ReportState[] = [];
    const fake = installStates(() => states);
    const { unmount } = render(<ReportStates limit={2} />);
    await waitFor(() => expect(fake.sent).toHaveLength(1));
    expect(screen.queryByTestId('report:states')).toBeNull();
    unmount();
    states = ['a', 'b', 'c'].map((id) => state(id, { state: 'sent', settledAt: '2025-03-01T10:01:00.000Z' }));
    render(<ReportStates limit={2} />);
    await screen.findByTestId('report:states');
    expect(screen.getAllByTestId('report:state')).toHaveLength(2);
  });

  it('refresh while a report waits, until it is sent', async () => {
    let current = state('soon', { attempts: 1, nextAttemptAt: '2025-03-01T10:01:00.000Z', lastProblem: REPORT_UNREACHABLE });
    const fake = installStates(() => [current]);
    render(<ReportStates limit={3} />);
    expect((await screen.findByTestId('report:state')).dataset.state).toBe('queued');
    current = { ...current, state: 'sent', nextAttemptAt: null, settledAt: '2025-03-01T10:01:00.000Z' };
    await waitFor(() => expect(screen.getByTestId('report:state').dataset.state).toBe('sent'), { timeout: 4000 });
    const asked = fake.sent.length;
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(fake.sent.length).toBe(asked);
  });
});
