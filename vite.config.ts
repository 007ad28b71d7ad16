/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import preact from '@preact/preset-vite';
import { crx } from '@crxjs/vite-plugin';
import { fileURLToPath } from 'node:url';
import manifest from './manifest.json' with { type: 'json' };
import { buildSeedFeed, getBuildTime, resolveSeedSigning, SEED_SOURCES_DIR, type SeedSigning } from './src/tools/seed.ts';
import { SEED_DIR } from './src/background/sync/seed-files.ts';

const fakeBrowser = fileURLToPath(new URL('./tests/support/fake-browser.ts', import.meta.url));

/** Build-time settings (DESIGN.md seams); src/shared/build-settings.ts holds the production defaults. */
const BUILD_SETTINGS = ['SCAM_WARNER_FEED_URL', 'SCAM_WARNER_FEED_KEYS', 'SCAM_WARNER_REPORT_URL'];

const defineBuildSettings = () =>
  Object.fromEntries(BUILD_SETTINGS.map((name) => [`import.meta.env.${name}`, JSON.stringify(process.env[name] ?? '')]));

/**
 * Bundles the seed list (a signed feed version of src/sources) so the extension protects from its
 * first second, and pins the keys it must verify against: SCAM_WARNER_FEED_KEYS, or for a
 * development build a throwaway key (src/tools/seed.ts says which and why).
 */
function bundleSeed(): Plugin {
  let signing: SeedSigning | undefined;
  return {
    name: 'scam-warner:seed',
    apply: 'build',
    async config(_config, { mode }) {
      signing = await resolveSeedSigning(process.env, { isRelease: mode === 'release' });
      if (signing.isDevelopmentKey) console.warn(`scam-warner: development build, the seed is signed by a throwaway key (${signing.key.keyId}); set SCAM_WARNER_FEED_KEYS and SCAM_WARNER_SEED_KEY for a real one`);
      return { define: { 'import.meta.env.SCAM_WARNER_FEED_KEYS': JSON.stringify(signing.pinnedKeys.join(',')) } };
    },
    async generateBundle() {
      if (!signing) throw new Error('the seed plugin was not configured');
      for (const file of await buildSeedFeed(fileURLToPath(SEED_SOURCES_DIR), getBuildTime(), signing)) {
        this.emitFile({ type: 'asset', fileName: `${SEED_DIR}${file.name}`, source: file.bytes });
      }
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
