// Small list payloads for storage and rule tests.
import type { ListPayload } from '../../../../src/background/list-store.ts';

let databaseCount = 0;

/** A database name no other test uses (fake-indexeddb keeps databases for the whole file). */
export function freshDatabaseName(): string {
  databaseCount++;
  return `scam-warner-test-${databaseCount}-${Math.random().toString(36).slice(2)}`;
}

export function makePayload(version: number, blockDomains: string[], overrides: Partial<ListPayload> = {}): ListPayload {
  return {
    feed: '0123456789abcdef',
    version,
    origin: 'feed',
    entryCount: blockDomains.length,
    index: new Uint8Array([version, 1, 2, 3]),
    blockDomains,
    allowDomains: [],
    indicators: [],
    ...overrides,
  };
}

export const domains = (count: number, prefix = 'scam') => Array.from({ length: count }, (_, i) => `${prefix}-${i}.test`);
