import 'fake-indexeddb/auto';
import { beforeEach } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';

beforeEach(() => {
  fakeBrowser.reset();
});
