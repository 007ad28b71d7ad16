// Where a text quotes someone: between paired quotation marks. News about scams quotes the scam
// ("Your account will be suspended, pay today"); the scanner reads those words as reported speech.

// Opening mark → the closing marks that end it. ASCII " closes itself; single quotes are left out
// (folded text writes them as the apostrophe, far more often an elision than a quote).
const CLOSERS: Readonly<Record<string, string>> = { '"': '"', '\u201c': '\u201d"', '\u201e': '\u201c\u201d"', '\u00ab': '\u00bb' };
// A quotation longer than this is more likely an unpaired mark than a quote.
const MAX_QUOTE = 400;
const MAX_QUOTES = 1_000;

export interface QuotedSpans {
  /** Sorted, non-overlapping [start, end) pairs, flattened. */
  readonly bounds: Int32Array;
}

export function findQuotedSpans(text: string): QuotedSpans {
  const bounds: number[] = [];
  const opening = /["\u201c\u201e\u00ab]/g;
  for (let match = opening.exec(text); match !== null && bounds.length < 2 * MAX_QUOTES; match = opening.exec(text)) {
    const window = text.slice(match.index + 1, match.index + 1 + MAX_QUOTE);
    const close = firstOf(window, CLOSERS[match[0]]!);
    if (close >= 0) bounds.push(match.index, match.index + close + 2);
    // Go on after the quote, or after the window an unpaired mark searched: each character is read about once.
    opening.lastIndex = match.index + 1 + (close >= 0 ? close + 1 : window.length);
  }
  return { bounds: Int32Array.from(bounds) };
}

function firstOf(text: string, marks: string): number {
  let first = -1;
  for (const mark of marks) {
    const at = text.indexOf(mark);
    if (at >= 0 && (first < 0 || at < first)) first = at;
  }
  return first;
}

/** Whether [start, end) lies inside one of the quoted spans. */
export function isQuoted(spans: QuotedSpans, start: number, end: number): boolean {
  const { bounds } = spans;
  let low = 0;
  let high = bounds.length / 2;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (bounds[2 * middle]! <= start) low = middle + 1;
    else high = middle;
  }
  return low > 0 && bounds[2 * (low - 1) + 1]! >= end;
}
