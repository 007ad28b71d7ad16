// The core engine's public API: pure TypeScript shared by the service worker, the CLI, the server and tests.
export * from './types.ts';
export * from './url/index.ts';
export * from './blocklist/index.ts';
export * from './lookalike/index.ts';
export * from './scanner/index.ts';
export * from './feed/index.ts';
export * from './report/index.ts';
export { checkUrl, isHostWithin, LOOKALIKE_THRESHOLDS, type UrlCheckContext } from './verdict.ts';
