// The automaton's transitions in flat typed arrays (open addressing, linear probing): a lookup per
// character of page text must be cheap, and a Map keyed by numbers costs several times more.
const EMPTY = -1;

export class TransitionTable {
  private constructor(
    private readonly states: Int32Array,
    private readonly symbols: Int32Array,
    private readonly targets: Int32Array,
    private readonly mask: number,
  ) {}

  /** A table holding the edges `states[i] --symbols[i]--> targets[i]`, at most half full. */
  static from(states: Int32Array, symbols: Int32Array, targets: Int32Array): TransitionTable {
    let capacity = 16;
    while (capacity < states.length * 2) capacity *= 2;
    const table = new TransitionTable(new Int32Array(capacity).fill(EMPTY), new Int32Array(capacity), new Int32Array(capacity), capacity - 1);
    for (let edge = 0; edge < states.length; edge++) table.insert(states[edge]!, symbols[edge]!, targets[edge]!);
    return table;
  }

  /** The same edges with each target replaced by `map(target)`. */
  withTargets(map: (target: number) => number): TransitionTable {
    return new TransitionTable(this.states, this.symbols, this.targets.map(map), this.mask);
  }

  private slotOf(state: number, symbol: number): number {
    return (Math.imul(state, 0x9e3779b1) ^ Math.imul(symbol + 1, 0x85ebca77)) & this.mask;
  }

  private insert(state: number, symbol: number, target: number): void {
    let slot = this.slotOf(state, symbol);
    while (this.states[slot] !== EMPTY) slot = (slot + 1) & this.mask;
    this.states[slot] = state;
    this.symbols[slot] = symbol;
    this.targets[slot] = target;
  }

  /** The state reached from `state` on `symbol`, or -1 when there is no such edge. */
  get(state: number, symbol: number): number {
    for (let slot = this.slotOf(state, symbol); this.states[slot] !== EMPTY; slot = (slot + 1) & this.mask) {
      if (this.states[slot] === state && this.symbols[slot] === symbol) return this.targets[slot]!;
    }
    return EMPTY;
  }
}
