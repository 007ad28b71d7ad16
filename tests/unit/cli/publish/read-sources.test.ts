import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../../src/cli/publish/csv.ts';
import { defaultSettings } from '../../../../src/cli/publish/directives.ts';
import { readSourceFile, readSources } from '../../../../src/cli/publish/read-sources.ts';

const read = (file: string, text: string) => readSourceFile(file, text, defaultSettings(file));
const values = (file: string, text: string) => read(file, text).entries.map((entry) => entry.value);
const problems = (file: string, text: string) => read(file, text).problems.map((problem) => `${problem.line}: ${problem.message}`);

describe('text lists', () => {
  it('reads plain domains with comments, blank lines and inline notes', () => {
    expect(values('d.txt', '# a list\n\nevil-scam.test\npaypa1-login.test   # reported twice\n! adblock comment\n')).toEqual(['evil-scam.test', 'paypa1-login.test']);
  });

  it('reads hosts files, skipping the machine\'s own names', () => {
    const hosts = '127.0.0.1 localhost\n::1 localhost ip6-localhost\n0.0.0.0 0.0.0.0\n0.0.0.0 evil-scam.test www.evil-scam.test\n127.0.0.1\tscam.test\n';
    expect(values('hosts', hosts)).toEqual(['evil-scam.test', 'www.evil-scam.test', 'scam.test']);
    expect(problems('hosts', '10.0.0.1 intranet.test\n')).toEqual(['1: hosts line points at 10.0.0.1, not a blocking address such as 0.0.0.0']);
  });

  it('reads AdBlock page rules, with @@ as allow, and refuses narrowed or cosmetic rules', () => {
    const list = '[Adblock Plus 2.0]\n||evil-scam.test^\n||scam.test^$document\n@@||good.test^\n||sites.google.com/view/x^\n||ads.test^$third-party\nexample.com##.banner\n';
    const reading = read('a.txt', list);
    expect(reading.entries.map((entry) => [entry.value, entry.allow])).toEqual([
      ['evil-scam.test', false], ['scam.test', false], ['good.test', true], ['sites.google.com/view/x', false],
    ]);
    expect(reading.problems.map((problem) => problem.line)).toEqual([6, 7]);
  });

  it('reads URLs, keeping a # that belongs to the URL', () => {
    expect(values('u.txt', 'http://evil-scam.test/login.php\nhttps://x.test/#/wallet\n')).toEqual(['http://evil-scam.test/login.php', 'https://x.test/#/wallet']);
  });

  it('applies directives to the lines below them and refuses lines of another style when a format is declared', () => {
    const reading = read('d.txt', '# category: investment\n# source: Example list\na.test\n# category: parcel\n# list: allow\nb.test\n');
    expect(reading.entries.map((entry) => [entry.value, entry.category, entry.source, entry.allow])).toEqual([
      ['a.test', 'investment', 'Example list', false], ['b.test', 'parcel', 'Example list', true],
    ]);
    expect(problems('h.txt', '# format: hosts\n0.0.0.0 a.test\nb.test\n')).toEqual(['3: a domains line in a file declared as hosts']);
  });

  it('makes a bad directive fatal: publishing without the file would drop its entries', () => {
    const reading = read('d.txt', 'a.test\n# category: scams\nb.test\n');
    expect(reading.problems).toEqual([{ file: 'd.txt', line: 2, message: 'unknown category "scams"', fatal: true }]);
  });

  it('refuses a source name clients would refuse', () => {
    expect(read('d.txt', '# source: tab\there\na.test\n').problems[0]).toMatchObject({ line: 1, fatal: true, message: expect.stringMatching(/control characters/) });
    expect(problems('c.csv', `url,source\na.test,${'x'.repeat(121)}\n`)).toEqual(['2: a source name is 1 to 120 characters, without control characters']);
  });

  it('reports lines with several values', () => {
    expect(problems('d.txt', 'a.test b.test\n')).toEqual(['1: expected one value per line, found 2']);
  });
});

describe('indicators', () => {
  it('reads kind, optional per-line category and value', () => {
    const text = '# format: indicators\n# category: giveaway\nwallet 0xAbC0000000000000000000000000000000000001\nphone/tech-support +1 888 555 0100\nphrase send 1 BTC, get 2 back # not a comment\n';
    expect(read('i.txt', text).indicators.map((item) => [item.kind, item.category, item.value])).toEqual([
      ['wallet', 'giveaway', '0xAbC0000000000000000000000000000000000001'],
      ['phone', 'tech-support', '+1 888 555 0100'],
      ['phrase', 'giveaway', 'send 1 BTC, get 2 back # not a comment'],
    ]);
    expect(problems('i.txt', '# format: indicators\nregex .*\nphone/scams 123456789\n')).toEqual([
      '2: expected "<phrase|wallet|phone|payment-handle>[/<category>] <value>"', '3: unknown category "scams"',
    ]);
  });
});

