// Reads and presses the in-page banner from outside, through the DevTools protocol: its shadow
// root is closed, so neither the page nor Playwright's selectors can reach it. Used by the demo and
// the end-to-end tests.
import type { BrowserContext, CDPSession, Page } from 'playwright-core';

const TEXT_NODE = 3;

interface DomNode {
  backendNodeId: number;
  nodeName: string;
  nodeType: number;
  nodeValue: string;
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

function findNode(node: DomNode, isWanted: (node: DomNode) => boolean): DomNode | undefined {
  if (isWanted(node)) return node;
  for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) {
    const found = findNode(child, isWanted);
    if (found) return found;
  }
  return undefined;
}

function collectText(node: DomNode): string {
  if (node.nodeName === 'STYLE') return '';
  if (node.nodeType === TEXT_NODE) return ` ${node.nodeValue}`;
  return (node.children ?? []).map(collectText).join('');
}

async function withBannerRoot<T>(context: BrowserContext, page: Page, use: (root: DomNode | undefined, session: CDPSession) => Promise<T>): Promise<T> {
  const session = await context.newCDPSession(page);
  try {
    const { root } = (await session.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const host = findNode(root, (node) => node.nodeName === 'SCAM-WARNER-BANNER');
    return await use(host?.shadowRoots?.[0], session);
  } finally {
    await session.detach();
  }
}

/** The banner's text, or null when the page shows none. */
export function readBannerText(context: BrowserContext, page: Page): Promise<string | null> {
  return withBannerRoot(context, page, async (root) => (root ? collectText(root).replace(/\s+/g, ' ').trim() : null));
}

/** The banner's text once it shows; throws when none shows within `timeoutMs`. */
export async function waitForBannerText(context: BrowserContext, page: Page, timeoutMs = 5_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const text = await readBannerText(context, page);
    if (text !== null) return text;
    if (Date.now() > deadline) throw new Error(`no banner on ${page.url()} within ${timeoutMs} ms`);
    await page.waitForTimeout(100);
  }
}

/** A real (trusted) mouse click on the banner's button. */
export async function clickBannerButtonAsUser(context: BrowserContext, page: Page): Promise<void> {
  const center = await withBannerRoot(context, page, async (root, session) => {
    const button = root && findNode(root, (node) => node.nodeName === 'BUTTON');
    if (!button) throw new Error('the banner has no button');
    const { model } = (await session.send('DOM.getBoxModel', { backendNodeId: button.backendNodeId })) as { model: { content: number[] } };
    const [x1 = 0, y1 = 0, , , x3 = 0, y3 = 0] = model.content;
    return { x: (x1 + x3) / 2, y: (y1 + y3) / 2 };
  });
  await page.mouse.click(center.x, center.y);
}
