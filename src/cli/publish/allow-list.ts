// The maintainers' allow list, indexed to answer "would this block entry hit an allowed site?" with
// the same precedence the index applies at lookup: an allowed domain covers its subdomains, an
// allowed host only itself, an allowed URL prefix its own pages.
import type { ListEntry } from '../../core/types.ts';

export interface AllowList {
  domains: Map<string, ListEntry>;
  hosts: Map<string, ListEntry>;
  prefixes: ListEntry[];
}

export function indexAllowList(entries: Iterable<ListEntry>): AllowList {
  const list: AllowList = { domains: new Map(), hosts: new Map(), prefixes: [] };
  for (const entry of entries) {
    if (entry.kind === 'domain') list.domains.set(entry.value, entry);
    else if (entry.kind === 'host') list.hosts.set(entry.value, entry);
    else list.prefixes.push(entry);
  }
  return list;
}

/** The allow entry that makes a block entry pointless or harmful, if any. */
export function findAllowing(list: AllowList, entry: ListEntry): ListEntry | null {
  const host = hostOf(entry);
  const exact = list.hosts.get(host) ?? list.domains.get(host);
  if (exact) return exact;
  for (let dot = host.indexOf('.'); dot !== -1; dot = host.indexOf('.', dot + 1)) {
    const covering = list.domains.get(host.slice(dot + 1));
    if (covering) return covering;
  }
  if (entry.kind !== 'url-prefix') return null;
  return list.prefixes.find((allowed) => isUnderPrefix(entry.value, allowed.value)) ?? null;
}

export function hostOf(entry: Pick<ListEntry, 'kind' | 'value'>): string {
  const slash = entry.value.indexOf('/');
  return entry.kind === 'url-prefix' && slash !== -1 ? entry.value.slice(0, slash) : entry.value;
}

function isUnderPrefix(value: string, prefix: string): boolean {
  return value === prefix || (value.startsWith(prefix) && '/?'.includes(value.charAt(prefix.length)));
}
