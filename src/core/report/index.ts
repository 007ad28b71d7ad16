// Reports: the wire format, its validation, building and previewing one, and what an approved one becomes.
export * from './report-types.ts';
export { validateReport } from './validate.ts';
export { buildReport, previewReport, serializeReport, type ReportDraftInput, type ReportPreviewLine } from './build.ts';
export { guessCategory, signalsFromReasons } from './signals.ts';
export { createIdempotencyKey, isIdempotencyKey, IDEMPOTENCY_HEADER } from './idempotency.ts';
export { parseEntryValue, reportSite, suggestEntry, type EntrySuggestion, type SuggestedEntry } from './entry.ts';
