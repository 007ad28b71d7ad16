#!/usr/bin/env node
// Vendors the `top-sites` package's list (rank + host) into src/core/lookalike/top-sites.json.
// The package cannot be a dependency: its postinstall downloads the list from the internet.
// usage: node src/tools/vendor-top-sites.mjs <path to top-sites/top-sites.json> [<its package.json>]
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const OUT = new URL('../core/lookalike/top-sites.json', import.meta.url);
// A host as DNS allows it; the upstream list has the odd truncated entry ("marketingplatform.google....").
const HOST = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

const [listPath, packagePath] = process.argv.slice(2);
if (!listPath) {
  console.error('usage: node src/tools/vendor-top-sites.mjs <top-sites.json> [<package.json>]');
  process.exit(2);
}
const upstream = JSON.parse(readFileSync(listPath, 'utf8'));
const pkg = JSON.parse(readFileSync(packagePath ?? join(dirname(listPath), 'package.json'), 'utf8'));
const copyright = readFileSync(join(dirname(listPath), 'LICENSE'), 'utf8').match(/^Copyright.*$/m)?.[0] ?? pkg.author?.name;

const sites = [];
for (const { rank, rootDomain } of upstream) {
  const host = String(rootDomain).trim().toLowerCase();
  if (!Number.isInteger(rank) || !HOST.test(host)) {
    console.error(`skipped rank ${rank}: "${rootDomain}" is not a host name`);
    continue;
  }
  sites.push([rank, host]);
}

const data = {
  source: `top-sites ${pkg.version} (npm), ${pkg.homepage}`,
  license: `${pkg.license}, ${copyright}`,
  note: 'Top sites by linking root domains. Regenerate with src/tools/vendor-top-sites.mjs; do not edit by hand.',
  sites,
};
writeFileSync(OUT, `${JSON.stringify(data, null, 0).replace(/\],\[/g, '],\n[')}\n`);
console.log(`wrote ${sites.length} sites to ${OUT.pathname}`);
