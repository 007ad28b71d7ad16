// @vitest-environment happy-dom
// The report view over a fake background: what the user sees is exactly what would be sent, the
// choices change it, bad input is shown field by field, and only the user's own press sends.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { buildReport, serializeReport, validateReport, type Report } from '../../../src/core/report/index.ts';
import type { Verdict } from '../../../src/core/types.ts';
import { ReportEntry } from '../../../src/popup/report-entry.tsx';
import type { Envelope, ReportDraft, ReportState, SubmitResult } from '../../../src/shared/protocol.ts';
import { applyReportChoices, type ReportRequest } from '../../../src/shared/report-entry.ts';
import { installFakeChrome, removeFakeChrome, type FakeChrome } from '../shared/support/fake-chrome.ts';
import { submitAsUser } from '../ui/support/trusted-click.ts';

afterEach(() => {
  cleanup();
  removeFakeChrome();
});

const URL_SHOWN = 'http://paypal.com.verify-account.test/login';
const VERDICT: Verdict = {
  url: URL_SHOWN,
  verdict: 'suspicious',
  category: null,
  reasons: [
    { kind: 'lookalike-embedding', brand: 'PayPal', brandDomain: 'paypal.com', weight: 0.85 },
    { kind: 'signal', signal: 'ask_password', category: 'phishing', weight: 2, evidence: 'Password' },
  ],
};

function makeDraft(kind: Report['kind'] = 'scam'): ReportDraft {
  const built = buildReport({ url: URL_SHOWN, kind, title: 'PayPal: Log in', verdict: VERDICT, extensionVersion: '0.1.0', feedVersion: 12, now: new Date('2025-03-01T10:00:00Z') });
  const checked = validateReport(built);
  if (!checked.ok) throw new Error('the test draft is not valid');
  return { id: 'draft-0001-abcd', report: checked.report };
}

function queuedState(report: Report, overrides: Partial<ReportState> = {}): ReportState {
  return { id: 'draft-0001-abcd', report, state: 'queued', queuedAt: '2025-03-01T10:00:05.000Z', attempts: 0, nextAttemptAt: '2025-03-01T10:00:05.000Z',
    lastProblem: null, serverId: null, settledAt: null, refusal: null, ...overrides };
}

interface FakeBackground extends FakeChrome {
  states: ReportState[];
  submitAnswer: ((request: { draftId: string; category: string | null; note: string }) => SubmitResult) | null;
}

function installBackground(draft: ReportDraft, locale = 'en'): FakeBackground {
  const fake = installFakeChrome(locale) as FakeBackground;
  fake.states = [];
  fake.submitAnswer = null;
  fake.reply = (message) => {
    const { name, request } = message as Envelope;
    if (name === 'report.draft') return { ok: true, value: draft };
    if (name === 'report.list') return { ok: true, value: fake.states };
    if (name === 'report.submit') {
      const choices = request as { draftId: string; category: ReturnType<typeof JSON.parse>; note: string };
      const answer = fake.submitAnswer?.(choices) ?? { isQueued: true, report: queuedState(applyReportChoices(draft.report, choices)) };
      if (answer.isQueued) fake.states = [answer.report];
      return { ok: true, value: answer };
    }
    return { ok: false, error: 'unexpected' };
  };
  return fake;
}

const SCAM_REQUEST: ReportRequest = { kind: 'scam', url: URL_SHOWN, tabId: 4 };
const sentMessages = (fake: FakeChrome, name: string) => fake.sent.filter((message) => (message as Envelope).name === name);
const previewValue = (field: string) => screen.getByTestId('report:preview').querySelector(`dd[data-field="${field}"]`)?.textContent;

