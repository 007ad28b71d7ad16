/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';

const fakeBrowser = fileURLToPath(new URL('./tests/support/fake-browser.ts', import.meta.url));

export default defineConfig({
  plugins: [preact()],
  test: {
    passWithNoTests: true,
    projects: [
      {
        plugins: [preact()],
        resolve: { alias: [{ find: /^webextension-polyfill$/, replacement: fakeBrowser }] },
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/support/setup-unit.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.spec.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
