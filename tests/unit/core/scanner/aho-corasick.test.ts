import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AhoCorasick, type BuildOptions } from '../../../../src/core/text/aho-corasick.ts';

/** Every [pattern, start, end] by brute force, in the order the automaton reports them: by end, longest first. */
function naive(patterns: readonly string[], text: string): string[] {
  const found: [number, number, number][] = [];
  patterns.forEach((pattern, index) => {
    if (pattern.length === 0 || patterns.indexOf(pattern) !== index) return;
    for (let at = text.indexOf(pattern); at !== -1; at = text.indexOf(pattern, at + 1)) found.push([index, at, at + pattern.length]);
  });
  return found.sort((a, b) => a[2] - b[2] || a[1] - b[1]).map((hit) => hit.join(':'));
}

function reported(patterns: readonly string[], text: string, options: BuildOptions = {}): string[] {
  const found: string[] = [];
  AhoCorasick.build(patterns, options).scan(text, (pattern, start, end) => found.push(`${pattern}:${start}:${end}`));
  return found;
}

const scanned = (patterns: readonly string[], text: string) => reported(patterns, text).sort();

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

  it('agrees with a brute-force search on random patterns and texts, in its order', () => {
    const alphabet = fc.constantFrom('a', 'b', 'c', 'ก', 'ب');
    const word = fc.string({ unit: alphabet, minLength: 1, maxLength: 5 });
    fc.assert(fc.property(fc.array(word, { minLength: 1, maxLength: 20 }), fc.string({ unit: alphabet, maxLength: 60 }), (patterns, text) => {
      expect(reported(patterns, text)).toEqual(naive(patterns, text));
    }), { numRuns: 300 });
  });

  it('gives the same matches whatever memory its full rows get: the root only, a few states, all of them', () => {
    const alphabet = fc.constantFrom('a', 'b', 'c', 'd', ' ');
    const word = fc.string({ unit: alphabet, minLength: 1, maxLength: 8 });
    fc.assert(fc.property(fc.array(word, { minLength: 1, maxLength: 40 }), fc.string({ unit: alphabet, maxLength: 120 }), (patterns, text) => {
      const expected = naive(patterns, text);
      for (const denseCells of [1, 24, 1 << 20]) expect(reported(patterns, text, { denseCells })).toEqual(expected);
    }), { numRuns: 300 });
  });

  it('finds the lexicons’ phrases in a page as brute force does, with the default memory', () => {
    const patterns = ['send money', 'money', 'send', 'end', 'gift card', 'card', 'otp', 'one-time', 'one', 'pin', 'ping'];
    const text = 'send money today, then send a gift card and your one-time pin (otp) to stop the ping';
    expect(reported(patterns, text)).toEqual(naive(patterns, text));
  });
});
