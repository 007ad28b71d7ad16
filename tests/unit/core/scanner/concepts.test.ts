import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findBreaks } from '../../../../src/core/scanner/concepts.ts';
import { getPageMatcher, scanPage } from '../../../../src/core/scanner/index.ts';
import { findDeadlines } from '../../../../src/core/scanner/text-structure.ts';
import { foldText } from '../../../../src/core/text/normalize.ts';
import type { PageSnapshot, ScanResult } from '../../../../src/core/types.ts';
import { snapshot, withFields } from './helpers.ts';

const matcher = getPageMatcher();
const scan = (text: string, extra: Partial<PageSnapshot> = {}) => scanPage(snapshot({ text, ...extra }), { registrableDomain: 'x.test', matcher });
const evidenceOf = (result: ScanResult, id: string) => result.signals.find((signal) => signal.id === id)?.evidence ?? null;

describe('clause breaks', () => {
  it('end clauses at sentence marks of every script, not at decimals or abbreviations', () => {
    const text = foldText('Pay Rs. 300 now. Total 4,870.00 due! Then রেজিস্ট্রেশন করুন। ফি দিন');
    expect([...findBreaks(text)].map((at) => text[at])).toEqual(['.', '!', '।']);
    expect([...findBreaks(foldText('Withdraw\nA network fee'))]).toEqual([8]);
  });

  it('are found as the rule says, written here with regular expressions, on any mix of marks, letters and scripts', () => {
    const byRule = (text: string) => [...text.matchAll(/[.!?;\n\u061f\u0964\u0965]/g)].map((match) => match.index).filter((at) => {
      if (text[at] !== '\n' && at + 1 < text.length && text[at + 1] !== ' ' && text[at + 1] !== '\n') return false;
      return text[at] !== '.' || /^[\p{L}\p{M}]+$/u.test(text.slice(Math.max(0, at - 3), at));
    });
    const unit = fc.constantFrom('.', '!', '?', ';', '\n', ' ', 'a', 'Z', '1', '-', 'ب', '\u0301', '।', '؟', '\ud835', '\udc00', 'ก');
    fc.assert(fc.property(fc.string({ unit, maxLength: 24 }), (text) => {
      expect([...findBreaks(text)]).toEqual(byRule(text));
    }), { numRuns: 3000 });
  });

  it('keep a withdrawal button out of the fee sentence below it', () => {
    const exchange = 'Amount\nWithdraw\nA network fee of 0.00005 BTC is deducted before the transfer is sent.';
    expect(evidenceOf(scan(exchange), 'ask_release_fee')).toBeNull();
  });
});

describe('a fee before money is released', () => {
  it('is found however it is worded, in six languages', () => {
    const pages = [
      'Accounts with profits above 100,000 USDT must settle income tax of 10% before funds can be released.',
      'يجب سداد ضريبة الأرباح قبل أن يتم سحب المبلغ إلى حسابك',
      'ต้องชำระภาษีกำไร 15% ก่อนที่ระบบจะปล่อยยอดเงินให้ถอนได้',
      'উত্তোলনের আগে ২০% ট্যাক্স পরিশোধ করতে হবে',
      'निकासी गर्नुअघि नाफामा लाग्ने २०% कर छुट्टै तिर्नुपर्ने छ',
      'Para retirar sus ganancias debe pagar primero el impuesto del 12%',
    ];
    for (const text of pages) expect(evidenceOf(scan(text), 'ask_release_fee'), text).not.toBeNull();
  });

  it('is no demand where the clause negates it, nor where another sentence holds the withdrawal', () => {
    expect(evidenceOf(scan('Coinbase will never ask you to pay a fee or tax to unlock a withdrawal.'), 'ask_release_fee')).toBeNull();
    expect(evidenceOf(scan('মেয়াদের আগে উত্তোলন করলে মুনাফা কম হবে। উৎসে কর প্রযোজ্য।'), 'ask_release_fee')).toBeNull();
  });

  it('is reported speech on a page that talks about scams', () => {
    const news = 'Victims of the scam told police the site demanded a withdrawal fee and a tax before her funds could be released. How to protect yourself: report fraud.';
    expect(evidenceOf(scan(news), 'ask_release_fee')).toBeNull();
  });
});

describe('pay to work', () => {
  it('needs a page about work or tasks, then a fee or top-up with its amount', () => {
    const job = 'Simple tasks from home, paid per task. To start the job pay the registration fee of $50 by transfer.';
    expect(scan(job).signals.find((signal) => signal.id === 'ask_pay_to_work')).toMatchObject({ category: 'job' });
    expect(evidenceOf(scan('Our cafe: a delivery fee of $5 is paid at the door.'), 'ask_pay_to_work')).toBeNull();
    const honestJob = 'কাজ: চাকরি, বেতন ১৮,০০০ টাকা। আবেদন করতে কোনো ফি দেবেন না';
    expect(evidenceOf(scan(honestJob), 'ask_pay_to_work')).toBeNull();
  });
});

describe('card details to receive money', () => {
  const text = 'You are due a tax rebate of £468.22. Confirm where we should send your refund.';
  const card = withFields({ name: 'ccnum', placeholder: 'Card number' }, { name: 'cvv', placeholder: 'CVV' });

  it('count only on a page whose form takes a card', () => {
    expect(evidenceOf(scan(text, card), 'ask_card_for_payout')).toContain('468.22');
    expect(evidenceOf(scan(text, withFields({ name: 'email', type: 'email' })), 'ask_card_for_payout')).toBeNull();
  });
});

describe('words that meet', () => {
  it('tell account threats and automated trading in any order', () => {
    expect(evidenceOf(scan('Si no lo reactivas, tus tarjetas serán bloqueadas'), 'pressure_account')).not.toBeNull();
    expect(evidenceOf(scan('ยอดถอนเงินของท่านถูกระงับชั่วคราว'), 'pressure_withdrawal')).not.toBeNull();
    expect(evidenceOf(scan('una plataforma de inteligencia artificial que opera con petróleo'), 'pressure_returns')).not.toBeNull();
  });

  it('do not make a verdict alone: pressure needs an ask', () => {
    expect(scan('Tus tarjetas serán bloqueadas. Our AI trading robot. Withdrawal frozen.').verdict).toBeNull();
  });
});

describe('deadlines', () => {
  it('count hours and minutes in six languages, not days', () => {
    const deadlines = ['within 72 hours', 'ภายใน 72 ชั่วโมง', 'خلال ٧٢ ساعة', '৭২ ঘণ্টার মধ্যে', '७२ घण्टाभित्र', 'dentro de 30 minutos'];
    for (const text of deadlines) expect(findDeadlines(foldText(text)), text).toHaveLength(1);
    expect(findDeadlines('delivered within 3 days')).toEqual([]);
  });
});
