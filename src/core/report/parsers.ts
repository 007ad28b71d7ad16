// Small field parsers shared by the report validators: each returns the clean value, or records
// why it refused the field and returns `undefined`.
import { isCategory, type Category } from '../types.ts';
import type { ReportFieldError } from './report-types.ts';
import { findTextProblem, type TextRules } from './text.ts';

export type Parser<T> = (value: unknown, field: string, errors: ReportFieldError[]) => T | undefined;

export function refuse(errors: ReportFieldError[], field: string, reason: string): undefined {
  errors.push({ field, reason });
  return undefined;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** A string within the rules, trimmed; an empty one counts as absent. */
export function parseText(rules: TextRules): Parser<string> {
  return (value, field, errors) => {
    if (typeof value !== 'string') return refuse(errors, field, 'must be a string');
    const problem = findTextProblem(value, rules);
    if (problem) return refuse(errors, field, problem);
    const trimmed = value.trim();
    return trimmed === '' ? undefined : trimmed;
  };
}

export function parseOneOf<T extends string>(allowed: readonly T[]): Parser<T> {
  return (value, field, errors) =>
    typeof value === 'string' && (allowed as readonly string[]).includes(value)
      ? (value as T)
      : refuse(errors, field, `must be one of: ${allowed.join(', ')}`);
}

export const parseCategory: Parser<Category> = (value, field, errors) =>
  isCategory(value) ? value : refuse(errors, field, 'must be a known category (see CATEGORIES)');

/**
 * Runs one parser per known key of an object, in the parsers' order; unknown keys are refused.
 * Returns the clean object (absent fields left out) or `undefined` when anything was refused.
 */
export function parseFields<T>(
  value: Record<string, unknown>,
  parsers: { [K in keyof T]-?: Parser<T[K]> },
  prefix: string,
  errors: ReportFieldError[],
): Partial<T> | undefined {
  const before = errors.length;
  for (const key of Object.keys(value)) {
    if (!Object.hasOwn(parsers, key)) refuse(errors, `${prefix}${key.slice(0, MAX_ECHOED_NAME)}`, 'unknown field');
  }
  const clean: Partial<T> = {};
  for (const key of Object.keys(parsers) as (keyof T)[]) {
    const fieldValue = value[key as string];
    if (fieldValue === undefined) continue;
    const parsed = parsers[key](fieldValue, `${prefix}${String(key)}`, errors);
    if (parsed !== undefined) clean[key] = parsed;
  }
  return errors.length === before ? clean : undefined;
}

/** Unknown keys come from hostile input: only this much of one is echoed back. */
const MAX_ECHOED_NAME = 64;
