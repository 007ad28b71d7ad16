// Text source lists, read line by line: entries in any list style (see line-formats.ts) or page
// indicators (`<kind>[/<category>] <value>`, e.g. `phone/tech-support +1 888 555 0100`).
import { INDICATOR_KINDS } from '../../core/index.ts';
import { isCategory, type IndicatorKind } from '../../core/types.ts';
import { applyDirective, readDirective, type SourceSettings } from './directives.ts';
import { readListLine } from './line-formats.ts';
import { emptyReading, type SourceReading } from './source-types.ts';

const INDICATOR_LINE = /^([a-z-]+)(?:\/([a-z-]+))?\s+(\S.*?)\s*$/;

export function readTextSource(file: string, text: string, initial: SourceSettings): SourceReading {
  const reading = emptyReading();
  let settings = initial;
  const lines = text.split(/\r?\n/);
  for (const [index, line] of lines.entries()) {
    const origin = { file, line: index + 1 };
    const directive = line.includes('#') ? readDirective(line) : null;
    if (directive) {
      const next = applyDirective(settings, directive.key, directive.value);
      if (typeof next === 'string') return { ...reading, problems: [...reading.problems, { ...origin, message: next, fatal: true }] };
      settings = next;
    } else if (settings.format === 'indicators') {
      readIndicatorLine(line, settings, origin, reading);
    } else {
      const result = readListLine(line, settings.format);
      if (result.type === 'error') reading.problems.push({ ...origin, message: result.message });
      if (result.type !== 'values') continue;
      const allow = result.allow || settings.list === 'allow';
      // One plain object per entry, always the same shape: lists run to millions of lines.
      for (const value of result.values) {
        reading.entries.push({ file, line: origin.line, value, allow, category: settings.category, source: settings.source, added: settings.added, kind: settings.kind });
      }
    }
  }
  return reading;
}

function readIndicatorLine(line: string, settings: SourceSettings, origin: { file: string; line: number }, reading: SourceReading): void {
  if (line.trim() === '' || line.trimStart().startsWith('#')) return;
  const match = INDICATOR_LINE.exec(line.trim());
  const [, kind = '', category = settings.category, value = ''] = match ?? [];
  if (!match || !(INDICATOR_KINDS as readonly string[]).includes(kind)) {
    reading.problems.push({ ...origin, message: `expected "<${INDICATOR_KINDS.join('|')}>[/<category>] <value>"` });
  } else if (!isCategory(category)) {
    reading.problems.push({ ...origin, message: `unknown category "${category}"` });
  } else {
    const added = settings.added ? { added: settings.added } : {};
    reading.indicators.push({ ...origin, kind: kind as IndicatorKind, category, source: settings.source, ...added, value });
  }
}
