// Conventions checked by a test rather than by review (refined-github's idea): every message has a
// handler and a validator, the locales agree with English, every UI key exists, core stays pure, and
// the manifest asks for exactly the permissions the README justifies.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../src/background/handlers/index.ts';
import type { Services } from '../../src/background/services.ts';

const ROOT = process.cwd();
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

function listFiles(dir: string, pattern: RegExp): string[] {
  return (readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' }) as string[])
    .filter((file) => pattern.test(file))
    .map((file) => join(dir, file));
}

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const readLocale = (locale: string) => JSON.parse(read(`public/_locales/${locale}/messages.json`)) as Messages;
const placeholdersIn = (text: string) => [...text.matchAll(/\$([A-Za-z0-9_]+)\$/g)].map((match) => match[1]?.toLowerCase()).sort();

describe('the message protocol', () => {
  const names = [...read('src/shared/protocol.ts').matchAll(/^\s+'([a-z]+\.[a-z]+)': \{ request:/gm)].map((match) => match[1]);

  it('has a handler with a trust tier and a validator for every message, and nothing else', () => {
    const services = { getEngine: () => Promise.reject(new Error('unused')), now: () => new Date(), extensionRoot: 'chrome-extension://x/' } satisfies Services;
    const table = createHandlers(services) as unknown as Record<string, { tier: string; validate: unknown; handle: unknown }>;
    expect(names.length).toBeGreaterThan(5);
    expect(Object.keys(table).sort()).toEqual([...names].sort());
    for (const [name, spec] of Object.entries(table)) {
      expect(['content', 'content-top', 'extension'], name).toContain(spec.tier);
      expect(typeof spec.validate, name).toBe('function');
      expect(typeof spec.handle, name).toBe('function');
    }
  });
});

describe('the locales', () => {
  const english = readLocale('en');
  const locales = readdirSync(join(ROOT, 'public/_locales'), { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);

  it('include English and Arabic', () => {
    expect(locales).toEqual(expect.arrayContaining(['en', 'ar']));
    expect(JSON.parse(read('manifest.json')).default_locale).toBe('en');
  });

  it.each(locales)('%s has exactly the English keys, each with its placeholders', (locale) => {
    const messages = readLocale(locale);
    expect(Object.keys(messages).sort()).toEqual(Object.keys(english).sort());
    for (const [key, entry] of Object.entries(english)) {
      const translated = messages[key];
      expect(translated?.message.trim(), `${locale}:${key} is empty`).toBeTruthy();
      expect(placeholdersIn(translated?.message ?? ''), `${locale}:${key}`).toEqual(placeholdersIn(entry.message));
      expect(Object.keys(translated?.placeholders ?? {}).sort(), `${locale}:${key}`).toEqual(Object.keys(entry.placeholders ?? {}).sort());
    }
  });

  it('name a placeholder for every $NAME$ a message uses', () => {
    for (const [key, entry] of Object.entries(english)) {
      for (const name of placeholdersIn(entry.message)) expect(Object.keys(entry.placeholders ?? {}), key).toContain(name);
    }
  });

  it('hold every key the extension code passes to t() or names as a message key', () => {
    const uiFiles = ['src/background', 'src/content', 'src/popup', 'src/warning', 'src/options', 'src/ui', 'src/shared'].flatMap((dir) => listFiles(dir, /\.tsx?$/));
    const used = new Set<string>();
    for (const file of uiFiles) {
      const text = read(file);
      for (const match of text.matchAll(/\bt\(\s*'([a-z0-9_]+)'/g)) used.add(match[1] ?? '');
      for (const match of text.matchAll(/:\s*'([a-z]+_[a-z0-9_]+)'/g)) if (/^(verdict|badge|title|reason|indicator|options|warning|popup|list|banner|report|category)_/.test(match[1] ?? '')) used.add(match[1] ?? '');
    }
    expect(used.size).toBeGreaterThan(40);
    expect([...used].filter((key) => !(key in english))).toEqual([]);
  });
});

describe('src/core', () => {
  it('imports no browser, storage, UI or Node code and touches no browser globals', () => {
    const problems: string[] = [];
    for (const file of listFiles('src/core', /\.ts$/)) {
      const text = read(file);
      for (const match of text.matchAll(/from\s+'([^']+)'/g)) {
        const source = match[1] ?? '';
        const isOutsideCore = source.startsWith('.') && !join(file, '..', source).startsWith('src/core');
        if (isOutsideCore || /^(webextension-polyfill|idb|preact|node:)/.test(source)) problems.push(`${relative(ROOT, join(ROOT, file))} imports ${source}`);
      }
      if (/\b(chrome|browser)\.(runtime|tabs|storage|declarativeNetRequest|i18n)\b/.test(text)) problems.push(`${file} uses an extension API`);
    }
    expect(problems).toEqual([]);
  });
});

describe('the manifest', () => {
  const manifest = JSON.parse(read('manifest.json')) as Record<string, unknown>;

  it('asks for exactly the permissions the README justifies', () => {
    const expected = JSON.parse(read('tests/fixtures/permissions.json')) as Record<string, string[]>;
    expect({ permissions: manifest.permissions, host_permissions: manifest.host_permissions }).toEqual(expected);
  });

  it('lets no web page message the extension, and exposes only the warning page, by a per-session address', () => {
    expect(manifest.externally_connectable).toBeUndefined();
    expect(manifest.web_accessible_resources).toEqual([{ resources: ['src/warning/index.html'], matches: ['http://*/*', 'https://*/*'], use_dynamic_url: true }]);
  });

  it('takes its name and description from the locales', () => {
    expect(manifest.name).toBe('__MSG_extension_name__');
    expect(manifest.description).toBe('__MSG_extension_description__');
  });
});
