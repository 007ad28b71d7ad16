// `<sources>/community-reports.csv`: where approved reports become list entries. The feed's
// `publish` reads exactly this file, so the next published version carries them to every extension.
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { Category } from '../core/types.ts';

export const COMMUNITY_FILE = 'community-reports.csv';
export const COMMUNITY_HEADER = 'url,category,source,added,action';
export const COMMUNITY_SOURCE = 'community report';

export interface CommunityRow {
  /** The entry: `evil.com`, `evil.weebly.com` or `sites.google.com/view/x`. */
  url: string;
  category: Category;
  /** `YYYY-MM-DD`. */
  added: string;
  action: 'block' | 'allow';
}

/** Appends one row (durably), creating the file with its header first; refuses a file with another header. */
export function appendCommunityRow(sourcesDir: string, row: CommunityRow): string {
  if (!existsSync(sourcesDir)) throw new Error(`the sources folder ${sourcesDir} does not exist`);
  const path = join(sourcesDir, COMMUNITY_FILE);
  const line = [row.url, row.category, COMMUNITY_SOURCE, row.added, row.action].map(csvField).join(',');
  const existing = existsSync(path) ? readFileSync(path, 'utf8') : '';
  let prefix = '';
  if (existing === '') prefix = `${COMMUNITY_HEADER}\n`;
  else if (existing.replace(/^\ufeff/, '').split(/\r?\n/, 1)[0] !== COMMUNITY_HEADER) {
    throw new Error(`${path} does not start with the header "${COMMUNITY_HEADER}": fix it by hand first`);
  } else if (!existing.endsWith('\n')) prefix = '\n';
  const fd = openSync(path, 'a');
  try {
    writeSync(fd, `${prefix}${line}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return line;
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
