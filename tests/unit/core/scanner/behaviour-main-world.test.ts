// @vitest-environment happy-dom
// The main-world script, run in a DOM: what a page does reaches the content script's parser.
import { describe, expect, it } from 'vitest';
import { emptyBehaviour, mergeBehaviour, parseBehaviourMessage } from '../../../../src/core/scanner/behaviour.ts';
import type { BehaviourCounters } from '../../../../src/core/types.ts';

function nextCounts(): Promise<Partial<BehaviourCounters>> {
  return new Promise((resolve) => {
    const listen = (event: MessageEvent) => {
      const counts = parseBehaviourMessage(event.data);
      if (!counts) return;
      window.removeEventListener('message', listen);
      resolve(counts);
    };
    window.addEventListener('message', listen);
  });
}

describe('behaviour-main-world', () => {
  it('counts what scareware does and publishes it on the channel', async () => {
    window.alert = () => undefined;
    await import('../../../../src/content/behaviour-main-world.ts');
    const published = nextCounts();
    for (let index = 0; index < 3; index++) history.pushState({}, '', `#step${index}`);
    window.alert('Your computer is infected');
    // happy-dom's window.addEventListener bypasses EventTarget.prototype (browsers' does not), so the trap is set as a property.
    window.onbeforeunload = () => 'stay';
    document.addEventListener('contextmenu', (event) => event.preventDefault());
    document.body.dispatchEvent(new MouseEvent('contextmenu', { bubbles: true, cancelable: true }));
    document.addEventListener('keydown', (event) => event.preventDefault());
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));
    const counts = mergeBehaviour(emptyBehaviour(), await published);
    expect(counts).toMatchObject({ historyPush: 3, dialog: 1, beforeUnload: 1, contextMenuBlock: 1, keyBlock: 1 });
  });
});
