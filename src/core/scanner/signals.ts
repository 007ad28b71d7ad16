// Every page-pattern signal the scanner can raise, with its weight. Each id has a user-facing label
// `signal_<id>` in _locales (en + ar). Weights are deliberate, not fitted: an ask or a behaviour is
// worth about half the threshold, a pressure phrase less, so one signal never decides alone.
import type { Category, ScanSignal, SignalKind } from '../types.ts';

export interface SignalDefinition {
  kind: SignalKind;
  /** The scam category the signal points to; null for evidence any scam can show. */
  category: Category | null;
  weight: number;
}

const ask = (weight: number, category: Category | null = null): SignalDefinition => ({ kind: 'ask', category, weight });
const pressure = (weight: number, category: Category | null = null): SignalDefinition => ({ kind: 'pressure', category, weight });
const behaviour = (weight: number): SignalDefinition => ({ kind: 'behaviour', category: null, weight });

export const SIGNALS = {
  // What the page asks for: fields for secrets, and payment or contact instructions.
  ask_password: ask(2),
  // The password of another account (your email, your Facebook): no honest site asks for it.
  ask_account_password: ask(2.5, 'phishing'),
  ask_card: ask(2.5),
  ask_otp: ask(2.5),
  ask_seed_phrase: ask(4, 'phishing'),
  ask_national_id: ask(2),
  ask_wallet: ask(1.5),
  ask_gift_card: ask(3, 'gift-card'),
  ask_call_number: ask(2),
  ask_remote_access: ask(3, 'tech-support'),
  ask_fee_payment: ask(2),
  ask_transfer: ask(1.5),
  ask_messenger: ask(1),
  // Full payment before delivery, no cash on delivery: how fake shops take money and vanish. No
  // category of its own: small honest sellers ask it too, so the story must come from elsewhere.
  ask_prepayment: ask(2),
  // Demands found by structure (concepts meeting in a clause, amounts set against each other),
  // whatever the wording: each tells its scam's story.
  // A fee or tax to pay before money (or a parcel, a prize) is released: advance-fee fraud of
  // every kind, so the story comes from elsewhere.
  ask_release_fee: ask(2.5),
  // A fee or a top-up to pay on a page offering work or tasks.
  ask_pay_to_work: ask(2.5, 'job'),
  // Card details to receive money the page says is yours (a refund, cashback, a gift).
  ask_card_for_payout: ask(2, 'phishing'),
  // Money to put in for a stated return of 1% a day or more: the shape of investment scams and
  // of jobs that cost a "visa fee" against a salary alike, so no category of its own.
  ask_deposit_for_returns: ask(2),
  // How it pushes: urgency, threats and promises. Never enough on their own.
  pressure_urgency: pressure(1),
  pressure_countdown: pressure(1),
  pressure_account: pressure(2, 'phishing'),
  pressure_arrest: pressure(2, 'impersonation'),
  pressure_fine: pressure(2, 'impersonation'),
  pressure_virus: pressure(2.5, 'tech-support'),
  pressure_prize: pressure(2, 'prize'),
  pressure_giveaway: pressure(2.5, 'giveaway'),
  pressure_returns: pressure(2, 'investment'),
  pressure_withdrawal: pressure(2, 'investment'),
  pressure_parcel: pressure(2, 'parcel'),
  pressure_job: pressure(2, 'job'),
  pressure_discount: pressure(2, 'fake-shop'),
  // What it does, counted in the page's own world.
  behaviour_fullscreen: behaviour(1.5),
  behaviour_keyboard_lock: behaviour(2),
  behaviour_unload_trap: behaviour(1),
  behaviour_input_block: behaviour(1),
  behaviour_history_flood: behaviour(1.5),
  behaviour_audio_loop: behaviour(1.5),
  behaviour_dialog_loop: behaviour(1.5),
  // Who it claims to be.
  brand_mismatch: { kind: 'mismatch', category: null, weight: 3 },
  // A form that asks secrets or a phone number and sends them to another site (or a bare IP address).
  form_offsite: { kind: 'mismatch', category: null, weight: 2 },
  // Context that makes a scam less likely: the page warns about scams, or is the claimed brand's own.
  context_awareness: { kind: 'context', category: null, weight: -3 },
  context_official: { kind: 'context', category: null, weight: -4 },
} as const satisfies Record<string, SignalDefinition>;

export type SignalId = keyof typeof SIGNALS;

export const SIGNAL_IDS = Object.keys(SIGNALS) as SignalId[];

export function isSignalId(value: string): value is SignalId {
  return Object.hasOwn(SIGNALS, value);
}

/** A fired signal: its definition's kind and category, a weight (the definition's unless scaled), what fired it. */
export function makeSignal(id: SignalId, evidence: string, weight: number = SIGNALS[id].weight): ScanSignal {
  const { kind, category } = SIGNALS[id];
  return { id, kind, category, weight: Math.round(weight * 100) / 100, evidence: evidence.slice(0, 200) };
}
