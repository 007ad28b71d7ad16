// Aho-Corasick: every occurrence of thousands of literal patterns in one left-to-right pass, so the
// cost grows with the text, not with the number of patterns (feed indicators can be many).
import { TransitionTable } from './transition-table.ts';

/** Reports one occurrence: which pattern, and where it starts and ends (end exclusive) in the text. */
export type MatchVisitor = (pattern: number, start: number, end: number) => void;

const ROOT = 0;
const NONE = -1;

export class AhoCorasick {
  private constructor(
    /** Code unit to symbol (1..n); 0 for a code unit no pattern uses, which sends the walk to the root. */
    private readonly symbols: Int32Array,
    private readonly rootGoto: Int32Array,
    /** Transitions of the other states. */
    private readonly transitions: TransitionTable,
    private readonly fail: Int32Array,
    /** The pattern that ends in a state, or NONE. */
    private readonly output: Int32Array,
    /** The nearest state down the failure chain that has an output, or NONE. */
    private readonly outputLink: Int32Array,
    private readonly lengths: Int32Array,
  ) {}

  /** Builds the automaton once; reuse it for every text. Empty patterns never match. */
  static build(patterns: readonly string[]): AhoCorasick {
    const symbols = collectSymbols(patterns);
    const width = symbols.size + 1;
    const trie = buildTrie(patterns, symbols, width);
    const { fail, outputLink } = linkFailures(trie, width);
    const lengths = Int32Array.from(patterns, (pattern) => pattern.length);
    const table = new Int32Array(0x10000);
    for (const [code, symbol] of symbols) table[code] = symbol;
    const edges = [...trie.gotoMap].map(([key, target]) => [Math.floor(key / width), key % width, target] as const);
    return new AhoCorasick(table, trie.rootGoto, TransitionTable.from(edges), fail, trie.output, outputLink, lengths);
  }

  get patternCount(): number {
    return this.lengths.length;
  }

  /** Calls `visit` for every occurrence of every pattern in `text`, overlapping ones included. */
  scan(text: string, visit: MatchVisitor): void {
    let state = ROOT;
    for (let index = 0; index < text.length; index++) {
      const symbol = this.symbols[text.charCodeAt(index)]!;
      if (symbol === 0) {
        state = ROOT;
        continue;
      }
      state = this.step(state, symbol);
      for (let hit = this.output[state] !== NONE ? state : this.outputLink[state]!; hit !== NONE; hit = this.outputLink[hit]!) {
        const pattern = this.output[hit]!;
        visit(pattern, index + 1 - this.lengths[pattern]!, index + 1);
      }
    }
  }

  private step(from: number, symbol: number): number {
    for (let state = from; state !== ROOT; state = this.fail[state]!) {
      const next = this.transitions.get(state, symbol);
      if (next !== NONE) return next;
    }
    return this.rootGoto[symbol]!;
  }
}

function collectSymbols(patterns: readonly string[]): Map<number, number> {
  const symbols = new Map<number, number>();
  for (const pattern of patterns) {
    for (let index = 0; index < pattern.length; index++) {
      const code = pattern.charCodeAt(index);
      if (!symbols.has(code)) symbols.set(code, symbols.size + 1);
    }
  }
  return symbols;
}

interface Trie {
  rootGoto: Int32Array;
  gotoMap: Map<number, number>;
  /** Children of each state, for the breadth-first failure pass. */
  children: number[][];
  output: Int32Array;
}

function buildTrie(patterns: readonly string[], symbols: Map<number, number>, width: number): Trie {
  const rootGoto = new Int32Array(width);
  const gotoMap = new Map<number, number>();
  const children: number[][] = [[]];
  const outputs: number[] = [NONE];
  patterns.forEach((pattern, patternIndex) => {
    if (pattern.length === 0) return;
    let state = ROOT;
    for (let index = 0; index < pattern.length; index++) {
      const symbol = symbols.get(pattern.charCodeAt(index))!;
      const existing = state === ROOT ? rootGoto[symbol]! || undefined : gotoMap.get(state * width + symbol);
      if (existing !== undefined) {
        state = existing;
        continue;
      }
      const created = children.length;
      children.push([]);
      outputs.push(NONE);
      children[state]!.push(created, symbol);
      if (state === ROOT) rootGoto[symbol] = created;
      else gotoMap.set(state * width + symbol, created);
      state = created;
    }
    // Duplicates keep the first index; callers map a pattern to all of its owners themselves.
    if (outputs[state] === NONE) outputs[state] = patternIndex;
  });
  return { rootGoto, gotoMap, children, output: Int32Array.from(outputs) };
}

function linkFailures(trie: Trie, width: number): { fail: Int32Array; outputLink: Int32Array } {
  const count = trie.children.length;
  const fail = new Int32Array(count);
  const outputLink = new Int32Array(count).fill(NONE);
  const goto = (state: number, symbol: number): number =>
    state === ROOT ? trie.rootGoto[symbol]! : trie.gotoMap.get(state * width + symbol) ?? NONE;
  // Breadth first, so every shorter state has its failure link before the longer ones use it.
  const queue = trie.children[ROOT]!.filter((_, index) => index % 2 === 0);
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head]!;
    const next = trie.children[state]!;
    for (let index = 0; index < next.length; index += 2) {
      const child = next[index]!;
      const symbol = next[index + 1]!;
      let target = fail[state]!;
      while (target !== ROOT && goto(target, symbol) === NONE) target = fail[target]!;
      const landing = goto(target, symbol);
      fail[child] = landing === NONE ? ROOT : landing;
      outputLink[child] = trie.output[fail[child]!] !== NONE ? fail[child]! : outputLink[fail[child]!]!;
      queue.push(child);
    }
  }
  return { fail, outputLink };
}
