// The list bundled with the extension, so it protects from the first second and offline: a feed
// snapshot built from src/sources when the extension is built (see src/tools/seed.ts).
import { decodeSnapshot, stateFromSnapshot } from '../core/feed/index.ts';
import { payloadFromState } from './list-index.ts';
import type { ListPayload } from './list-store.ts';

export const SEED_SNAPSHOT_PATH = 'seed/snapshot.json';

export async function loadSeed(extensionRoot: string): Promise<ListPayload> {
  const response = await fetch(new URL(SEED_SNAPSHOT_PATH, extensionRoot));
  if (!response.ok) throw new Error(`the bundled list is missing (${response.status})`);
  return payloadFromState(stateFromSnapshot(decodeSnapshot(new Uint8Array(await response.arrayBuffer()))), 'seed');
}
