// The one place that picks the WebExtension API object. Chromium's MV3 `chrome` returns promises,
// and Firefox offers the same `chrome` namespace; `browser` is only the fallback. The order matters
// in content scripts: a page can make a missing `browser` global appear there by giving an element
// that id (DOM named properties), but never replace `chrome`. The content script uses this instead
// of webextension-polyfill (about 10 KB) to stay tiny; the background, which may be larger, uses the
// polyfill.

type ExtensionApi = typeof chrome;

function isExtensionApi(value: unknown): value is ExtensionApi {
  return typeof (value as Partial<ExtensionApi> | undefined)?.runtime?.sendMessage === 'function';
}

export function getExtensionApi(): ExtensionApi {
  const scope = globalThis as { browser?: unknown; chrome?: unknown };
  const api = [scope.chrome, scope.browser].find(isExtensionApi);
  if (!api) throw new Error('Scam Warner: the WebExtension API is not available here');
  return api;
}
