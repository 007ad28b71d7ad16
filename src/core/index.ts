export * from './report/index.ts';
export * from './feed/index.ts';
