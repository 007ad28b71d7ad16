// Where the bundled seed sits in the package: written by the build (vite.config.ts), read by the
// background. Kept free of imports so the build can load it under Node.

/** The folder holding the seed's `feed.json` and the snapshot file it names. */
export const SEED_DIR = 'seed/';
export const SEED_MANIFEST = 'feed.json';
