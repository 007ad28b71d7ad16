// URL canonicalization and lookup expressions: the stable seam (DESIGN.md).
export { canonicalizeUrl, MAX_URL_LENGTH } from './canonicalize.ts';
export { urlExpressions } from './expressions.ts';
