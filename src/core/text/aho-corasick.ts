// Aho-Corasick: every occurrence of thousands of literal patterns in one left-to-right pass, so the
// cost grows with the text, not with the number of patterns (feed indicators can be many).
import { buildAutomaton, edgeOf, FAIL, FIRST_OUTPUT, RECORD, type Automaton, type BuildOptions } from './aho-corasick-build.ts';
import { NONE, ROOT } from './trie.ts';

export type { BuildOptions } from './aho-corasick-build.ts';

/** Reports one occurrence: which pattern, and where it starts and ends (end exclusive) in the text. */
export type MatchVisitor = (pattern: number, start: number, end: number) => void;

export class AhoCorasick {
  private constructor(private readonly automaton: Automaton) {}

  /** Builds the automaton once; reuse it for every text. Empty patterns never match. */
  static build(patterns: readonly string[], options: BuildOptions = {}): AhoCorasick {
    return new AhoCorasick(buildAutomaton(patterns, options));
  }

  get patternCount(): number {
    return this.automaton.lengths.length;
  }

  /**
   * Calls `visit` for every occurrence of every pattern in `text`, overlapping ones included, in
   * order of their end and, for one end, longest first.
   */
  scan(text: string, visit: MatchVisitor): void {
    // Locals, not fields, in the loop that runs once per character of the page.
    const { symbols, dense, width, denseCount, records, edges, outputLink, output, lengths } = this.automaton;
    let state = ROOT;
    for (let index = 0; index < text.length; index++) {
      const symbol = symbols[text.charCodeAt(index)]!;
      if (symbol === 0) {
        state = ROOT;
        continue;
      }
      // A deep state has its own edges only; its failure chain soon reaches a shallow state, whose
      // row holds every transition.
      let next = NONE;
      while (state >= denseCount && (next = edgeOf(records, edges, state, symbol)) === NONE) state = records[state * RECORD + FAIL]!;
      if (next === NONE) next = dense[state * width + symbol]!;
      if (next >= 0) {
        state = next;
        continue;
      }
      state = ~next;
      for (let hit = records[state * RECORD + FIRST_OUTPUT]!; hit !== NONE; hit = outputLink[hit]!) {
        const pattern = output[hit]!;
        visit(pattern, index + 1 - lengths[pattern]!, index + 1);
      }
    }
  }
}
