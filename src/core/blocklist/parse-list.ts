// The plain list format: one value per line, `#` starts a comment, blank lines are skipped. Source
// formats with more structure (hosts files, AdBlock, CSV) are read elsewhere on top of
// normalizeEntryValue; this is the generic base they share.
import type { EntryKind, EntryMeta, ListEntry } from '../types.ts';
import { normalizeEntryValue } from './entry-value.ts';
import { checkMeta } from './groups.ts';

export interface ListDefaults extends EntryMeta {
  /** Without it each value's kind is inferred (see normalizeEntryValue). */
  kind?: EntryKind;
  allow?: boolean;
}

export interface ListLineError {
  /** 1-based. */
  line: number;
  message: string;
}

export interface ParsedList {
  entries: ListEntry[];
  errors: ListLineError[];
}

/** Parses a list; every line that is not blank, a comment or a valid value is reported with its number. */
export function parseListText(text: string, defaults: ListDefaults): ParsedList {
  const metaProblem = checkMeta({ ...defaults, kind: defaults.kind ?? 'domain' });
  if (metaProblem !== null) throw new Error(`bad list defaults: ${metaProblem}`);
  const result: ParsedList = { entries: [], errors: [] };
  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const comment = raw.search(/(?:^|\s)#/);
    const content = (comment < 0 ? raw : raw.slice(0, comment)).trim();
    if (content === '') return;
    if (/\s/.test(content)) {
      result.errors.push({ line: index + 1, message: `one value per line, found "${content}"` });
      return;
    }
    const normalized = normalizeEntryValue(content, defaults.kind);
    if (!normalized.ok) {
      result.errors.push({ line: index + 1, message: normalized.message });
      return;
    }
    const { category, source, added } = defaults;
    const entry: ListEntry = { kind: normalized.kind, value: normalized.value, category, source, added };
    result.entries.push(defaults.allow === true ? { ...entry, allow: true } : entry);
  });
  return result;
}
