/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import preact from '@preact/preset-vite';
import { crx } from '@crxjs/vite-plugin';
import { fileURLToPath } from 'node:url';
import manifest from './manifest.json' with { type: 'json' };
import { buildSeedSnapshot, getBuildTime, SEED_SOURCES_DIR } from './src/tools/seed.ts';
import { SEED_SNAPSHOT_PATH } from './src/background/seed.ts';

const fakeBrowser = fileURLToPath(new URL('./tests/support/fake-browser.ts', import.meta.url));

/** Build-time settings (DESIGN.md seams); src/shared/build-settings.ts holds the production defaults. */
const BUILD_SETTINGS = ['SCAM_WARNER_FEED_URL', 'SCAM_WARNER_FEED_KEYS', 'SCAM_WARNER_REPORT_URL'];

const defineBuildSettings = () =>
  Object.fromEntries(BUILD_SETTINGS.map((name) => [`import.meta.env.${name}`, JSON.stringify(process.env[name] ?? '')]));

/** Bundles the seed list (a feed snapshot of src/sources) so the extension protects from its first second. */
function bundleSeed(): Plugin {
  return {
    name: 'scam-warner:seed',
    apply: 'build',
    async generateBundle() {
      const source = await buildSeedSnapshot(fileURLToPath(SEED_SOURCES_DIR), getBuildTime());
      this.emitFile({ type: 'asset', fileName: SEED_SNAPSHOT_PATH, source });
    },
  };
}

export default defineConfig(({ command }) => ({
  // crx only on `vite build`: vitest serves this config too, and crx's dev mode would rewrite dist/.
  plugins: [
    preact(),
    ...(command === 'build' ? [crx({ manifest, contentScripts: { standaloneFiles: ['src/content/index.ts', 'src/content/behaviour-main-world.ts'] } }), bundleSeed()] : []),
  ],
  define: command === 'build' ? defineBuildSettings() : {},
  build: {
    target: 'chrome121',
    emptyOutDir: true,
    // The service worker carries the lexicons, brand list and domain parser (about 430 kB, loaded
    // once per worker start, never by pages); the content script is held to 15 kB by the e2e test.
    chunkSizeWarningLimit: 1024,
    // The warning page is reached by redirect only, so the manifest does not name it.
    rollupOptions: { input: { warning: 'src/warning/index.html' } },
  },
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
}));
