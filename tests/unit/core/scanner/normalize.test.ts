import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { digitsOnly, foldEach, foldText, foldTexts, normalizeDigits } from '../../../../src/core/text/normalize.ts';

describe('foldText', () => {
  it('folds case, accents, full-width forms, dashes and whitespace', () => {
    expect(foldText('  Contraseña\tÚNICA — Risk-Free ')).toBe('contrasena unica risk free');
    expect(foldText('ＰａｙＰａｌ')).toBe('paypal');
    expect(foldText('Don’t')).toBe("don't");
  });

  it('keeps one line break where white space held any: a block’s end, also between Thai words', () => {
    expect(foldText('Withdraw \n\n  A network fee\r\n')).toBe('withdraw\na network fee');
    expect(foldText('ถอนเงิน \n ค่าธรรมเนียม')).toBe('ถอนเงิน\nค่าธรรมเนียม');
  });

  it('removes zero-width characters and soft hyphens used to split keywords', () => {
    expect(foldText('pass\u200bword and O\u00adTP')).toBe('password and otp');
  });

  it('removes Arabic diacritics and tatweel and unifies letter variants', () => {
    expect(foldText('غَرَامَـــة')).toBe('غرامه');
    expect(foldText('إجراءات قانونيّة')).toBe(foldText('اجراءات قانونيه'));
    expect(foldText('مستشفى')).toBe('مستشفي');
    expect(foldText('آخر أمر')).toBe('اخر امر');
  });

  it('writes Arabic-Indic, Persian, Bengali, Devanagari and Thai digits in ASCII', () => {
    expect(foldText('٢٤ ساعة')).toBe('24 ساعه');
    expect(foldText('۱۲۳')).toBe('123');
    expect(foldText('০১৭১২৩৪৫৬৭৮')).toBe('01712345678');
    expect(foldText('२४ घण्टा')).toBe('24 घण्टा');
    expect(foldText('๑๕๐ บาท')).toBe('150บาท');
  });

  it('drops spaces between Thai letters and between Thai and digits, keeps them elsewhere', () => {
    expect(foldText('พัสดุ ของ คุณ')).toBe('พัสดุของคุณ');
    expect(foldText('ภายใน 24 ชั่วโมง')).toBe(foldText('ภายใน24ชั่วโมง'));
    expect(foldText('ภายใน ๒๔ ชั่วโมง')).toBe('ภายใน24ชั่วโมง');
    expect(foldText('โทร 02 026 9418')).toBe('โทร02 026 9418');
    expect(foldText('เทรดด้วย AI 24 ชั่วโมง')).toBe('เทรดด้วย ai 24ชั่วโมง');
  });

  it('reads the Arabic percent sign and number separators as ASCII', () => {
    expect(foldText('خصم ٨٥٪')).toBe('خصم 85%');
    expect(foldText('١٢٫٥٠ درهم و ٣٬٨٥٠ ريال')).toBe('12.50 درهم و 3,850 ريال');
  });

  it('keeps Bengali and Devanagari vowel signs (they are marks too) and composes nukta forms alike', () => {
    expect(foldText('ওটিপি')).toBe('ওটিপি');
    expect(foldText('पासवर्ड')).toBe('पासवर्ड');
    expect(foldText('\u09df')).toBe(foldText('\u09af\u09bc'));
  });
});

describe('foldTexts and foldEach', () => {
  // Pieces that test every edge: empty and blank ones, marks that compose across a piece's start,
  // final sigma, Thai layout spaces, dropped characters, and the marker the pieces are joined with.
  const unit = fc.constantFrom('a', 'Σ', 'ς', ' ', '\n', '\t', '-', '\u00ad', '\u0301', 'e', 'ก', '๒', '2', 'ো', '\u09c7', '\u09be', 'أ', 'ـ', '\uffff', 'İ', 'ﬁ', '٪');
  const pieces = fc.array(fc.string({ unit, maxLength: 8 }), { maxLength: 6 });

  it('fold every piece exactly as foldText does', () => {
    fc.assert(fc.property(pieces, (list) => {
      expect(foldTexts(list)).toBe(list.map(foldText).join('\n'));
      expect(foldEach(list)).toEqual(list.map(foldText));
    }), { numRuns: 2000 });
  });

  it('fold texts longer and shorter than the buffer they reuse, one after the other', () => {
    const long = 'Pay NOW — ওটিপি দিন\n'.repeat(9000);
    expect(foldTexts([long, 'Ａ'])).toBe(`${'pay now ওটিপি দিন\n'.repeat(8999)}pay now ওটিপি দিন\na`);
    expect(foldText('Short  TEXT')).toBe('short text');
    expect(foldTexts(['Ｂ', long.slice(0, 40)])).toBe('b\npay now ওটিপি দিন\npay now ওটিপি দিন');
  });

  it('keep empty and blank pieces as empty lines, and a page’s own U+FFFF as text', () => {
    expect(foldTexts(['', ' Title ', '  ', 'Body\ntext '])).toBe('\ntitle\n\nbody\ntext');
    expect(foldEach(['A\uffffB', 'c'])).toEqual(['a\uffffb', 'c']);
    expect(foldText('x\uffffy')).toBe('x\uffffy');
  });
});

describe('normalizeDigits and digitsOnly', () => {
  it('keeps case for wallet addresses', () => {
    expect(normalizeDigits('bc1Q٣')).toBe('bc1Q3');
  });

  it('reduces a phone number to its digits', () => {
    expect(digitsOnly('+66 (0)81-234 ๕๖๗๘')).toBe('660812345678');
  });
});
