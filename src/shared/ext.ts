// The one place that picks the WebExtension API object. Firefox has `browser`; Chromium's MV3
// `chrome` returns promises too. The content script uses this instead of webextension-polyfill
// (about 10 KB) to stay tiny; the background, which may be larger, uses the polyfill.

type ExtensionApi = typeof chrome;

export function getExtensionApi(): ExtensionApi {
  const scope = globalThis as { browser?: ExtensionApi; chrome?: ExtensionApi };
  const api = scope.browser ?? scope.chrome;
  if (!api?.runtime) throw new Error('Scam Warner: the WebExtension API is not available here');
  return api;
}
