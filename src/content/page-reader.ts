// Reads the page for the background's scanner: a bounded snapshot (core's extractor) plus the
// behaviour counters the main-world script reports. Those counters arrive on a channel the page
// can write to as well, so they are merged by maximum: a message can add evidence, never remove it.
import { emptyBehaviour, mergeBehaviour, parseBehaviourMessage } from '../core/scanner/behaviour.ts';
import { extractSnapshot } from '../core/scanner/snapshot.ts';
import type { PageSnapshot } from '../core/types.ts';

let behaviour = emptyBehaviour();

/** Calls back when a behaviour counter went up. */
export function listenToBehaviour(onIncrease: () => void): void {
  addEventListener('message', (event) => {
    if (event.source !== window) return;
    const counts = parseBehaviourMessage(event.data);
    if (counts === null) return;
    const merged = mergeBehaviour(behaviour, counts);
    const hasIncreased = Object.keys(merged).some((key) => merged[key as keyof typeof merged] !== behaviour[key as keyof typeof merged]);
    behaviour = merged;
    if (hasIncreased) onIncrease();
  });
}

export function readPage(): PageSnapshot {
  return extractSnapshot(document, location.href, { behaviour });
}

/** Runs `work` once the document is parsed. */
export function whenParsed(work: () => void): void {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', work, { once: true });
  else work();
}
