// CSV exports (PhishTank, OpenPhish, URLhaus style, and the report server's community-reports.csv):
// a header row names a URL column and optionally category, source, added and action (block|allow).
// URLhaus puts its header in a comment line; that works too. Directives in comments apply to the file.
import { isCategory } from '../../core/types.ts';
import { parseCsv, type CsvRecord } from './csv.ts';
import { applyDirective, checkSourceName, isDate, readDirective, type SourceSettings } from './directives.ts';
import { emptyReading, type EntryCandidate, type SourceReading } from './source-types.ts';

const COLUMN_NAMES: Record<string, string[]> = {
  url: ['url', 'phish_url', 'uri', 'domain', 'host'],
  category: ['category'],
  source: ['source'],
  added: ['added', 'dateadded', 'date_added', 'submission_time', 'first_seen', 'firstseen', 'date'],
  action: ['action'],
};
type Columns = Partial<Record<keyof typeof COLUMN_NAMES, number>>;

export function readCsvSource(file: string, text: string, initial: SourceSettings): SourceReading {
  const reading = emptyReading();
  let settings = initial;
  let commentHeader: Columns | null = null;
  const lines = text.split('\n').map((line, index) => {
    if (!line.trimStart().startsWith('#')) return line;
    const directive = readDirective(line);
    const next = directive ? applyDirective(settings, directive.key, directive.value) : settings;
    if (typeof next === 'string') reading.problems.push({ file, line: index + 1, message: next, fatal: true });
    else settings = next;
    const header = findColumns(line.replace(/^\s*#\s*/, '').split(','));
    if (!directive && header) commentHeader = header;
    return '';
  });
  if (reading.problems.length > 0) return reading;
  const { records, error } = parseCsv(lines.join('\n'));
  if (error) return { ...reading, problems: [{ file, line: error.line, message: error.message, fatal: true }] };
  const rows = records.filter((record) => record.fields.some((field) => field.trim() !== ''));
  const first = rows[0];
  const ownHeader = first ? findColumns(first.fields) : null;
  const columns = ownHeader ?? commentHeader;
  if (!columns) return { ...reading, problems: [{ file, line: first?.line ?? 0, message: 'no header row naming a url column', fatal: true }] };
  for (const record of ownHeader ? rows.slice(1) : rows) {
    const row = readRow(record, columns, settings, file);
    if (typeof row === 'string') reading.problems.push({ file, line: record.line, message: row });
    else reading.entries.push(row);
  }
  return reading;
}

function findColumns(names: string[]): Columns | null {
  const normalized = names.map((name) => name.trim().toLowerCase());
  const columns: Columns = {};
  for (const [column, aliases] of Object.entries(COLUMN_NAMES)) {
    const index = normalized.findIndex((name) => aliases.includes(name));
    if (index !== -1) columns[column] = index;
  }
  return columns.url === undefined ? null : columns;
}

function readRow(record: CsvRecord, columns: Columns, settings: SourceSettings, file: string): EntryCandidate | string {
  const cell = (column: keyof Columns) => {
    const index = columns[column];
    return index === undefined ? '' : (record.fields[index] ?? '').trim();
  };
  const value = cell('url');
  if (value === '') return 'empty url';
  const category = cell('category') || settings.category;
  if (!isCategory(category)) return `unknown category "${category}"`;
  const addedCell = cell('added').slice(0, 10);
  if (addedCell !== '' && !isDate(addedCell)) return `"${cell('added')}" is not a date`;
  const action = cell('action').toLowerCase() || settings.list;
  if (action !== 'block' && action !== 'allow') return `action is "block" or "allow", not "${action}"`;
  const source = cell('source') || settings.source;
  const sourceProblem = checkSourceName(source);
  if (sourceProblem) return sourceProblem;
  const added = addedCell || settings.added;
  return {
    file, line: record.line, value, allow: action === 'allow', category, source,
    ...(added ? { added } : {}), ...(settings.kind ? { kind: settings.kind } : {}),
  };
}