describe('CSV exports', () => {
  it('parses quoted fields, doubled quotes and line breaks, keeping each record\'s first line', () => {
    expect(parseCsv('a,"b,c","d""e"\r\n"multi\nline",x\n')).toEqual({
      records: [{ line: 1, fields: ['a', 'b,c', 'd"e'] }, { line: 2, fields: ['multi\nline', 'x'] }],
    });
    expect(parseCsv('"open\n').error).toEqual({ line: 1, message: 'a quoted field is never closed' });
  });

  it('reads the report server\'s community-reports.csv exactly', () => {
    const text = 'url,category,source,added,action\nevil-scam.test,phishing,community report,2025-02-03,block\nsites.google.com/view/x,prize,community report,2025-02-04,block\ngood.test,other,community report,2025-02-05,allow\n';
    expect(read('community-reports.csv', text).entries.map((e) => [e.line, e.value, e.category, e.source, e.added, e.allow])).toEqual([
      [2, 'evil-scam.test', 'phishing', 'community report', '2025-02-03', false],
      [3, 'sites.google.com/view/x', 'prize', 'community report', '2025-02-04', false],
      [4, 'good.test', 'other', 'community report', '2025-02-05', true],
    ]);
  });

  it('reads PhishTank-style exports with their own column names and dates', () => {
    const text = '# category: phishing\n# source: PhishTank\nphish_id,url,phish_detail_url,submission_time,verified\n123,http://evil-scam.test/x,https://pt.test/123,2025-01-02T10:00:00+00:00,yes\n';
    const [row] = read('pt.csv', text).entries;
    expect(row).toMatchObject({ line: 4, value: 'http://evil-scam.test/x', category: 'phishing', source: 'PhishTank', added: '2025-01-02' });
  });

  it('reads URLhaus-style exports whose header sits in a comment', () => {
    const text = '####\n# abuse.ch URLhaus Database Dump (CSV)\n# id,dateadded,url,url_status,threat\n"1","2025-01-03 01:02:03","http://1.2.3.4/bin.sh","online","malware_download"\n';
    expect(read('urlhaus.csv', text).entries.map((e) => [e.line, e.value, e.added])).toEqual([[4, 'http://1.2.3.4/bin.sh', '2025-01-03']]);
  });

  it('reports bad rows by line and refuses a file with no url column', () => {
    const text = 'url,category,added,action\n,phishing,,\nx.test,scams,,\ny.test,phishing,soon,\nz.test,phishing,,maybe\n';
    expect(problems('c.csv', text)).toEqual([
      '2: empty url', '3: unknown category "scams"', '4: "soon" is not a date', '5: action is "block" or "allow", not "maybe"',
    ]);
    expect(read('c.csv', 'name,value\na,b\n').problems[0]).toMatchObject({ line: 1, fatal: true, message: 'no header row naming a url column' });
  });
});

describe('a sources folder', () => {
  it('reads every list file, sub-folders included, with sources.json settings for files it cannot annotate', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sources-'));
    mkdirSync(join(dir, 'vendor'));
    writeFileSync(join(dir, 'sources.json'), JSON.stringify({ 'vendor/feed.txt': { category: 'investment', source: 'Vendor' } }));
    writeFileSync(join(dir, 'vendor', 'feed.txt'), 'invest-scam.test\n');
    writeFileSync(join(dir, 'own.txt'), '# category: parcel\nparcel-fee.test\n');
    writeFileSync(join(dir, 'README.md'), 'not a list');
    const reading = readSources(dir);
    expect(reading.entries.map((e) => [e.file, e.value, e.category, e.source])).toEqual([
      ['own.txt', 'parcel-fee.test', 'parcel', 'own'],
      ['vendor/feed.txt', 'invest-scam.test', 'investment', 'Vendor'],
    ]);
    expect(reading.problems).toEqual([]);
  });

  it('makes a bad or dangling sources.json entry fatal', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sources-'));
    writeFileSync(join(dir, 'sources.json'), JSON.stringify({ 'a.txt': { category: 'nope' }, 'gone.txt': {} }));
    writeFileSync(join(dir, 'a.txt'), 'a.test\n');
    expect(readSources(dir).problems.map((p) => [p.message, p.fatal])).toEqual([
      ['a.txt: unknown category "nope"', true], ['names gone.txt, which does not exist', true],
    ]);
  });
});
