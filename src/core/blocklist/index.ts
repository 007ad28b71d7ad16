// The blocklist's public API.
export { BlocklistIndex } from './blocklist-index.ts';
export type { IndexMatch } from './lookup.ts';
export type { IndexGroup } from './groups.ts';
export { IndexFormatError } from './tables.ts';
export { EntryError, KeyCollisionError, type BuildOptions, type ValueGroup } from './rows.ts';
export { normalizeEntryValue, isPublicSuffix, hasNormalizedShape, type NormalizedValue } from './entry-value.ts';
export { parseListText, type ListDefaults, type ListLineError, type ParsedList } from './parse-list.ts';
