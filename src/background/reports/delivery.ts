// One delivery attempt: the exact body the user was shown, the report's own idempotency key, no
// cookies, and what the server's answer means for the queue. 4xx other than 408 and 429 is a final
// refusal; everything else that is not a success (offline, timeout, 5xx, 429) is tried again later.
import { IDEMPOTENCY_HEADER, serializeReport, type Report } from '../../core/report/index.ts';
import { cleanText } from '../../core/report/text.ts';
import { REPORT_UNREACHABLE } from '../../shared/protocol.ts';
import { parseRetryAfter } from './backoff.ts';

export type DeliveryOutcome =
  | { kind: 'sent'; serverId: string | null }
  | { kind: 'refused'; reason: string }
  | { kind: 'retry'; problem: string; retryAfterMs: number | null };

const TIMEOUT_MS = 30_000;
const MAX_REASON_LENGTH = 300;
const MAX_ID_LENGTH = 100;
const MAX_ANSWER_LENGTH = 16_384;
const TEMPORARY_STATUSES = [408, 425, 429];

export interface DeliveryTarget {
  fetch: typeof fetch;
  url: string;
}

export async function deliverReport(target: DeliveryTarget, id: string, report: Report, now: Date): Promise<DeliveryOutcome> {
  let response: Response;
  try {
    response = await target.fetch(target.url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [IDEMPOTENCY_HEADER]: id },
      body: serializeReport(report),
      credentials: 'omit',
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch {
    return { kind: 'retry', problem: REPORT_UNREACHABLE, retryAfterMs: null };
  }
  const answer = await readAnswer(response);
  if (response.ok) {
    const serverId = typeof answer.id === 'string' ? cleanText(answer.id, MAX_ID_LENGTH) || null : null;
    return { kind: 'sent', serverId };
  }
  const reason = describeRefusal(response.status, answer);
  const isFinal = response.status >= 400 && response.status < 500 && !TEMPORARY_STATUSES.includes(response.status);
  if (isFinal) return { kind: 'refused', reason };
  return { kind: 'retry', problem: reason, retryAfterMs: parseRetryAfter(response.headers.get('Retry-After'), now) };
}

/** The answer's JSON object, or an empty one: a proxy's HTML error page is not an answer. */
async function readAnswer(response: Response): Promise<Record<string, unknown>> {
  try {
    const value = JSON.parse((await response.text()).slice(0, MAX_ANSWER_LENGTH)) as unknown;
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** `HTTP 400: the report is not valid (note: longer than 2000 characters)`, cleaned and capped: the popup shows it. */
function describeRefusal(status: number, answer: Record<string, unknown>): string {
  const fields = Array.isArray(answer.errors)
    ? answer.errors.map((error: { field?: unknown; reason?: unknown }) => `${String(error?.field)}: ${String(error?.reason)}`).join('; ')
    : '';
  const reason = typeof answer.error === 'string' ? answer.error : '';
  const text = [`HTTP ${status}`, reason].filter(Boolean).join(': ') + (fields ? ` (${fields})` : '');
  return cleanText(text, MAX_REASON_LENGTH);
}
