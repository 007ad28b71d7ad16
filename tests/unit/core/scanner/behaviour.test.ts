import { describe, expect, it } from 'vitest';
import { BEHAVIOUR_CHANNEL, emptyBehaviour, mergeBehaviour, parseBehaviourMessage, SNAPSHOT_LIMITS } from '../../../../src/core/scanner/index.ts';

describe('parseBehaviourMessage', () => {
  it('reads the known counters of a channel message', () => {
    expect(parseBehaviourMessage({ channel: BEHAVIOUR_CHANNEL, counts: { fullscreen: 2, dialog: 3.7 } })).toEqual({ fullscreen: 2, dialog: 3 });
  });

  it('ignores other messages and anything malformed a page may post', () => {
    expect(parseBehaviourMessage('scam-warner:behaviour')).toBeNull();
    expect(parseBehaviourMessage({ channel: 'other', counts: { fullscreen: 1 } })).toBeNull();
    expect(parseBehaviourMessage({ channel: BEHAVIOUR_CHANNEL })).toBeNull();
    const hostile = { channel: BEHAVIOUR_CHANNEL, counts: { fullscreen: -5, keyBlock: '9', dialog: 1e12, historyPush: Number.NaN, evil: 4, __proto__: { audioRestart: 7 } } };
    expect(parseBehaviourMessage(hostile)).toEqual({ dialog: SNAPSHOT_LIMITS.counter });
  });
});

describe('mergeBehaviour', () => {
  it('only ever raises counters: a later, smaller claim lowers nothing', () => {
    const seen = mergeBehaviour(emptyBehaviour(), { fullscreen: 3, beforeUnload: 1 });
    const after = mergeBehaviour(seen, parseBehaviourMessage({ channel: BEHAVIOUR_CHANNEL, counts: { fullscreen: 0, beforeUnload: 0, dialog: 2 } })!);
    expect(after).toEqual({ ...emptyBehaviour(), fullscreen: 3, beforeUnload: 1, dialog: 2 });
  });
});
