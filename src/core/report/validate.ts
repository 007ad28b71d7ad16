// `validateReport`: the one gate every report passes, in the extension before it is queued and on
// the server before it is stored. Known fields only; every refusal names its field and says why.
import type { VerdictLevel } from '../types.ts';
import { REPORT_KINDS, REPORT_LIMITS, type ReportFieldError, type Report, type ReportKind, type ReportValidation } from './report-types.ts';
import { isPlainObject, parseCategory, parseFields, parseOneOf, parseText, refuse, type Parser } from './parsers.ts';
import { findTextProblem } from './text.ts';
import { canonicalizeUrl } from '../url/index.ts';
import { parseSignals } from './validate-signals.ts';

const VERDICTS: readonly VerdictLevel[] = ['dangerous', 'suspicious', 'unknown', 'safe'];
const VERSION = /^[0-9][0-9A-Za-z.+-]*$/;
const HTTP_SCHEME = /^https?:\/\//i;
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;
/** A hostile body can hold thousands of bad keys: the answer stays small. */
const MAX_ERRORS = 20;

const parseUrl: Parser<string> = (value, field, errors) => {
  if (typeof value !== 'string') return refuse(errors, field, 'must be a string');
  const problem = findTextProblem(value, { maxLength: REPORT_LIMITS.url });
  if (problem) return refuse(errors, field, problem);
  // The extension sends the tab's full address: a report names its scheme, and its host must be
  // one a browser could open (the canonical form alone would take `evil.com` or `a b` as hosts).
  const canonical = HTTP_SCHEME.test(value.trimStart()) ? canonicalizeUrl(value) : null;
  if (canonical === null || !isOpenableUrl(canonical)) return refuse(errors, field, 'must be an http or https URL');
  if (canonical.length > REPORT_LIMITS.url) return refuse(errors, field, `longer than ${REPORT_LIMITS.url} characters once canonical`);
  return canonical;
};

const parseVersion: Parser<string> = (value, field, errors) => {
  const text = parseText({ maxLength: REPORT_LIMITS.extensionVersion })(value, field, errors);
  if (text === undefined || VERSION.test(text)) return text;
  return refuse(errors, field, 'must look like a version number (1.2.3)');
};

const parseFeedVersion: Parser<number> = (value, field, errors) =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0
    ? value
    : refuse(errors, field, 'must be a whole number, 0 or more');

const parseReportedAt: Parser<string> = (value, field, errors) => {
  if (typeof value !== 'string' || value.length > REPORT_LIMITS.reportedAt || !ISO_UTC.test(value)) {
    return refuse(errors, field, 'must be an ISO 8601 UTC time (2024-05-01T12:00:00.000Z)');
  }
  const time = Date.parse(value);
  // Date.parse rolls 2024-02-30 over to March: a real date reads back the same.
  if (Number.isNaN(time) || new Date(time).toISOString().slice(0, 19) !== value.slice(0, 19)) {
    return refuse(errors, field, 'is not a real date and time');
  }
  return new Date(time).toISOString();
};

const REPORT_PARSERS: { [K in keyof Report]-?: Parser<Report[K]> } = {
  url: parseUrl,
  kind: parseOneOf<ReportKind>(REPORT_KINDS),
  category: parseCategory,
  note: parseText({ maxLength: REPORT_LIMITS.note, allowsNewlines: true }),
  title: parseText({ maxLength: REPORT_LIMITS.title }),
  verdict: parseOneOf(VERDICTS),
  signals: parseSignals,
  extensionVersion: parseVersion,
  feedVersion: parseFeedVersion,
  reportedAt: parseReportedAt,
};

/** The clean report (URL canonical, text trimmed, `kind` defaulting to `scam`), or every refused field. */
export function validateReport(value: unknown): ReportValidation {
  if (!isPlainObject(value)) return { ok: false, errors: [{ field: '', reason: 'a report must be a JSON object' }] };
  const errors: ReportFieldError[] = [];
  if (value.url === undefined) refuse(errors, 'url', 'is required');
  const clean = parseFields<Report>(value, REPORT_PARSERS, '', errors);
  if (!clean || errors.length > 0) return { ok: false, errors: errors.slice(0, MAX_ERRORS) };
  const { url, kind, ...rest } = clean;
  return { ok: true, report: { url, kind: kind ?? 'scam', ...rest } as Report };
}

function isOpenableUrl(canonical: string): boolean {
  try {
    return new URL(canonical).hostname !== '';
  } catch {
    return false;
  }
}
