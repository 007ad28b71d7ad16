import { describe, expect, it } from 'vitest';
import { getPageMatcher, pageReasons, pageVerdict, scanPage, type BrandInfo } from '../../../../src/core/scanner/index.ts';
import type { ScanResult } from '../../../../src/core/types.ts';
import { snapshot, withFields } from './helpers.ts';

const BRANDS: readonly BrandInfo[] = [
  { name: 'PayPal', aliases: ['Pay Pal'], domains: ['paypal.com', 'paypal.me'] },
  { name: 'Dubai Police', aliases: ['شرطة دبي'], domains: ['dubaipolice.gov.ae'] },
  { name: 'bKash', aliases: ['বিকাশ'], domains: ['bkash.com'] },
  { name: 'Etisalat', aliases: ['اتصالات'], domains: ['etisalat.ae'] },
  { name: 'Binance', domains: ['binance.com'] },
];
const matcher = getPageMatcher({ brands: BRANDS });
const ids = (result: ScanResult) => result.signals.map((signal) => signal.id).sort();
const LOGIN = withFields({ type: 'email', name: 'email' }, { type: 'password', name: 'password' });

describe('the combination rule', () => {
  it('never makes a verdict from pressure words alone, however many', () => {
    const text = 'URGENT final notice: your account has been suspended, unusual activity. A warrant for your arrest, unpaid fine, '
      + 'your computer is infected, virus detected. Congratulations, you have won! Guaranteed returns, daily profit. '
      + 'Your parcel is on hold, redelivery. Work from home, simple tasks. Offer ends in 00:09:59. Clearance sale, 90% off.';
    const result = scanPage(snapshot({ title: 'Important notice', text }), { registrableDomain: 'example.test', matcher, sensitivity: 'high' });
    expect(Math.max(...Object.values(result.scores))).toBeGreaterThan(5);
    expect(result.verdict).toBeNull();
    expect(pageReasons(result)).toEqual([]);
  });

  it('flags a login that claims a brand on a domain the brand does not own', () => {
    const page = snapshot({ title: 'PayPal: Log in to your account', headings: ['Log in'], text: 'Email Password Log In', ...LOGIN });
    const result = scanPage(page, { registrableDomain: 'paypal-secure-login.test', matcher });
    expect(result.verdict).toBe('suspicious');
    expect(result.category).toBe('phishing');
    expect(ids(result)).toEqual(['ask_password', 'brand_mismatch']);
    expect(pageVerdict('https://paypal-secure-login.test/', result)).toMatchObject({ verdict: 'suspicious', category: 'phishing' });
  });

  it('keeps quiet on the same login on the brand’s own domain, and on a page that names its own site', () => {
    const page = snapshot({ title: 'PayPal: Log in to your account', text: 'Your account has been limited', ...LOGIN });
    const own = scanPage(page, { registrableDomain: 'paypal.com', matcher });
    expect(own.verdict).toBeNull();
    expect(own.signals.find((signal) => signal.id === 'context_official')?.evidence).toBe('PayPal');
    const forum = scanPage(snapshot({ title: 'PayPal tips - MoneyTalk Forum', ...LOGIN }), { registrableDomain: 'moneytalk.test', matcher });
    expect(ids(forum)).toEqual(['ask_password']);
  });

  it('does not let a domain built on the brand it claims pass for a site naming itself', () => {
    const text = 'Send USDT to the event address and receive double.';
    const result = scanPage(snapshot({ title: 'Binance LATAM - Evento', imageAlts: ['Binance'], text }), { registrableDomain: 'binance-latam-evento.test', matcher });
    expect(ids(result)).toContain('brand_mismatch');
    const news = scanPage(snapshot({ title: 'Markets today - The Binance Herald' }), { registrableDomain: 'binanceherald.test', matcher });
    expect(ids(news)).toEqual([]);
  });

  it('knows brands by their names in local scripts, with Bengali endings, but not Arabic common nouns', () => {
    const claims = (title: string, domain = 'x.test') => ids(scanPage(snapshot({ title }), { registrableDomain: domain, matcher }));
    expect(claims('বিকাশের অফার')).toEqual(['brand_mismatch']);
    expect(claims('বিকাশ', 'bkash.com')).toEqual(['context_official']);
    expect(claims('عروض اتصالات')).toEqual(['brand_mismatch']);
    expect(claims('قطاع الاتصالات يحذر')).toEqual([]);
  });

  it('treats government domains as official', () => {
    const page = snapshot({ title: 'شرطة دبي', text: 'دفع المخالفات المرورية', ...withFields({ name: 'card', autocomplete: 'cc-number' }) });
    const result = scanPage(page, { registrableDomain: 'dubaipolice.gov.ae', matcher });
    expect(result.verdict).toBeNull();
    expect(ids(result)).toContain('context_official');
  });

  it('does not flag a checkout or sign-up that asks for fields with a promotion but tells no scam story', () => {
    const page = snapshot({ text: 'Today only! Limited time: 20% off the annual plan.', ...withFields({ name: 'dni', label: 'DNI' }, { autocomplete: 'cc-number' }, { autocomplete: 'cc-csc' }) });
    const result = scanPage(page, { registrableDomain: 'gym.test', matcher, sensitivity: 'high' });
    expect(ids(result)).toEqual(['ask_card', 'ask_national_id', 'pressure_urgency']);
    expect(result.verdict).toBeNull();
  });

  it('moves with the sensitivity setting', () => {
    const page = snapshot({ text: 'Your account has been suspended.', ...withFields({ type: 'password', name: 'pw' }) });
    const verdictAt = (sensitivity: 'low' | 'normal' | 'high') => scanPage(page, { registrableDomain: 'x.test', matcher, sensitivity }).verdict;
    expect([verdictAt('low'), verdictAt('normal'), verdictAt('high')]).toEqual([null, null, 'suspicious']);
  });

  it('names the category by what the page asks for before what it threatens', () => {
    const text = 'Final notice: a warrant for your arrest, legal action today. Pay with gift cards: buy Google Play cards and scratch the back.';
    const result = scanPage(snapshot({ text }), { registrableDomain: 'x.test', matcher });
    expect(result.verdict).toBe('suspicious');
    expect(result.category).toBe('gift-card');
  });
});

