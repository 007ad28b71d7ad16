// The in-page warning for suspicious pages, in a closed shadow root so the page can neither read
// nor restyle it. If the page removes it, it comes back (a bounded number of times, so a page
// fighting it cannot make the two loop forever). "This is a mistake" asks the background to open
// the report view for this tab: the report is built and sent from extension pages only.
import type { Reason } from '../core/types.ts';
import { applyUiLocale, t } from '../shared/i18n.ts';
import { send } from '../shared/protocol.ts';
import { describeReason } from '../shared/reason-text.ts';
import { BANNER_CSS } from './banner-style.ts';

const HOST_TAG = 'scam-warner-banner';
const MAX_REASONS = 5;
const MAX_RESTORES = 50;

export interface BannerOptions {
  reasons: readonly Reason[];
  onDismiss: () => void;
}

export interface Banner {
  update(reasons: readonly Reason[]): void;
  remove(): void;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  return node;
}

function fillReasons(list: HTMLUListElement, reasons: readonly Reason[]): void {
  list.replaceChildren(...reasons.slice(0, MAX_REASONS).map((reason) => element('li', describeReason(reason))));
}

/** A button that acts on a real click only: a script on the page can dispatch synthetic ones. */
function userButton(text: string, onClick: () => void): HTMLButtonElement {
  const button = element('button', text);
  button.type = 'button';
  button.addEventListener('click', (event) => {
    if (event.isTrusted) onClick();
  });
  return button;
}

function reportMistake(): void {
  // A failure means the extension was reloaded under this page; nothing to tell the page.
  send('banner.mistake', {}).catch(() => undefined);
}

function buildContent(root: ShadowRoot, options: BannerOptions): HTMLUListElement {
  const style = element('style', BANNER_CSS);
  const box = element('div');
  box.className = 'banner';
  box.setAttribute('role', 'alert');
  const list = element('ul');
  fillReasons(list, options.reasons);
  const dismiss = userButton(t('banner_dismiss'), options.onDismiss);
  const mistake = userButton(t('banner_mistake'), reportMistake);
  mistake.style.marginInlineStart = '8px';
  box.append(element('h2', t('banner_title')), element('p', t('banner_lead')), list, dismiss, mistake);
  root.append(style, box);
  return list;
}

export function showBanner(options: BannerOptions): Banner {
  const host = document.createElement(HOST_TAG);
  const root = host.attachShadow({ mode: 'closed' });
  const list = buildContent(root, options);
  const restore = () => {
    applyUiLocale(host);
    if (!host.isConnected) document.documentElement.append(host);
  };
  let restores = 0;
  const observer = new MutationObserver(() => {
    if (restores >= MAX_RESTORES) return observer.disconnect();
    if (!host.isConnected || host.dir === '' || host.lang === '') {
      restores++;
      restore();
    }
  });
  restore();
  observer.observe(document.documentElement, { childList: true });
  observer.observe(host, { attributes: true });
  return {
    update: (reasons) => fillReasons(list, reasons),
    remove: () => {
      observer.disconnect();
      host.remove();
    },
  };
}
