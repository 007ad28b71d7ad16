#!/usr/bin/env node
// Adds or updates UI strings in every locale at once, keeping keys sorted and the files valid JSON.
// usage: node src/tools/add-messages.mjs strings.json
//   strings.json: { "key_name": { "en": "...", "ar": "...", "description": "...", "placeholders": {...} } }
// Several people edit the locale files at once, so the read-modify-write happens under a lock file.
import { readFileSync, writeFileSync, openSync, closeSync, unlinkSync, existsSync, mkdirSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

const LOCALES_DIR = new URL('../../public/_locales/', import.meta.url);
const LOCK = new URL('../../public/_locales/.lock', import.meta.url);

async function withLock(work) {
  for (let attempt = 0; ; attempt++) {
    try {
      closeSync(openSync(LOCK, 'wx'));
      break;
    } catch (error) {
      if (error.code !== 'EEXIST' || attempt > 200) throw error;
      await sleep(50);
    }
  }
  try {
    return work();
  } finally {
    unlinkSync(LOCK);
  }
}

const input = JSON.parse(readFileSync(process.argv[2], 'utf8'));
await withLock(() => {
  for (const locale of ['en', 'ar']) {
    const dir = new URL(`${locale}/`, LOCALES_DIR);
    const file = new URL('messages.json', dir);
    if (!existsSync(dir)) mkdirSync(dir, { recursive: true });
    const messages = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
    for (const [key, value] of Object.entries(input)) {
      if (!/^[a-z][a-z0-9_]*$/.test(key)) throw new Error(`bad message key "${key}": use snake_case`);
      if (typeof value[locale] !== 'string') throw new Error(`"${key}" has no ${locale} text`);
      messages[key] = {
        message: value[locale],
        ...(locale === 'en' && value.description ? { description: value.description } : {}),
        ...(value.placeholders ? { placeholders: value.placeholders } : {}),
      };
    }
    const sorted = Object.fromEntries(Object.entries(messages).sort(([a], [b]) => a.localeCompare(b)));
    writeFileSync(file, `${JSON.stringify(sorted, null, 2)}\n`);
  }
});
console.log(`added ${Object.keys(input).length} message(s)`);