describe('pages about scams', () => {
  it('read asks the page negates as advice, not asks', () => {
    const text = 'We will never ask for your PIN. Do not share your OTP. Never install AnyDesk or TeamViewer for a caller. Scammers impersonate banks.';
    const result = scanPage(snapshot({ text }), { registrableDomain: 'bank.test', matcher });
    expect(ids(result)).toEqual(['context_awareness']);
    expect(result.signals[0]!.weight).toBe(-3);
  });

  it('do the same in Bengali, where the negation follows the verb', () => {
    const result = scanPage(snapshot({ text: 'কাউকে গিফট কার্ড কোড শেয়ার করবেন না।' }), { registrableDomain: 'x.test', matcher });
    expect(ids(result)).toEqual(['context_awareness']);
  });
});

describe('behaviour', () => {
  it('turns main-world counters into signals, with thresholds for what honest pages also do', () => {
    const behaviour = { fullscreen: 1, keyboardLock: 1, pointerLock: 0, beforeUnload: 1, contextMenuBlock: 0, keyBlock: 2, historyPush: 3, audioRestart: 1, dialog: 2 };
    const result = scanPage(snapshot({ behaviour }), { registrableDomain: 'x.test', matcher });
    expect(ids(result)).toEqual(['behaviour_fullscreen', 'behaviour_keyboard_lock', 'behaviour_unload_trap']);
  });

  it('makes scareware with a support number tech-support', () => {
    const behaviour = { fullscreen: 2, keyboardLock: 1, pointerLock: 0, beforeUnload: 1, contextMenuBlock: 1, keyBlock: 9, historyPush: 50, audioRestart: 4, dialog: 5 };
    const text = 'Your computer is infected! Do not close this window. Call Microsoft support: +1 (844) 555-0183 toll free.';
    const result = scanPage(snapshot({ text, behaviour }), { registrableDomain: 'x.test', matcher });
    expect(result.verdict).toBe('suspicious');
    expect(result.category).toBe('tech-support');
    expect(ids(result)).toContain('ask_call_number');
    expect(ids(result)).toContain('behaviour_dialog_loop');
  });
});

