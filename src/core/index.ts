export * from './report/index.ts';
export * from './feed/index.ts';
export * from './url/index.ts';
export * from './lookalike/index.ts';
export * from './scanner/index.ts';
export * from './blocklist/index.ts';
