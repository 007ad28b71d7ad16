// The channel between the main-world counter script and the isolated content script. The page
// can post on it too, so a message is read as a claim the page makes about itself: numbers only,
// known counters only, capped, and merged by maximum, so a message can add evidence but never
// remove any (a counter never goes down).
import type { BehaviourCounters } from '../types.ts';
import { SNAPSHOT_LIMITS } from './limits.ts';

/** The `channel` field of every message (kept in step with src/content/behaviour-main-world.ts by a test). */
export const BEHAVIOUR_CHANNEL = 'scam-warner:behaviour';

export const BEHAVIOUR_KEYS = [
  'fullscreen', 'keyboardLock', 'pointerLock', 'beforeUnload', 'contextMenuBlock', 'keyBlock', 'historyPush', 'audioRestart', 'dialog',
] as const satisfies readonly (keyof BehaviourCounters)[];

export function emptyBehaviour(): BehaviourCounters {
  return Object.fromEntries(BEHAVIOUR_KEYS.map((key) => [key, 0])) as unknown as BehaviourCounters;
}

function toCount(value: unknown): number | null {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) return null;
  return Math.min(Math.floor(value), SNAPSHOT_LIMITS.counter);
}

/** The counters a channel message carries, or null when it is not one; anything malformed is ignored. */
export function parseBehaviourMessage(data: unknown): Partial<BehaviourCounters> | null {
  if (typeof data !== 'object' || data === null) return null;
  const { channel, counts } = data as { channel?: unknown; counts?: unknown };
  if (channel !== BEHAVIOUR_CHANNEL || typeof counts !== 'object' || counts === null) return null;
  const parsed: Partial<BehaviourCounters> = {};
  for (const key of BEHAVIOUR_KEYS) {
    const count = Object.hasOwn(counts, key) ? toCount((counts as Record<string, unknown>)[key]) : null;
    if (count !== null) parsed[key] = count;
  }
  return parsed;
}

/** Counters after an update: each the larger of the two, so no message can lower one. */
export function mergeBehaviour(current: BehaviourCounters, update: Partial<BehaviourCounters>): BehaviourCounters {
  const merged = { ...current };
  for (const key of BEHAVIOUR_KEYS) merged[key] = Math.max(current[key], toCount(update[key]) ?? 0);
  return merged;
}
