// The user's settings, stored whole; missing fields (older versions) take the defaults.
import type { Settings } from '../shared/protocol.ts';
import { readMeta, writeMeta, type ScamWarnerDb } from './db.ts';

export const DEFAULT_SETTINGS: Readonly<Settings> = { sensitivity: 'normal', feedUrl: null, isAutoUpdateOn: true };

export async function readSettings(db: ScamWarnerDb): Promise<Settings> {
  return { ...DEFAULT_SETTINGS, ...(await readMeta(db, 'settings')) };
}

export async function updateSettings(db: ScamWarnerDb, patch: Partial<Settings>): Promise<Settings> {
  const next = { ...(await readSettings(db)), ...patch };
  await writeMeta(db, 'settings', next);
  return next;
}