describe('the report view', () => {
  it('asks the background for a draft of the tab, and shows every field it will send, in words, and the exact body', async () => {
    const draft = makeDraft();
    const fake = installBackground(draft);
    render(<ReportEntry request={SCAM_REQUEST} onBack={null} />);
    await screen.findByTestId('report:preview');
    expect(fake.sent[0]).toEqual({ name: 'report.draft', request: { kind: 'scam', url: URL_SHOWN, tabId: 4 } });
    const labels = [...screen.getByTestId('report:preview').querySelectorAll('dt')].map((term) => term.textContent);
    expect(labels).toHaveLength(9);
    for (const label of labels) expect(label).not.toMatch(/^report_field_/);
    expect(previewValue('url')).toBe(URL_SHOWN);
    expect(previewValue('kind')).toBe('Scam (scam)');
    expect(previewValue('category')).toBe('Phishing (phishing)');
    expect(previewValue('title')).toBe('PayPal: Log in');
    expect(previewValue('signals')).toBe('lookalike-embedding: paypal.com\nsignal: ask_password');
    expect(screen.getByTestId('report:body').textContent).toBe(serializeReport(draft.report));
    expect((screen.getByTestId('report:category') as HTMLSelectElement).value).toBe('phishing');
  });

  it('follows the chosen category and note in the preview, and sends them on the user press only', async () => {
    const draft = makeDraft();
    const fake = installBackground(draft);
    render(<ReportEntry request={SCAM_REQUEST} onBack={null} />);
    fireEvent.change(await screen.findByTestId('report:category'), { target: { value: 'investment' } });
    fireEvent.input(screen.getByTestId('report:note'), { target: { value: '  They promised 30% a week.  ' } });
    const expected = validateReport(applyReportChoices(draft.report, { category: 'investment', note: 'They promised 30% a week.' }));
    expect(expected.ok && screen.getByTestId('report:body').textContent).toBe(expected.ok ? serializeReport(expected.report) : '');
    expect(previewValue('note')).toBe('They promised 30% a week.');

    const form = screen.getByTestId('report:form') as HTMLFormElement;
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    expect(sentMessages(fake, 'report.submit')).toEqual([]);
    submitAsUser(form);
    await screen.findByTestId('report:queued');
    expect(sentMessages(fake, 'report.submit')).toEqual([
      { name: 'report.submit', request: { draftId: draft.id, category: 'investment', note: '  They promised 30% a week.  ' } },
    ]);
    const state = await screen.findByTestId('report:state');
    expect(state.dataset.state).toBe('queued');
    expect(within(state).getByTestId('report:state-text').textContent).toBe('Waiting to be sent');
  });

  it('shows why a note cannot be sent, and does not send it', async () => {
    const fake = installBackground(makeDraft());
    render(<ReportEntry request={SCAM_REQUEST} onBack={null} />);
    fireEvent.input(await screen.findByTestId('report:note'), { target: { value: 'see \u202eevil' } });
    expect(screen.getByTestId('report:invalid').textContent).toContain('note: contains bidirectional override characters');
    expect(screen.queryByTestId('report:preview')).toBeNull();
    expect((screen.getByTestId('report:send') as HTMLButtonElement).disabled).toBe(true);
    submitAsUser(screen.getByTestId('report:form') as HTMLFormElement);
    expect(sentMessages(fake, 'report.submit')).toEqual([]);
  });

  it('says so plainly when the queue is full, or when the background refuses a field', async () => {
    const fake = installBackground(makeDraft());
    fake.submitAnswer = () => ({ isQueued: false, problem: 'queue-full', errors: [] });
    render(<ReportEntry request={SCAM_REQUEST} onBack={null} />);
    submitAsUser((await screen.findByTestId('report:form')) as HTMLFormElement);
    expect((await screen.findByTestId('report:refused')).textContent).toMatch(/^Too many reports are waiting to be sent\./);
    fake.submitAnswer = () => ({ isQueued: false, problem: 'invalid', errors: [{ field: 'url', reason: 'must be an http or https URL' }] });
    submitAsUser(screen.getByTestId('report:form') as HTMLFormElement);
    await waitFor(() => expect(screen.getByTestId('report:invalid').textContent).toContain('url: must be an http or https URL'));
  });

  it('reports a mistake as a false positive, for the page it was given', async () => {
    const fake = installBackground(makeDraft('false-positive'));
    render(<ReportEntry request={{ kind: 'mistake', url: URL_SHOWN }} onBack={null} />);
    await screen.findByTestId('report:preview');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Report a mistake');
    expect(fake.sent[0]).toEqual({ name: 'report.draft', request: { kind: 'false-positive', url: URL_SHOWN } });
    expect(previewValue('kind')).toContain('(false-positive)');
  });

  it('shows an error in words when there is no draft', async () => {
    const fake = installFakeChrome('en');
    fake.reply = () => ({ ok: false, error: 'this page cannot be reported: url must be an http or https URL' });
    render(<ReportEntry request={SCAM_REQUEST} onBack={null} />);
    expect((await screen.findByTestId('ui:error')).textContent).toContain('this page cannot be reported');
    expect(screen.queryByTestId('report:form')).toBeNull();
  });

  it('is in Arabic for an Arabic browser', async () => {
    installBackground(makeDraft(), 'ar');
    render(<ReportEntry request={SCAM_REQUEST} onBack={null} />);
    await screen.findByTestId('report:preview');
    expect(screen.getByTestId('report:send').textContent).toBe('إرسال البلاغ');
    expect(previewValue('category')).toContain('(phishing)');
  });
});
