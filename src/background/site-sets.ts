// The user's own host lists: sites they trust (the allowlist, which always wins) and sites whose
// suspicious-page banner they dismissed. A host covers its subdomains, like DNR's requestDomains.
import type { AllowedSite } from '../shared/protocol.ts';
import type { ScamWarnerDb } from './db.ts';
import { isHostWithin } from '../core/verdict.ts';

export type HostSetName = 'allowlist' | 'dismissals';

export async function listHosts(db: ScamWarnerDb, set: HostSetName): Promise<AllowedSite[]> {
  const sites = await db.getAll(set);
  return sites.sort((a, b) => a.host.localeCompare(b.host));
}

export async function addHost(db: ScamWarnerDb, set: HostSetName, host: string, now: Date): Promise<AllowedSite[]> {
  const existing = await db.get(set, host);
  if (!existing) await db.put(set, { host, added: now.toISOString() });
  return listHosts(db, set);
}

export async function removeHost(db: ScamWarnerDb, set: HostSetName, host: string): Promise<AllowedSite[]> {
  await db.delete(set, host);
  return listHosts(db, set);
}

/** The entry that covers `host` (itself or a parent domain), if any. */
export function findCoveringSite(sites: readonly AllowedSite[], host: string): AllowedSite | undefined {
  return sites.find((site) => isHostWithin(host, site.host));
}
