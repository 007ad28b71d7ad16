import { describe, expect, it } from 'vitest';
import { CATEGORIES, isCategory } from '../../../src/core/types.ts';

describe('isCategory', () => {
  it('accepts every known category and nothing else', () => {
    for (const category of CATEGORIES) expect(isCategory(category)).toBe(true);
    expect(isCategory('Phishing')).toBe(false);
    expect(isCategory(undefined)).toBe(false);
  });
});
