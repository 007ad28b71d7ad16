// Combo squatting: a curated brand name joined with scam words, digits and hyphens
// (`paypal-secure-login`, `securemetamask`, `dhl-tracking`).
import { reachFromEnd, reachFromStart } from './keywords.ts';
import type { Target } from './targets.ts';

/** Names this short only count as a whole hyphen-separated word: `dhl-track`, never `adhlogin`. */
const SHORT_NAME = 3;

/**
 * The longest brand name that `text` (a skeleton) is made of, together with at least
 * `minKeywords` keywords and any digits and hyphens around it.
 */
export function matchCombo(combos: ReadonlyMap<string, Target>, text: string, minKeywords: number): Target | undefined {
  const starts = reachFromStart(text);
  const ends = reachFromEnd(text);
  let best: Target | undefined;
  let bestLength = 0;
  for (const [start, before] of starts) {
    for (const [end, after] of ends) {
      if (end - start <= bestLength || before + after < minKeywords) continue;
      const target = findName(combos, text, start, end);
      if (target !== undefined) {
        best = target;
        bestLength = end - start;
      }
    }
  }
  return best;
}

function findName(combos: ReadonlyMap<string, Target>, text: string, start: number, end: number): Target | undefined {
  const piece = text.slice(start, end);
  if (piece.startsWith('-') || piece.endsWith('-')) return undefined;
  // Hyphens inside the name do not hide it: `bangkok-bank` is `bangkokbank`.
  const target = combos.get(piece.replaceAll('-', ''));
  if (target === undefined) return undefined;
  const isWholeWord = (start === 0 || text[start - 1] === '-') && (end === text.length || text[end] === '-');
  return target.token.length > SHORT_NAME || isWholeWord ? target : undefined;
}
