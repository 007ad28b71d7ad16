// The `signals` field: a short list of what the extension saw, each checked like a report field.
import { REPORT_LIMITS, type ReportFieldError, type ReportSignal } from './report-types.ts';
import { isPlainObject, parseCategory, parseFields, parseText, refuse, type Parser } from './parsers.ts';

const SIGNAL_KIND = /^[a-z0-9-]+$/;

const parseKind: Parser<string> = (value, field, errors) =>
  typeof value === 'string' && value.length <= REPORT_LIMITS.signalKind && SIGNAL_KIND.test(value)
    ? value
    : refuse(errors, field, `must be lowercase letters, digits and dashes, at most ${REPORT_LIMITS.signalKind}`);

const parseWeight: Parser<number> = (value, field, errors) =>
  typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= REPORT_LIMITS.signalWeight
    ? value
    : refuse(errors, field, `must be a number between -${REPORT_LIMITS.signalWeight} and ${REPORT_LIMITS.signalWeight}`);

const SIGNAL_PARSERS: { [K in keyof ReportSignal]-?: Parser<ReportSignal[K]> } = {
  kind: parseKind,
  name: parseText({ maxLength: REPORT_LIMITS.signalName }),
  category: parseCategory,
  weight: parseWeight,
};

export const parseSignals: Parser<ReportSignal[]> = (value, field, errors) => {
  if (!Array.isArray(value)) return refuse(errors, field, 'must be an array');
  if (value.length > REPORT_LIMITS.signals) return refuse(errors, field, `has more than ${REPORT_LIMITS.signals} items`);
  const signals: ReportSignal[] = [];
  value.forEach((item: unknown, index) => {
    const signal = parseSignal(item, `${field}[${index}]`, errors);
    if (signal) signals.push(signal);
  });
  return signals;
};

function parseSignal(item: unknown, path: string, errors: ReportFieldError[]): ReportSignal | undefined {
  if (!isPlainObject(item)) return refuse(errors, path, 'must be an object');
  const signal = parseFields<ReportSignal>(item, SIGNAL_PARSERS, `${path}.`, errors);
  if (!signal) return undefined;
  if (signal.kind === undefined) return refuse(errors, `${path}.kind`, 'is required');
  if (signal.name === undefined) return refuse(errors, `${path}.name`, 'is required');
  return signal as ReportSignal;
}
