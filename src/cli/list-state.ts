// The lists `check` and `scan` judge by: a published feed folder (`--feed DIR`, its current snapshot),
// or by default the project's own source lists, resolved exactly as `publish` resolves them.
import { fileURLToPath } from 'node:url';
import { BlocklistIndex, decodeSnapshot, stateFromSnapshot } from '../core/index.ts';
import type { Indicator } from '../core/types.ts';
import { CliError } from './io.ts';
import { DEFAULT_RESOLVERS } from './publish/default-resolvers.ts';
import { readPublishedFeed } from './publish/feed-dir.ts';
import { readSources } from './publish/read-sources.ts';
import { resolveReading } from './publish/resolve.ts';
import { errorMessage } from '../core/error-message.ts';

export const DEFAULT_SOURCES = fileURLToPath(new URL('../sources/', import.meta.url));

export interface ListState {
  index: BlocklistIndex;
  indicators: readonly Indicator[];
  /** Where the lists came from, for the output: `feed DIR v<N>` or `sources DIR`. */
  origin: string;
}

export function loadListState(feedDir: string | undefined): ListState {
  return feedDir === undefined ? loadSources(DEFAULT_SOURCES) : loadFeed(feedDir);
}

function loadFeed(dir: string): ListState {
  let published;
  try {
    published = readPublishedFeed(dir);
  } catch (error) {
    throw new CliError(`cannot read the feed in ${dir}: ${errorMessage(error)}`);
  }
  if (published === null) throw new CliError(`no feed.json in ${dir}`);
  const state = stateFromSnapshot(decodeSnapshot(published.snapshotBytes));
  return { index: state.index, indicators: state.indicators, origin: `feed ${dir} v${state.version}` };
}

function loadSources(dir: string): ListState {
  const reading = readSources(dir);
  const resolved = resolveReading(reading, DEFAULT_RESOLVERS, { today: new Date().toISOString().slice(0, 10), previouslyAdded: () => undefined });
  return { index: BlocklistIndex.build(resolved.entries), indicators: resolved.indicators, origin: `sources ${dir}` };
}
