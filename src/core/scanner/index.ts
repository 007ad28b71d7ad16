// The page-pattern scanner's public API (issue 5). The content script imports snapshot.ts and
// behaviour.ts directly, to stay small; everything else runs in the background, the CLI and tests.
export { BEHAVIOUR_CHANNEL, BEHAVIOUR_KEYS, emptyBehaviour, mergeBehaviour, parseBehaviourMessage } from './behaviour.ts';
export { SNAPSHOT_LIMITS } from './limits.ts';
export { extractSnapshot, type ExtractOptions } from './snapshot.ts';
export { SnapshotError, validatePageSnapshot } from './validate-snapshot.ts';
export { buildPageMatcher, getPageMatcher, type BrandInfo, type MatcherSources, type PageMatcher } from './matcher.ts';
export { INDICATOR_WEIGHT, pageReasons, pageVerdict, scanPage, type ScanContext } from './scan.ts';
export { THRESHOLDS } from './score.ts';
export { shouldContainScareware } from './containment.ts';
export { SIGNAL_IDS, SIGNALS, isSignalId, type SignalId } from './signals.ts';
export { protectedBrands, toScannerBrands } from './protected-brands.ts';
