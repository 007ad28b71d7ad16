import { afterEach, describe, expect, it } from 'vitest';
import { getExtensionApi } from '../../../src/shared/ext.ts';
import { MessageError, send } from '../../../src/shared/protocol.ts';
import { installFakeChrome, removeFakeChrome } from './support/fake-chrome.ts';

afterEach(removeFakeChrome);

describe('send', () => {
  it('wraps the request in an envelope and returns the value of an ok reply', async () => {
    const fake = installFakeChrome();
    fake.reply = () => ({ ok: true, value: [{ host: 'a.test', added: '2024-01-01T00:00:00.000Z' }] });
    await expect(send('allowlist.get', {})).resolves.toEqual([{ host: 'a.test', added: '2024-01-01T00:00:00.000Z' }]);
    expect(fake.sent).toEqual([{ name: 'allowlist.get', request: {} }]);
  });

  it('throws the reason of a refused request', async () => {
    const fake = installFakeChrome();
    fake.reply = () => ({ ok: false, error: 'not allowed' });
    await expect(send('site.trust', { host: 'a.test' })).rejects.toThrow(new MessageError('site.trust: not allowed'));
  });

  it('throws when nothing answers', async () => {
    const fake = installFakeChrome();
    fake.reply = () => undefined;
    await expect(send('list.status', {})).rejects.toThrow('list.status: no reply');
  });
});

describe('getExtensionApi', () => {
  it('takes chrome, and ignores a browser global a page made up with an element id', async () => {
    const fake = installFakeChrome();
    fake.reply = () => ({ ok: true, value: [] });
    (globalThis as { browser?: unknown }).browser = { runtime: { id: 'form-input' } };
    try {
      await expect(send('allowlist.get', {})).resolves.toEqual([]);
      removeFakeChrome();
      expect(() => getExtensionApi()).toThrow('not available');
    } finally {
      delete (globalThis as { browser?: unknown }).browser;
    }
  });
});
