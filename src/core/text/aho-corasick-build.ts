// The automaton's tables, built once per pattern set: a trie made from the sorted patterns (each
// shares its prefix with the one before it, so building needs no lookups), failure links found
// level by level, the full transition row of every shallow state (most of a scan's steps start in
// one), and for each deeper state a record of its own edges, failure link and output.
import { buildTrie, collectSymbols, NONE, renumber, ROOT, type Trie } from './trie.ts';

export interface Automaton {
  /** Code unit to symbol (1..width-1); 0 for a code unit no pattern uses, which sends the walk to the root. */
  symbols: Int32Array;
  width: number;
  /**
   * Every transition of states 0..denseCount-1, the shallowest: `width` targets per state. Here, in
   * the records and in `edges`, a target in which a pattern ends (itself or down its failure chain)
   * is written as its complement (~state), so that a scan reads outputs only there.
   */
  dense: Int32Array;
  denseCount: number;
  /** RECORD cells per state, all a scan step reads about a state in one cache line (see the offsets below). */
  records: Int32Array;
  /** [symbol, target] pairs: the edges of the deeper states that have several (most have one, kept in their record). */
  edges: Int32Array;
  /** The nearest state down the failure chain in which a pattern ends, or NONE. */
  outputLink: Int32Array;
  /** The pattern that ends in a state, or NONE. */
  output: Int32Array;
  lengths: Int32Array;
}

export const RECORD = 4;
/**
 * The symbol of a deeper state's only edge, and its target. When the state has no edge: NONE; when
 * it has several: minus their number, and where they start in `edges`.
 */
export const ONLY_SYMBOL = 0;
export const ONLY_TARGET = 1;
export const FAIL = 2;
/** The state itself when a pattern ends in it, else its output link. */
export const FIRST_OUTPUT = 3;

export interface BuildOptions {
  /** Memory for the full rows of the shallow states, in 4-byte cells; the root's row is always kept. */
  denseCells?: number;
}

// 512 KB: every state one character deep and most two deep for the six lexicons' alphabets; more rows
// were measured to be no faster.
const DENSE_CELLS = 1 << 17;

export function buildAutomaton(patterns: readonly string[], options: BuildOptions): Automaton {
  const { symbols, width } = collectSymbols(patterns);
  const created = buildTrie(patterns, symbols);
  const denseCount = Math.max(1, Math.min(created.count, Math.floor((options.denseCells ?? DENSE_CELLS) / width)));
  const trie = renumber(created, denseCount);
  const { records, edges } = deepEdges(trie, denseCount);
  const { outputLink, dense } = linkFailures(trie, width, denseCount, records, edges);
  markOutputs(records, edges, denseCount);
  const lengths = Int32Array.from(patterns, (pattern) => pattern.length);
  return { symbols, width, dense, denseCount, records, edges, outputLink, output: trie.output, lengths };
}

/** The trie edge out of a state past the dense rows on `symbol`, or NONE. */
export function edgeOf(records: Int32Array, edges: Int32Array, state: number, symbol: number): number {
  const at = state * RECORD;
  const only = records[at + ONLY_SYMBOL]!;
  if (only === symbol) return records[at + ONLY_TARGET]!;
  return only >= NONE ? NONE : sharedEdgeOf(edges, records[at + ONLY_TARGET]!, -only, symbol);
}

function sharedEdgeOf(edges: Int32Array, first: number, count: number, symbol: number): number {
  for (let edge = first; edge < first + 2 * count; edge += 2) if (edges[edge] === symbol) return edges[edge + 1]!;
  return NONE;
}

/** The edges out of the states past the dense rows: an only edge in the state's record, several side by side in `edges`. */
function deepEdges(trie: Trie, denseCount: number): { records: Int32Array; edges: Int32Array } {
  const { count, parent, via } = trie;
  const records = new Int32Array(count * RECORD);
  const children = new Int32Array(count);
  for (let state = 1; state < count; state++) children[parent[state]!]!++;
  let shared = 0;
  for (let state = denseCount; state < count; state++) {
    const at = state * RECORD;
    const number = children[state]!;
    records[at + ONLY_SYMBOL] = number === 0 ? NONE : -number;
    if (number > 1) {
      records[at + ONLY_TARGET] = shared;
      shared += 2 * number;
    }
  }
  const edges = new Int32Array(shared);
  const filled = new Int32Array(count);
  for (let state = 1; state < count; state++) {
    const from = parent[state]!;
    if (from < denseCount) continue;
    const at = from * RECORD;
    if (children[from] === 1) {
      records[at + ONLY_SYMBOL] = via[state]!;
      records[at + ONLY_TARGET] = state;
    } else {
      const edge = records[at + ONLY_TARGET]! + 2 * filled[from]!++;
      edges[edge] = via[state]!;
      edges[edge + 1] = state;
    }
  }
  return { records, edges };
}

/** Writes each target of a deeper state's edges in which a pattern ends as its complement (see `dense`). */
function markOutputs(records: Int32Array, edges: Int32Array, denseCount: number): void {
  const hasOutput = (target: number) => records[target * RECORD + FIRST_OUTPUT] !== NONE;
  for (let at = denseCount * RECORD; at < records.length; at += RECORD) {
    if (records[at + ONLY_SYMBOL]! > 0 && hasOutput(records[at + ONLY_TARGET]!)) records[at + ONLY_TARGET] = ~records[at + ONLY_TARGET]!;
  }
  for (let cell = 1; cell < edges.length; cell += 2) if (hasOutput(edges[cell]!)) edges[cell] = ~edges[cell]!;
}

/**
 * Failure links level by level. A shallow state's row starts as a copy of its failure state's
 * row, taken once every edge into the level below has been written, then gets its own edges
 * (marked where a pattern ends, so the copies are marked too).
 */
function linkFailures(trie: Trie, width: number, denseCount: number, records: Int32Array, edges: Int32Array) {
  const { count, parent, via, output, order, levels } = trie;
  const outputLink = new Int32Array(count).fill(NONE);
  const dense = new Int32Array(denseCount * width);
  const failOf = (state: number) => records[state * RECORD + FAIL]!;
  const step = (from: number, symbol: number): number => {
    let state = from;
    let next = NONE;
    while (state >= denseCount && (next = edgeOf(records, edges, state, symbol)) === NONE) state = failOf(state);
    if (next !== NONE) return next;
    const target = dense[state * width + symbol]!;
    return target < 0 ? ~target : target;
  };
  records[ROOT * RECORD + FIRST_OUTPUT] = NONE;
  for (let level = 1; level < levels.length; level++) {
    for (let state = Math.max(1, levels[level - 1]!); state < Math.min(levels[level]!, denseCount); state++) {
      dense.copyWithin(state * width, failOf(state) * width, (failOf(state) + 1) * width);
    }
    for (let at = levels[level]!; at < (levels[level + 1] ?? count); at++) {
      const state = order[at]!;
      const from = parent[state]!;
      const target = from === ROOT ? ROOT : step(failOf(from), via[state]!);
      outputLink[state] = output[target] !== NONE ? target : outputLink[target]!;
      const firstOutput = output[state] !== NONE ? state : outputLink[state]!;
      records[state * RECORD + FAIL] = target;
      records[state * RECORD + FIRST_OUTPUT] = firstOutput;
      if (from < denseCount) dense[from * width + via[state]!] = firstOutput === NONE ? state : ~state;
    }
  }
  return { outputLink, dense };
}
