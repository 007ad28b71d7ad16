// The trie under the automaton: built from the sorted patterns, then renumbered for the scan.
export const ROOT = 0;
/** No state, no pattern. */
export const NONE = -1;

/**
 * The trie with its states renumbered: the shallowest `denseCount` breadth first (they get full
 * rows), the others depth first, so that a walk down a chain of single edges reads consecutive
 * records. `order` lists the states level by level, `levels[d]` is where level d starts in it.
 */
export interface Trie {
  count: number;
  parent: Int32Array;
  /** The symbol on the edge from the parent. */
  via: Int32Array;
  output: Int32Array;
  order: Int32Array;
  levels: Int32Array;
}

export type CreatedTrie = Omit<Trie, 'order' | 'levels'> & { depth: Int32Array };

export function collectSymbols(patterns: readonly string[]): { symbols: Int32Array; width: number } {
  const symbols = new Int32Array(0x10000);
  let width = 1;
  for (const pattern of patterns) {
    for (let index = 0; index < pattern.length; index++) {
      const code = pattern.charCodeAt(index);
      if (symbols[code] === 0) symbols[code] = width++;
    }
  }
  return { symbols, width };
}

/** The trie in creation order (depth first), with each state's depth. A duplicate pattern keeps its first index. */
export function buildTrie(patterns: readonly string[], symbols: Int32Array): CreatedTrie {
  const first = new Map<string, number>();
  let size = 1;
  patterns.forEach((pattern, index) => {
    if (pattern.length === 0 || first.has(pattern)) return;
    first.set(pattern, index);
    size += pattern.length;
  });
  const [parent, via, depth] = [new Int32Array(size), new Int32Array(size), new Int32Array(size)];
  const output = new Int32Array(size).fill(NONE);
  const path = [ROOT];
  let count = 1;
  let previous = '';
  // In sorted order the longest prefix a pattern shares with the trie is the one it shares with the pattern before it.
  for (const pattern of [...first.keys()].sort()) {
    let common = 0;
    while (common < previous.length && pattern.charCodeAt(common) === previous.charCodeAt(common)) common++;
    for (let at = common; at < pattern.length; at++, count++) {
      parent[count] = path[at]!;
      via[count] = symbols[pattern.charCodeAt(at)]!;
      depth[count] = at + 1;
      path[at + 1] = count;
    }
    output[path[pattern.length]!] = first.get(pattern)!;
    previous = pattern;
  }
  return { count, parent, via, depth, output };
}

/** Level by level (a counting sort on depth), then the states past `denseCount` back in creation order. */
export function renumber(trie: CreatedTrie, denseCount: number): Trie {
  const { count, depth } = trie;
  let deepest = 0;
  for (let state = 0; state < count; state++) deepest = Math.max(deepest, depth[state]!);
  const levels = new Int32Array(deepest + 2);
  for (let state = 0; state < count; state++) levels[depth[state]! + 1]!++;
  for (let level = 1; level < levels.length; level++) levels[level]! += levels[level - 1]!;
  const next = levels.slice();
  const position = new Int32Array(count);
  for (let state = 0; state < count; state++) position[state] = next[depth[state]!]!++;
  const renamed = new Int32Array(count);
  let deep = denseCount;
  for (let state = 0; state < count; state++) renamed[state] = position[state]! < denseCount ? position[state]! : deep++;
  const [parent, via, output, order] = [new Int32Array(count), new Int32Array(count), new Int32Array(count), new Int32Array(count)];
  for (let state = 0; state < count; state++) {
    const to = renamed[state]!;
    parent[to] = renamed[trie.parent[state]!]!;
    via[to] = trie.via[state]!;
    output[to] = trie.output[state]!;
    order[position[state]!] = to;
  }
  return { count, parent, via, output, order, levels };
}
