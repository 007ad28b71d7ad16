// Calls back when the page has grown enough to be worth reading again: the view a single-page app
// renders after load, a payment form or a scareware message injected late. The work per mutation
// batch is a length count over the added nodes (a form field counts as much as a paragraph), and
// nothing at all while the caller has no rescan left to make; the caller bounds and spaces rescans.

/** Characters of added text, or one added form field, that make a page worth reading again. */
const SIGNIFICANT_GROWTH = 200;
const FIELD_SELECTOR = 'form, input, textarea, select';
const UNREAD_ELEMENTS: ReadonlySet<string> = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

function measureAdded(node: Node): number {
  if (node.nodeType === Node.TEXT_NODE) return node.nodeValue?.length ?? 0;
  if (node.nodeType !== Node.ELEMENT_NODE) return 0;
  const element = node as Element;
  if (UNREAD_ELEMENTS.has(element.nodeName)) return 0;
  if (element.matches(FIELD_SELECTOR) || element.querySelector(FIELD_SELECTOR) !== null) return SIGNIFICANT_GROWTH;
  return element.textContent?.length ?? 0;
}

/** `isWanted`: false while no rescan could follow, so a page that mutates without end costs nothing. */
export function watchGrowth(onGrowth: () => void, isWanted: () => boolean): () => void {
  let grown = 0;
  const observer = new MutationObserver((mutations) => {
    if (!isWanted()) return;
    for (const mutation of mutations) {
      for (const node of mutation.addedNodes) grown += measureAdded(node);
      if (grown >= SIGNIFICANT_GROWTH) {
        grown = 0;
        onGrowth();
        return;
      }
    }
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
  return () => observer.disconnect();
}
