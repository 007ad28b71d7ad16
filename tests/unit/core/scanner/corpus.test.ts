// Holds the labelled corpus (tests/fixtures/pages) to the bar; `npm run eval scanner` prints the detail.
import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../../../src/core/types.ts';
import { LEXICON_LANGUAGES } from '../../../../src/core/scanner/lexicon.ts';
import { evaluateCorpus, loadCorpus, tally } from '../../../eval/scanner.eval.ts';

const SCAM_CATEGORIES = CATEGORIES.filter((category) => category !== 'malware' && category !== 'other');

describe('the page corpus', () => {
  const corpus = loadCorpus();

  it('covers every language and scam category, with at least as many honest pages as scams', () => {
    for (const language of LEXICON_LANGUAGES) expect(corpus.filter((entry) => entry.language === language).length, language).toBeGreaterThanOrEqual(10);
    const scams = corpus.filter((entry) => entry.label === 'scam');
    expect(SCAM_CATEGORIES.filter((category) => !scams.some((entry) => entry.category === category))).toEqual([]);
    expect(corpus.length - scams.length).toBeGreaterThanOrEqual(scams.length);
  });

  it('is detected at 90% or more with 5% false alarms or fewer', () => {
    const rates = tally(evaluateCorpus(corpus));
    expect(rates.detected / rates.scams).toBeGreaterThanOrEqual(0.9);
    expect(rates.falseAlarms / rates.honest).toBeLessThanOrEqual(0.05);
  });
});
