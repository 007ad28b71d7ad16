// Calls back when a single-page app changes the page's address without loading a new document.
// Cheap: one string comparison per history event, no polling.

/** The address without its fragment: a fragment change alone does not change the verdict. */
export function getPageAddress(href: string): string {
  const hashAt = href.indexOf('#');
  return hashAt < 0 ? href : href.slice(0, hashAt);
}

export function watchAddress(onChange: () => void): void {
  let last = getPageAddress(location.href);
  const check = () => {
    const current = getPageAddress(location.href);
    if (current === last) return;
    last = current;
    onChange();
  };
  const navigation = (globalThis as { navigation?: EventTarget }).navigation;
  navigation?.addEventListener('currententrychange', check);
  addEventListener('popstate', check);
  addEventListener('hashchange', check);
}
