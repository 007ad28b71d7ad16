// When a page is scareware beyond reasonable doubt, browsers' own scareware blockers take the page
// out of fullscreen and silence it, so the user can think and close it. The bar is deliberately
// higher than "suspicious": the page must act (lock the screen, loop alarms) and score as
// tech-support scareware at the strictest threshold, whatever sensitivity the user chose.
import type { ScanResult } from '../types.ts';
import { THRESHOLDS } from './score.ts';

export function shouldContainScareware(result: ScanResult): boolean {
  if (result.verdict !== 'suspicious' || result.category !== 'tech-support') return false;
  const hasBehaviour = result.signals.some((signal) => signal.kind === 'behaviour' && signal.weight > 0);
  return hasBehaviour && (result.scores['tech-support'] ?? 0) >= THRESHOLDS.low;
}
