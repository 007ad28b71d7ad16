// Turns what was read from a page into signals with weights (see signals.ts for the table).
import type { BehaviourCounters, PageSnapshot, ScanSignal } from '../types.ts';
import type { FieldAsk } from './fields.ts';
import type { TextSignalGroup } from './lexicon.ts';
import { makeSignal, SIGNALS, type SignalId } from './signals.ts';
import type { TextEvidence } from './text-evidence.ts';

// Several distinct phrases for one signal make it surer, up to half again its weight.
const EXTRA_PER_PHRASE = 0.25;
const MAX_MULTIPLIER = 1.5;
const MAX_AWARENESS_PHRASES = 3;
const MESSENGER_HOSTS = new Set(['wa.me', 'api.whatsapp.com', 'chat.whatsapp.com', 't.me', 'telegram.me', 'line.me', 'm.me']);

/** When a counter means a behaviour signal: once is enough for locks, more for what honest pages also do. */
const BEHAVIOUR_RULES: readonly [SignalId, (counts: BehaviourCounters) => number][] = [
  ['behaviour_fullscreen', (counts) => (counts.fullscreen >= 1 ? counts.fullscreen : 0)],
  ['behaviour_keyboard_lock', (counts) => (counts.keyboardLock + counts.pointerLock >= 1 ? counts.keyboardLock + counts.pointerLock : 0)],
  ['behaviour_unload_trap', (counts) => (counts.beforeUnload >= 1 ? counts.beforeUnload : 0)],
  ['behaviour_input_block', (counts) => (counts.contextMenuBlock >= 1 || counts.keyBlock >= 3 ? counts.contextMenuBlock + counts.keyBlock : 0)],
  ['behaviour_history_flood', (counts) => (counts.historyPush >= 10 ? counts.historyPush : 0)],
  ['behaviour_audio_loop', (counts) => (counts.audioRestart >= 2 ? counts.audioRestart : 0)],
  ['behaviour_dialog_loop', (counts) => (counts.dialog >= 3 ? counts.dialog : 0)],
];

function phraseSignal(id: SignalId, phrases: readonly string[]): ScanSignal {
  const multiplier = Math.min(MAX_MULTIPLIER, 1 + EXTRA_PER_PHRASE * (phrases.length - 1));
  return makeSignal(id, phrases.slice(0, 3).join(', '), SIGNALS[id].weight * multiplier);
}

/** Signals from words and numbers: phrase groups, structure, calls, wallets, countdowns, discounts, returns, payment numbers, messengers. */
export function textSignals(evidence: TextEvidence, links: readonly string[]): ScanSignal[] {
  const extra = new Map<SignalId, string[]>(evidence.structure);
  const add = (id: SignalId, phrases: readonly string[]) => extra.set(id, [...(extra.get(id) ?? []), ...phrases]);
  add('pressure_countdown', evidence.timers);
  add('pressure_discount', evidence.discounts);
  add('pressure_returns', evidence.periodReturns);
  add('ask_transfer', evidence.paymentNumbers);
  add('ask_messenger', links.filter(isMessengerLink).slice(0, 3));
  const groups = new Set<SignalId>([...evidence.phrases.keys(), ...extra.keys()]);
  const signals: ScanSignal[] = [];
  for (const group of groups) {
    if (group === 'context_awareness') continue;
    const phrases = [...new Set([...(evidence.phrases.get(group as TextSignalGroup) ?? []), ...(extra.get(group) ?? [])])];
    if (phrases.length > 0) signals.push(phraseSignal(group, phrases));
  }
  const awareness = [...(evidence.phrases.get('context_awareness') ?? []), ...evidence.negated];
  if (awareness.length > 0) signals.push(makeSignal('context_awareness', awareness.slice(0, 3).join(', '), -Math.min(MAX_AWARENESS_PHRASES, awareness.length)));
  const phone = evidence.phones.find((candidate) => candidate.isPhoneLike)?.digits ?? links.find((link) => link.startsWith('tel:'))?.slice(4);
  if (evidence.callCue !== null && phone) signals.push(makeSignal('ask_call_number', `${evidence.callCue}: ${phone}`));
  if (evidence.wallets.length > 0) signals.push(makeSignal('ask_wallet', evidence.wallets[0]!));
  return signals;
}

function isMessengerLink(link: string): boolean {
  try {
    return MESSENGER_HOSTS.has(new URL(link).hostname.replace(/^www\./, ''));
  } catch {
    return false;
  }
}

export function fieldSignals(asks: ReadonlyMap<FieldAsk, string>): ScanSignal[] {
  return [...asks].map(([id, field]) => makeSignal(id, field));
}

export function behaviourSignals(counts: BehaviourCounters): ScanSignal[] {
  return BEHAVIOUR_RULES.flatMap(([id, measure]) => {
    const count = measure(counts);
    return count > 0 ? [makeSignal(id, String(count))] : [];
  });
}

/** Links with an absolute URL, for the checks above; relative ones name the page's own site. */
export function snapshotLinks(snapshot: PageSnapshot): string[] {
  return snapshot.links.filter((link) => /^(https?|tel):/i.test(link));
}
