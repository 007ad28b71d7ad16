// Options publish and verify share.
import { CliError } from '../io.ts';

/** `--now` (an ISO date) fixes the clock, for reproducible output; the real time otherwise. */
export function parseNow(value: string | undefined): Date {
  if (value === undefined) return new Date();
  const time = Date.parse(value);
  if (Number.isNaN(time)) throw new CliError(`--now "${value}" is not a date`);
  return new Date(time);
}

export function parsePositiveInteger(value: string | undefined, flag: string, fallback: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new CliError(`--${flag} must be a whole number of at least 1`);
  return number;
}
