// Building a report from what the extension knows, and showing the user exactly what will be sent.
import type { Category, Verdict } from '../types.ts';
import { REPORT_LIMITS, type Report, type ReportKind } from './report-types.ts';
import { guessCategory, signalsFromReasons } from './signals.ts';
import { cleanText } from './text.ts';

export interface ReportDraftInput {
  url: string;
  kind?: ReportKind;
  /** The page title as the tab shows it; cleaned and cut to size here. */
  title?: string;
  /** The extension's verdict for the page: its level, reasons and category go into the report. */
  verdict?: Verdict;
  /** The user's choice; without one, the verdict's category or the signals' guess. */
  category?: Category;
  note?: string;
  extensionVersion?: string;
  feedVersion?: number;
  now: Date;
}

/** A report from the popup's or warning page's facts. Validate it (`validateReport`) before queueing. */
export function buildReport(input: ReportDraftInput): Report {
  const signals = input.verdict ? signalsFromReasons(input.verdict.reasons) : [];
  const category = input.category ?? input.verdict?.category ?? guessCategory(signals) ?? undefined;
  const report: Report = { url: input.url, kind: input.kind ?? 'scam' };
  const title = input.title === undefined ? '' : cleanText(input.title, REPORT_LIMITS.title);
  if (category) report.category = category;
  if (input.note?.trim()) report.note = input.note.trim();
  if (title) report.title = title;
  if (input.verdict) report.verdict = input.verdict.verdict;
  if (signals.length > 0) report.signals = signals;
  if (input.extensionVersion) report.extensionVersion = input.extensionVersion;
  if (input.feedVersion !== undefined) report.feedVersion = input.feedVersion;
  report.reportedAt = input.now.toISOString();
  return report;
}

/** The exact request body the extension sends for this report. */
export function serializeReport(report: Report): string {
  return JSON.stringify(report);
}

/** One line of the "what will be sent" preview: a localized label, the value, and a message for enumerated values. */
export interface ReportPreviewLine {
  field: keyof Report;
  /** `_locales` key of the field's label: `report_field_<field>`. */
  labelKey: string;
  /** The value as sent (signals one per line as `kind: name`). */
  value: string;
  /** `_locales` key naming the value, for enumerated fields (`category_phishing`, `report_kind_scam`). */
  valueKey?: string;
}

const PREVIEW_ORDER: (keyof Report)[] = ['url', 'kind', 'category', 'title', 'note', 'verdict', 'signals',
  'extensionVersion', 'feedVersion', 'reportedAt'];

/** Every field the report will send, in a fixed order, and nothing else. */
export function previewReport(report: Report): ReportPreviewLine[] {
  return PREVIEW_ORDER.filter((field) => report[field] !== undefined).map((field) => {
    const line: ReportPreviewLine = { field, labelKey: `report_field_${toSnake(field)}`, value: formatValue(report, field) };
    if (field === 'kind') line.valueKey = `report_kind_${toSnake(report.kind)}`;
    if (field === 'category') line.valueKey = `category_${toSnake(report.category ?? '')}`;
    return line;
  });
}

function formatValue(report: Report, field: keyof Report): string {
  if (field === 'signals') return (report.signals ?? []).map((signal) => `${signal.kind}: ${signal.name}`).join('\n');
  return String(report[field]);
}

/** `extensionVersion` -> `extension_version`, `false-positive` -> `false_positive`: `_locales` keys allow only [A-Za-z0-9_]. */
function toSnake(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`).replace(/-/g, '_');
}
