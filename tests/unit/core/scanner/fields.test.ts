import { describe, expect, it } from 'vitest';
import { classifyField, describeField, mergeAsks, readForms } from '../../../../src/core/scanner/fields.ts';
import { getPageMatcher } from '../../../../src/core/scanner/matcher.ts';
import { field } from './helpers.ts';

const matcher = getPageMatcher();
const asks = (overrides: Parameters<typeof field>[0]) => [...classifyField(field(overrides), matcher)].sort();

describe('classifyField', () => {
  it('trusts the browser’s autocomplete hints', () => {
    expect(asks({ autocomplete: 'cc-number' })).toEqual(['ask_card']);
    expect(asks({ autocomplete: 'one-time-code' })).toEqual(['ask_otp']);
    expect(asks({ type: 'password', autocomplete: 'current-password' })).toEqual(['ask_password']);
  });

  it('reads names written in camelCase and snake_case', () => {
    expect(describeField(field({ name: 'cardNumber', id: 'cc_cvv' }))).toBe('card number . cc cvv');
    expect(asks({ name: 'cardNumber' })).toEqual(['ask_card']);
    expect(asks({ name: 'login_password' })).toEqual(['ask_password']);
  });

  it('calls a password box labelled PIN, OTP or CVV by what it asks', () => {
    expect(asks({ type: 'password', label: 'ATM PIN' })).toEqual(['ask_otp']);
    expect(asks({ type: 'password', placeholder: 'CVV' })).toEqual(['ask_card']);
    expect(asks({ type: 'password', name: 'x1' })).toEqual(['ask_password']);
  });

  it('prefers the longer meaning where one contains another', () => {
    expect(asks({ label: 'เลขบัตรประชาชน' })).toEqual(['ask_national_id']);
    expect(asks({ label: 'เลขบัตร' })).toEqual(['ask_card']);
    expect(asks({ label: 'Clave dinámica' })).toEqual(['ask_otp']);
  });

  it('reads a captcha as no ask, whatever else its words say', () => {
    expect(asks({ name: 'captcha', label: 'Verification code' })).toEqual([]);
    expect(asks({ label: 'رمز التحقق المرئي', name: 'code' })).toEqual([]);
    expect(asks({ label: 'รหัสภาพ', type: 'password' })).toEqual([]);
    expect(asks({ label: 'Verification code' })).toEqual(['ask_otp']);
  });

  it('tells the password of another account from the site’s own', () => {
    expect(asks({ type: 'password', label: 'Email password' })).toEqual(['ask_account_password']);
    expect(asks({ type: 'password', placeholder: 'ফেসবুক পাসওয়ার্ড' })).toEqual(['ask_account_password']);
    expect(asks({ type: 'password', label: 'Contraseña de tu correo' })).toEqual(['ask_account_password']);
    expect(asks({ type: 'password', label: 'Password' })).toEqual(['ask_password']);
  });

  it('reads a card PIN as a PIN, not a password', () => {
    expect(asks({ type: 'password', label: 'الرقم السري للبطاقة' })).toEqual(['ask_otp']);
    expect(asks({ type: 'password', label: 'Card PIN' })).toEqual(['ask_otp']);
  });

  it('knows fields in all six languages', () => {
    expect(asks({ label: 'كلمة المرور' })).toEqual(['ask_password']);
    expect(asks({ label: 'الهوية الإماراتية' })).toEqual(['ask_national_id']);
    expect(asks({ label: 'রিকভারি ফ্রেজ' })).toEqual(['ask_seed_phrase']);
    expect(asks({ label: 'नागरिकता नम्बर' })).toEqual(['ask_national_id']);
    expect(asks({ label: 'Contraseña' })).toEqual(['ask_password']);
  });

  it('leaves ordinary fields alone', () => {
    for (const name of ['email', 'first_name', 'shipping', 'search', 'zip', 'spinner', 'passenger']) expect(asks({ name })).toEqual([]);
  });
});

describe('mergeAsks of readForms', () => {
  it('sees a seed phrase asked one word per box', () => {
    const boxes = Array.from({ length: 12 }, (_, index) => field({ name: `w${index + 1}`, placeholder: String(index + 1) }));
    expect(mergeAsks(readForms([{ action: '/import', fields: boxes }], matcher))).toEqual(new Map([['ask_seed_phrase', '12 word boxes']]));
    expect(mergeAsks(readForms([{ action: '/import', fields: boxes.slice(0, 11) }], matcher)).size).toBe(0);
  });
});

describe('readForms', () => {
  const fields = [
    { label: 'ATM PIN', type: 'password' }, { name: 'captcha', label: 'Verification code' }, { label: '' }, { label: 'เลขบัตรประชาชน' },
    { label: 'Email\npassword', type: 'password' }, { name: 'phone_number' }, { type: 'tel' }, { label: 'الرقم السري للبطاقة', type: 'password' },
    { placeholder: 'ফেসবুক পাসওয়ার্ড', type: 'password' }, { name: 'cardNumber', id: 'cc_cvv' }, { name: 'first_name' },
  ].map(field);

  it('reads every field of every form in one pass exactly as one field at a time', () => {
    const forms = [{ action: '/a', fields: fields.slice(0, 4) }, { action: '/b', fields: [] }, { action: '/c', fields: fields.slice(4) }];
    const readings = readForms(forms, matcher);
    forms.forEach((form, index) => {
      const expected = new Map<string, string>();
      for (const one of form.fields) for (const ask of classifyField(one, matcher)) if (!expected.has(ask)) expected.set(ask, one.name || one.id || one.label || one.type);
      expect([...readings[index]!.asks]).toEqual([...expected]);
    });
    expect(readings.map((reading) => reading.hasPhoneField)).toEqual([false, false, true]);
  });
});
