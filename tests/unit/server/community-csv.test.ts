import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendCommunityRow, COMMUNITY_FILE } from '../../../src/server/community-csv.ts';
import { useTempDirs } from './temp-dir.ts';

const makeDir = useTempDirs();
const ROW = { url: 'evil-scam.test', category: 'phishing', added: '2024-05-01', action: 'block' } as const;

describe('appendCommunityRow', () => {
  it('creates the file with its header, then appends', () => {
    const dir = makeDir();
    appendCommunityRow(dir, ROW);
    appendCommunityRow(dir, { ...ROW, url: 'bank.test', action: 'allow', category: 'other' });
    expect(readFileSync(join(dir, COMMUNITY_FILE), 'utf8')).toBe(
      'url,category,source,added,action\nevil-scam.test,phishing,community report,2024-05-01,block\nbank.test,other,community report,2024-05-01,allow\n');
  });

  it('quotes a value with a comma or quote, and ends an unterminated last line first', () => {
    const dir = makeDir();
    writeFileSync(join(dir, COMMUNITY_FILE), 'url,category,source,added,action\nold.test,prize,community report,2024-01-01,block');
    expect(appendCommunityRow(dir, { ...ROW, url: 'sites.google.com/view/a,"b"' }))
      .toBe('"sites.google.com/view/a,""b""",phishing,community report,2024-05-01,block');
    expect(readFileSync(join(dir, COMMUNITY_FILE), 'utf8').split('\n')).toHaveLength(4);
  });

  it('refuses a file with another header or a missing folder, and changes nothing', () => {
    const dir = makeDir();
    writeFileSync(join(dir, COMMUNITY_FILE), 'domain,notes\nx.test,hi\n');
    expect(() => appendCommunityRow(dir, ROW)).toThrow(/does not start with the header/);
    expect(readFileSync(join(dir, COMMUNITY_FILE), 'utf8')).toBe('domain,notes\nx.test,hi\n');
    expect(() => appendCommunityRow(join(dir, 'missing'), ROW)).toThrow(/does not exist/);
  });
});
