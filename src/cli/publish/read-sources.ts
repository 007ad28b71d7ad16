// Every source list in a folder (sub-folders included), each read as its settings say: defaults by
// file name, then its sources.json entry, then the directives inside the file itself.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readCsvSource } from './csv-source.ts';
import { applyDirectives, defaultSettings, type SourceSettings } from './directives.ts';
import { emptyReading, type SourceReading } from './source-types.ts';
import { readTextSource } from './text-source.ts';
import { errorMessage } from '../../core/error-message.ts';

export const SOURCES_MANIFEST = 'sources.json';
const LIST_FILE = /(^|\/)hosts$|\.(txt|csv|list|hosts)$/i;
const CSV_DIRECTIVE = /^#\s*format\s*:\s*csv\s*$/m;

export function readSources(dir: string): SourceReading {
  const reading = emptyReading();
  const manifest = readManifest(dir, reading);
  const files = (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[])
    .map((file) => file.split('\\').join('/'))
    .filter((file) => !file.split('/').some((part) => part.startsWith('.')) && statSync(join(dir, file)).isFile())
    .sort();
  for (const file of files) {
    if (file === SOURCES_MANIFEST || !LIST_FILE.test(file)) continue;
    const settings = applyDirectives(defaultSettings(file.split('/').pop() ?? file), manifest[file] ?? {});
    if (typeof settings === 'string') {
      reading.problems.push({ file: SOURCES_MANIFEST, line: 0, message: `${file}: ${settings}`, fatal: true });
      continue;
    }
    merge(reading, readSourceFile(file, readFileSync(join(dir, file), 'utf8'), settings));
  }
  for (const file of Object.keys(manifest)) {
    if (!files.includes(file)) reading.problems.push({ file: SOURCES_MANIFEST, line: 0, message: `names ${file}, which does not exist`, fatal: true });
  }
  return reading;
}

export function readSourceFile(file: string, text: string, settings: SourceSettings): SourceReading {
  const isCsv = settings.format === 'csv' || CSV_DIRECTIVE.test(text);
  return isCsv ? readCsvSource(file, text, { ...settings, format: 'csv' }) : readTextSource(file, text, settings);
}

function readManifest(dir: string, reading: SourceReading): Record<string, Record<string, unknown>> {
  let text: string;
  try {
    text = readFileSync(join(dir, SOURCES_MANIFEST), 'utf8');
  } catch {
    return {};
  }
  try {
    const value: unknown = JSON.parse(text);
    const isMap = typeof value === 'object' && value !== null && !Array.isArray(value);
    if (isMap && Object.values(value).every((item) => typeof item === 'object' && item !== null && !Array.isArray(item))) {
      return value as Record<string, Record<string, unknown>>;
    }
    throw new Error('expected { "<file>": { "category": ..., "source": ... } }');
  } catch (error) {
    reading.problems.push({ file: SOURCES_MANIFEST, line: 0, message: errorMessage(error), fatal: true });
    return {};
  }
}

function merge(into: SourceReading, from: SourceReading): void {
  // A loop, not push(...items): a million arguments would overflow the stack.
  for (const item of from.entries) into.entries.push(item);
  for (const item of from.indicators) into.indicators.push(item);
  for (const item of from.problems) into.problems.push(item);
}
