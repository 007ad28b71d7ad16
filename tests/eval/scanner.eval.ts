// `npm run eval scanner`: the page scanner on the labelled corpus (tests/fixtures/pages), through
// the same path as `scam-warner scan`: happy-dom, extractSnapshot, scanPage. Prints detection and
// false-alarm rates per category and per language, and every page it gets wrong.
// `SCANNER_EVAL_SET=holdout-4 npm run eval scanner` does the same for one set only (`main` for
// the pages without a set).
import { readFileSync } from 'node:fs';
import { scanHtml } from '../../src/cli/commands/scan.ts';
import { emptyBehaviour, mergeBehaviour } from '../../src/core/scanner/index.ts';
import type { BehaviourCounters, Category, ScanResult } from '../../src/core/types.ts';

export interface CorpusEntry {
  file: string;
  url: string;
  label: 'scam' | 'honest';
  /** The scam category a scam page belongs to, or the one an honest page could be mistaken for. */
  category: Category;
  language: string;
  note: string;
  /**
   * Pages written apart from the main set: `holdout-N`, written blind, before the rules they
   * measure were changed (see tests/fixtures/pages/README.md); `honest-hard`, honest pages written to
   * trip new signals.
   */
  set?: string;
  /** Counters the main-world script reports on the live page (a saved page cannot show them). */
  behaviour?: Partial<BehaviourCounters>;
}

export interface Outcome {
  entry: CorpusEntry;
  result: ScanResult;
  isFlagged: boolean;
}

export interface Rates {
  scams: number;
  detected: number;
  honest: number;
  falseAlarms: number;
}

const PAGES = new URL('../fixtures/pages/', import.meta.url);

export function loadCorpus(): CorpusEntry[] {
  return JSON.parse(readFileSync(new URL('corpus.json', PAGES), 'utf8')) as CorpusEntry[];
}

export function evaluateCorpus(entries: readonly CorpusEntry[] = loadCorpus()): Outcome[] {
  return entries.map((entry) => {
    const html = readFileSync(new URL(entry.file, PAGES), 'utf8');
    const behaviour = mergeBehaviour(emptyBehaviour(), entry.behaviour ?? {});
    const { result } = scanHtml(html, entry.url, { behaviour });
    return { entry, result, isFlagged: result.verdict === 'suspicious' };
  });
}

export function tally(outcomes: readonly Outcome[]): Rates {
  const scams = outcomes.filter((outcome) => outcome.entry.label === 'scam');
  const honest = outcomes.filter((outcome) => outcome.entry.label === 'honest');
  return {
    scams: scams.length,
    detected: scams.filter((outcome) => outcome.isFlagged).length,
    honest: honest.length,
    falseAlarms: honest.filter((outcome) => outcome.isFlagged).length,
  };
}

function percent(part: number, whole: number): string {
  return whole === 0 ? '    -' : `${((100 * part) / whole).toFixed(0).padStart(4)}%`;
}

function printTable(title: string, outcomes: readonly Outcome[], keyOf: (entry: CorpusEntry) => string): void {
  console.log(`\n${title.padEnd(16)} scams  detected   honest  false alarms`);
  const keys = [...new Set(outcomes.map((outcome) => keyOf(outcome.entry)))].sort();
  for (const key of [...keys, 'all']) {
    const rates = tally(outcomes.filter((outcome) => key === 'all' || keyOf(outcome.entry) === key));
    console.log(`${key.padEnd(16)} ${String(rates.scams).padStart(5)}  ${percent(rates.detected, rates.scams)} (${rates.detected})  ${String(rates.honest).padStart(6)}  ${percent(rates.falseAlarms, rates.honest)} (${rates.falseAlarms})`);
  }
}

function describe(outcome: Outcome): string {
  const top = outcome.result.signals.map((signal) => `${signal.id}:${signal.weight}`).join(' ');
  const score = Math.max(0, ...Object.values(outcome.result.scores));
  return `  ${outcome.entry.file} (${outcome.entry.category}) score ${score} [${top}]`;
}

export async function run(): Promise<void> {
  const started = performance.now();
  const only = process.env.SCANNER_EVAL_SET;
  const outcomes = evaluateCorpus(loadCorpus().filter((entry) => only === undefined || (entry.set ?? 'main') === only));
  if (only !== undefined) console.log(`set ${only} only`);
  printTable('by category', outcomes, (entry) => entry.category);
  printTable('by language', outcomes, (entry) => entry.language);
  printTable('by set', outcomes, (entry) => entry.set ?? 'main');
  const missed = outcomes.filter((outcome) => outcome.entry.label === 'scam' && !outcome.isFlagged);
  const alarms = outcomes.filter((outcome) => outcome.entry.label === 'honest' && outcome.isFlagged);
  const wrongCategory = outcomes.filter((outcome) => outcome.entry.label === 'scam' && outcome.isFlagged && outcome.result.category !== outcome.entry.category);
  console.log(`\nmissed scams (${missed.length}):`);
  missed.forEach((outcome) => console.log(describe(outcome)));
  console.log(`false alarms (${alarms.length}):`);
  alarms.forEach((outcome) => console.log(describe(outcome)));
  console.log(`detected with another category (${wrongCategory.length}):`);
  wrongCategory.forEach((outcome) => console.log(`${describe(outcome)} -> ${outcome.result.category}`));
  console.log(`\n${outcomes.length} pages in ${(performance.now() - started).toFixed(0)} ms (parse, extract, scan)`);
}
