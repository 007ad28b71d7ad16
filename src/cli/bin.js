#!/usr/bin/env node
// Runs the TypeScript CLI in place (no build step), so `npx scam-warner` works right after `npm ci`.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
