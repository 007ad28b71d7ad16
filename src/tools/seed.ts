// The list bundled with the extension: a feed snapshot of src/sources, made at build time with the
// very publish pipeline maintainers run, so the seed and the feed can never disagree. (The signed
// seed with its feed.json arrives with the browser-side feed sync; this keeps the same interface.)
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { publishFeed } from '../cli/publish/publish-feed.ts';
import { generateSigningKey } from '../core/index.ts';

export const SEED_SOURCES_DIR = new URL('../sources/', import.meta.url);

/** Build time: SOURCE_DATE_EPOCH (seconds) for reproducible builds, else now. */
export function getBuildTime(env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = Number(env.SOURCE_DATE_EPOCH);
  return Number.isFinite(epoch) && epoch > 0 ? new Date(epoch * 1000) : new Date();
}

export async function buildSeedSnapshot(sourcesDir: string, now: Date): Promise<Uint8Array> {
  const out = mkdtempSync(join(tmpdir(), 'scam-warner-seed-'));
  try {
    // The signature is not shipped: the seed is trusted as part of the package itself.
    const result = await publishFeed({ sources: sourcesDir, out, privateKey: await generateSigningKey(), now });
    return readFileSync(join(out, result.snapshot.name));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
