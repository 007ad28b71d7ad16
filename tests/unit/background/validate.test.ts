import { describe, expect, it } from 'vitest';
import {
  readHost,
  validateEmpty,
  validateHostRequest,
  validateSettingsPatch,
  validateTabRequest,
  validateUrlRequest,
  ValidationError,
} from '../../../src/background/validate.ts';

describe('payload validation', () => {
  it('accepts exactly the expected shapes', () => {
    expect(validateEmpty({})).toEqual({});
    expect(validateUrlRequest({ url: 'http://Evil-Scam.test/a b' })).toEqual({ url: 'http://evil-scam.test/a%20b' });
    expect(validateHostRequest({ host: 'Www.Example.com' })).toEqual({ host: 'www.example.com' });
    expect(validateTabRequest({ tabId: 1_733_219_987 })).toEqual({ tabId: 1_733_219_987 });
    expect(validateSettingsPatch({ sensitivity: 'high', feedUrl: '', isAutoUpdateOn: false })).toEqual({ sensitivity: 'high', feedUrl: null, isAutoUpdateOn: false });
  });

  it.each([
    ['an unknown field', () => validateEmpty({ url: 'http://a.test/' })],
    ['a non-object', () => validateUrlRequest('http://a.test/')],
    ['a non-web URL', () => validateUrlRequest({ url: 'javascript:alert(1)' })],
    ['a huge URL', () => validateUrlRequest({ url: `http://a.test/${'x'.repeat(9000)}` })],
    ['a host with a path', () => validateHostRequest({ host: 'a.test/x' })],
    ['a host with a port', () => validateHostRequest({ host: 'a.test:8080' })],
    ['an empty host', () => validateHostRequest({ host: '' })],
    ['a negative tab', () => validateTabRequest({ tabId: -1 })],
    ['a fractional tab', () => validateTabRequest({ tabId: 1.5 })],
    ['an unknown sensitivity', () => validateSettingsPatch({ sensitivity: 'paranoid' })],
    ['a plain-http feed elsewhere', () => validateSettingsPatch({ feedUrl: 'http://mirror.example/feed.json' })],
    ['a non-boolean switch', () => validateSettingsPatch({ isAutoUpdateOn: 'yes' })],
    ['an array', () => validateSettingsPatch([])],
  ])('refuses %s', (_name, check) => {
    expect(check).toThrow(ValidationError);
  });

  it('normalizes international host names to punycode and refuses unnormalized input', () => {
    expect(readHost('xn--pypal-4ve.com')).toBe('xn--pypal-4ve.com');
    expect(() => readHost('pаypal.com')).toThrow(ValidationError);
  });
});
