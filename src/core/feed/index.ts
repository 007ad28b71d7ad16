// The feed's public API: what the publisher, `verify` and the extension's sync call.
export * from './errors.ts';
export * from './limits.ts';
export * from './keys.ts';
export * from './manifest.ts';
export * from './envelope.ts';
export * from './content.ts';
export * from './snapshot.ts';
export * from './delta.ts';
export * from './diff.ts';
export * from './files.ts';
export * from './state.ts';
export * from './update.ts';
export { decodeUtf8, encodeUtf8, sha256Hex } from './bytes.ts';