describe('local lures', () => {
  const scan = (text: string, fields = withFields(), title = '') => scanPage(snapshot({ text, title, ...fields }), { registrableDomain: 'lure.test', matcher });

  it('Thai parcel fee, matched without word spaces', () => {
    const result = scan('พัสดุ ของ คุณ จัดส่ง ไม่ สำเร็จ กรุณาชำระค่าจัดส่งใหม่ 15 บาท', withFields({ label: 'หมายเลขบัตร' }));
    expect(result).toMatchObject({ verdict: 'suspicious', category: 'parcel' });
  });

  it('fake Dubai Police fine, with diacritics and Arabic-Indic digits', () => {
    const result = scan('لديك مُخالفات مروريّة غير مدفوعة، ادفع الغرامة خلال ٢٤ ساعة', withFields({ label: 'رقم البطاقة' }), 'شرطة دبي');
    expect(result).toMatchObject({ verdict: 'suspicious', category: 'impersonation' });
    expect(ids(result)).toEqual(expect.arrayContaining(['brand_mismatch', 'pressure_fine', 'pressure_urgency', 'ask_card']));
  });

  it('bKash "PIN and OTP" in Bengali', () => {
    const result = scan('আপনার অ্যাকাউন্ট বন্ধ করা হবে', withFields({ label: 'পিন নম্বর', type: 'password' }, { label: 'ওটিপি কোড' }), 'বিকাশ bKash');
    expect(result).toMatchObject({ verdict: 'suspicious', category: 'phishing' });
    expect(ids(result)).toContain('ask_otp');
    expect(ids(result)).not.toContain('ask_password');
  });

  it('eSewa MPIN in Nepali', () => {
    const result = scan('तपाईंको खाता निलम्बन हुँदैछ, तुरुन्त प्रमाणित गर्नुहोस्', withFields({ label: 'एमपिन', type: 'password' }));
    expect(result).toMatchObject({ verdict: 'suspicious', category: 'phishing' });
  });

  it('Yape prize in Spanish, accents dropped', () => {
    const result = scan('¡Felicidades! Has ganado S/ 1,500. Reclama tu premio pagando S/ 9.90 de gastos de gestión.', withFields({ placeholder: 'Número de tarjeta' }));
    expect(result).toMatchObject({ verdict: 'suspicious', category: 'prize' });
  });
});

describe('prepayment', () => {
  const scan = (text: string) => scanPage(snapshot({ text }), { registrableDomain: 'shop.test', matcher });

  it('does not tell a scam story by itself: small honest sellers ask it too', () => {
    const result = scan('Pago adelantado por Yape al 987 222 111. No aceptamos pago contra entrega.');
    expect(ids(result)).toEqual(['ask_prepayment', 'ask_transfer']);
    expect(result.verdict).toBeNull();
  });

  it('makes a clearance sale with prepayment only a fake shop', () => {
    const result = scan('দোকান বন্ধ হচ্ছে, স্টক ক্লিয়ারেন্স! সব পণ্যে ৮০% ছাড়। সম্পূর্ণ টাকা অগ্রিম বিকাশে পাঠাতে হবে, ক্যাশ অন ডেলিভারি নেই।');
    expect(result).toMatchObject({ verdict: 'suspicious', category: 'fake-shop' });
    expect(ids(result)).toEqual(expect.arrayContaining(['ask_prepayment', 'pressure_discount']));
  });
});

describe('word boundaries', () => {
  it('do not find "pin" in "shipping" nor "otp" inside other words', () => {
    const result = scanPage(snapshot(withFields({ name: 'shipping_address' }, { name: 'spinner' }, { label: 'Hotpot order' })), { registrableDomain: 'x.test', matcher });
    expect(result.signals).toEqual([]);
  });

  it('in Thai, where words run together, read a hotline or express delivery as no urgency, and urgent as urgent', () => {
    const urgency = (text: string) => ids(scanPage(snapshot({ text, lang: 'th' }), { registrableDomain: 'x.test', matcher })).includes('pressure_urgency');
    expect(urgency('แจ้งความได้ที่สายด่วน 1441')).toBe(false);
    expect(urgency('บริการส่งด่วนทั่วประเทศ')).toBe(false);
    expect(urgency('เรื่องเร่งด่วน กรุณาดำเนินการ')).toBe(true);
  });

  it('let Arabic words carry their prefixes and stems their suffixes', () => {
    const result = scanPage(snapshot({ text: 'وبالغرامات المتأخرة' }), { registrableDomain: 'x.test', matcher });
    expect(ids(result)).toEqual(['pressure_fine']);
  });
});
