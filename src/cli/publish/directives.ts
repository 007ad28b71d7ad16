// How a source file says what it holds: `# key: value` comment lines (anywhere; each applies to the
// lines below it), or, for files a script downloads and cannot annotate, an entry in sources.json.
import { MAX_SOURCE_NAME_LENGTH } from '../../core/index.ts';
import { isCategory, type Category, type EntryKind } from '../../core/types.ts';

export const SOURCE_FORMATS = ['auto', 'domains', 'hosts', 'adblock', 'urls', 'csv', 'indicators'] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

export interface SourceSettings {
  format: SourceFormat;
  category: Category;
  /** The name users see as where an entry came from. */
  source: string;
  /** `YYYY-MM-DD`; without it an entry keeps the date it first appeared in the feed. */
  added?: string;
  list: 'block' | 'allow';
  /** Force one entry kind instead of deciding by the value's shape. */
  kind?: EntryKind;
}

const DIRECTIVE = /^#\s*(format|category|source|added|list|kind)\s*:\s*(.*?)\s*$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const KINDS: readonly string[] = ['domain', 'host', 'url-prefix'];

export function defaultSettings(fileName: string): SourceSettings {
  const format: SourceFormat = fileName.endsWith('.csv') ? 'csv' : 'auto';
  return { format, category: 'other', source: fileName.replace(/\.[a-z]+$/i, ''), list: 'block' };
}

/** The directive on a line, or null when the line is not one (a plain comment is not). */
export function readDirective(line: string): { key: string; value: string } | null {
  const match = DIRECTIVE.exec(line.trim());
  return match ? { key: match[1] ?? '', value: match[2] ?? '' } : null;
}

/** Settings with one directive applied, or a message saying why the value is wrong. */
export function applyDirective(settings: SourceSettings, key: string, value: string): SourceSettings | string {
  switch (key) {
    case 'format':
      return (SOURCE_FORMATS as readonly string[]).includes(value) ? { ...settings, format: value as SourceFormat } : `unknown format "${value}" (${SOURCE_FORMATS.join(', ')})`;
    case 'category':
      return isCategory(value) ? { ...settings, category: value } : `unknown category "${value}"`;
    case 'source':
      return checkSourceName(value) ?? { ...settings, source: value };
    case 'added':
      return isDate(value) ? { ...settings, added: value } : `"${value}" is not a YYYY-MM-DD date`;
    case 'list':
      return value === 'block' || value === 'allow' ? { ...settings, list: value } : `list is "block" or "allow", not "${value}"`;
    case 'kind':
      return KINDS.includes(value) ? { ...settings, kind: value as EntryKind } : `kind is domain, host or url-prefix, not "${value}"`;
    default:
      return `unknown directive "${key}"`;
  }
}

/** Settings from a sources.json entry: the same keys as the directives. */
export function applyDirectives(settings: SourceSettings, values: Record<string, unknown>): SourceSettings | string {
  let result = settings;
  for (const [key, value] of Object.entries(values)) {
    const next = applyDirective(result, key, typeof value === 'string' ? value : JSON.stringify(value));
    if (typeof next === 'string') return next;
    result = next;
  }
  return result;
}

/** Why a source name cannot be published (clients refuse a feed with such a name), or null. */
export function checkSourceName(value: string): string | null {
  // eslint-disable-next-line no-control-regex
  const isClean = value !== '' && value.length <= MAX_SOURCE_NAME_LENGTH && !/[\u0000-\u001f\u007f]/.test(value);
  return isClean ? null : `a source name is 1 to ${MAX_SOURCE_NAME_LENGTH} characters, without control characters`;
}

export function isDate(value: string): boolean {
  return DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
}
