// The in-page warning for suspicious pages, in a closed shadow root so the page can neither read
// nor restyle it, shown in the top layer (a manual popover) so nothing the page stacks can cover it
// (an element the page takes fullscreen still would: index.ts keeps banner pages out of fullscreen).
// If the page removes or hides it, it comes back at once, up to 50 times a second (then a second
// later): a page fighting it can neither win nor make the two loop at full speed. Its buttons ignore
// clicks that come too soon after it (re)appeared, so a page cannot time a click meant for its own
// button onto ours. "This is a mistake" asks the background to open the report view for this tab:
// the report is built and sent from extension pages only.
import type { Reason } from '../core/types.ts';
import { applyUiLocale, t } from '../shared/i18n.ts';
import { send } from '../shared/protocol.ts';
import { describeReason } from '../shared/reason-text.ts';
import { BANNER_CSS } from './banner-style.ts';

const HOST_TAG = 'scam-warner-banner';
const MAX_REASONS = 5;
/** Restores at once within one window; past them, the next waits for the window to end. */
const RESTORES_PER_WINDOW = 50;
const RESTORE_WINDOW_MS = 1000;
/** As browsers' own permission prompts do: a click this soon after the banner appeared is not a choice. */
export const INPUT_PROTECTION_MS = 500;

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

/** A button that acts on a real click only (a script on the page can dispatch synthetic ones) once it is armed. */
function userButton(text: string, onClick: () => void, isArmed: () => boolean): HTMLButtonElement {
  const button = element('button', text);
  button.type = 'button';
  button.addEventListener('click', (event) => {
    if (event.isTrusted && isArmed()) onClick();
  });
  return button;
}

function reportMistake(): void {
  // A failure means the extension was reloaded under this page; nothing to tell the page.
  send('banner.mistake', {}).catch(() => undefined);
}

function buildContent(root: ShadowRoot, options: BannerOptions, isArmed: () => boolean): HTMLUListElement {
  const style = element('style', BANNER_CSS);
  const box = element('div');
  box.className = 'banner';
  box.setAttribute('role', 'alert');
  const list = element('ul');
  fillReasons(list, options.reasons);
  const dismiss = userButton(t('banner_dismiss'), options.onDismiss, isArmed);
  const mistake = userButton(t('banner_mistake'), reportMistake, isArmed);
  mistake.style.marginInlineStart = '8px';
  box.append(element('h2', t('banner_title')), element('p', t('banner_lead')), list, dismiss, mistake);
  root.append(style, box);
  return list;
}

/** Where popovers exist; elsewhere the banner is fixed above the page by its styles alone. */
const canRaise = (host: HTMLElement) => typeof host.showPopover === 'function';
const isRaised = (host: HTMLElement) => !canRaise(host) || host.matches(':popover-open');

/** In the top layer, above anything the page shows (until the page opens a top-layer element of its own). */
function raise(host: HTMLElement): void {
  if (!canRaise(host)) return;
  host.popover = 'manual';
  try {
    if (host.isConnected && !isRaised(host)) host.showPopover();
  } catch {
    // Refused (the page made the host something that cannot be a popover): it stays fixed on top by its styles.
  }
}

const isIntact = (host: HTMLElement) => host.isConnected && host.dir !== '' && host.lang !== '' && isRaised(host);

interface Guard {
  /** Puts the banner back if it is not intact: at once, or at the end of a window already spent. */
  check(): void;
  stop(): void;
}

function createGuard(isFine: () => boolean, restore: () => void): Guard {
  let windowStart = performance.now();
  let restores = 0;
  let pending: ReturnType<typeof setTimeout> | undefined;
  const check = (): void => {
    if (isFine() || pending !== undefined) return;
    const now = performance.now();
    if (now - windowStart >= RESTORE_WINDOW_MS) {
      windowStart = now;
      restores = 0;
    }
    if (restores >= RESTORES_PER_WINDOW) {
      pending = setTimeout(() => {
        pending = undefined;
        check();
      }, windowStart + RESTORE_WINDOW_MS - now);
      return;
    }
    restores++;
    restore();
  };
  return { check, stop: () => clearTimeout(pending) };
}

export function showBanner(options: BannerOptions): Banner {
  const host = document.createElement(HOST_TAG);
  const root = host.attachShadow({ mode: 'closed' });
  let shownAt = performance.now();
  const list = buildContent(root, options, () => performance.now() - shownAt >= INPUT_PROTECTION_MS);
  const restore = () => {
    const wasShown = host.isConnected && isRaised(host);
    applyUiLocale(host);
    if (!host.isConnected) document.documentElement.append(host);
    raise(host);
    // Back in view, perhaps under the pointer: it has to be seen again before a click counts.
    if (!wasShown) shownAt = performance.now();
  };
  const guard = createGuard(() => isIntact(host), restore);
  const observer = new MutationObserver(() => guard.check());
  // The page hiding the popover fires no mutation, only this event; registered first, so the page cannot stop it.
  const onToggle = () => guard.check();
  host.addEventListener('toggle', onToggle, true);
  restore();
  observer.observe(document.documentElement, { childList: true });
  observer.observe(host, { attributes: true });
  return {
    update: (reasons) => fillReasons(list, reasons),
    remove: () => {
      guard.stop();
      observer.disconnect();
      host.removeEventListener('toggle', onToggle, true);
      host.remove();
    },
  };
}
