// Shapes of the report messages, checked before any handler sees them. The report itself is
// checked by core's validateReport, the one gate shared with the server.
import { isIdempotencyKey, REPORT_KINDS, REPORT_LIMITS, type ReportKind } from '../../core/report/index.ts';
import { isCategory, type Category } from '../../core/types.ts';
import type { ReportChoices } from '../../shared/protocol.ts';
import { readHttpUrl, readRecord, ValidationError } from '../validate.ts';
import type { DraftRequest } from './drafts.ts';

/** A tab's address may be longer than a report allows: such a draft is refused with the reason, not as too large. */
export const MAX_DRAFT_MESSAGE = 20 * 1024;
/** A note at the cap with every character escaped by JSON (`\uXXXX`), plus the other fields. */
export const MAX_SUBMIT_MESSAGE = REPORT_LIMITS.note * 6 + 1024;

export function validateDraftRequest(value: unknown): DraftRequest {
  const record = readRecord(value, ['kind', 'url', 'tabId']);
  if (!REPORT_KINDS.includes(record.kind as ReportKind)) throw new ValidationError(`kind: expected ${REPORT_KINDS.join(' or ')}`);
  const request: DraftRequest = { kind: record.kind as ReportKind, url: readHttpUrl(record.url) };
  if (record.tabId !== undefined) {
    if (typeof record.tabId !== 'number' || !Number.isSafeInteger(record.tabId) || record.tabId < 0) throw new ValidationError('tabId: expected a tab id');
    request.tabId = record.tabId;
  }
  return request;
}

export function validateSubmitRequest(value: unknown): { draftId: string } & ReportChoices {
  const { draftId, category, note } = readRecord(value, ['draftId', 'category', 'note']);
  if (!isIdempotencyKey(draftId)) throw new ValidationError('draftId: expected a draft id');
  if (category !== null && !isCategory(category)) throw new ValidationError('category: expected a category or null');
  if (typeof note !== 'string' || note.length > REPORT_LIMITS.note) throw new ValidationError(`note: expected at most ${REPORT_LIMITS.note} characters`);
  return { draftId, category: category as Category | null, note };
}
