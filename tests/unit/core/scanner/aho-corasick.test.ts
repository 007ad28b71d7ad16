import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AhoCorasick } from '../../../../src/core/text/aho-corasick.ts';

/** Every [pattern, start, end] by brute force, the reference the automaton must agree with. */
function naive(patterns: readonly string[], text: string): string[] {
  const found: string[] = [];
  patterns.forEach((pattern, index) => {
    if (pattern.length === 0 || patterns.indexOf(pattern) !== index) return;
    for (let at = text.indexOf(pattern); at !== -1; at = text.indexOf(pattern, at + 1)) found.push(`${index}:${at}:${at + pattern.length}`);
  });
  return found.sort();
}

function scanned(patterns: readonly string[], text: string): string[] {
  const found: string[] = [];
  AhoCorasick.build(patterns).scan(text, (pattern, start, end) => found.push(`${pattern}:${start}:${end}`));
  return found.sort();
}

describe('AhoCorasick', () => {
  it('finds overlapping and nested patterns, like the textbook example', () => {
    expect(scanned(['he', 'she', 'his', 'hers'], 'ushers')).toEqual(['0:2:4', '1:1:4', '3:2:6']);
  });

  it('matches Thai, Arabic, Bengali and Devanagari text by code unit', () => {
    const patterns = ['พัสดุ', 'غرامة', 'ওটিপি', 'पिन'];
    expect(scanned(patterns, 'แจ้งพัสดุ غرامة ওটিপি पिन')).toEqual(['0:4:9', '1:10:15', '2:16:21', '3:22:25']);
  });

  it('ignores empty patterns and reports a duplicate once', () => {
    expect(scanned(['', 'ab', 'ab'], 'abab')).toEqual(['1:0:2', '1:2:4']);
  });

  it('agrees with a brute-force search on random patterns and texts', () => {
    const alphabet = fc.constantFrom('a', 'b', 'c', 'ก', 'ب');
    const word = fc.string({ unit: alphabet, minLength: 1, maxLength: 5 });
    fc.assert(fc.property(fc.array(word, { minLength: 1, maxLength: 20 }), fc.string({ unit: alphabet, maxLength: 60 }), (patterns, text) => {
      expect(scanned(patterns, text)).toEqual(naive(patterns, text));
    }), { numRuns: 300 });
  });
});
