// The pages the demo server shows. Every host is made up (under .test); the content depends only
// on the path, so one server plays every site.

export const DEMO_HOSTS = {
  /** On the bundled list as a domain: it and its subdomains are blocked before they load. */
  listed: 'evil-scam.test',
  /** Listed only as a page on a shared host (a URL prefix): caught on navigation. */
  listedPageHost: 'free-sites.test',
  listedPagePath: '/view/prize-winner',
  /** A listed domain's subdomain the maintainers allow. */
  allowedSubdomain: 'allowed.evil-scam.test',
  /** On no list, but imitates paypal.com: suspicious. */
  lookalike: 'paypal.com.verify-account.test',
  /** On no list and imitating no brand by name, but its page is a tech-support scam: the scanner flags it. */
  scamPageHost: 'pc-health-alerts.test',
  /** An honest site. */
  honest: 'community-garden.test',
} as const;

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body>${body}</body></html>`;
}

const honestPage = (host: string) =>
  page(`${host}: spring planting`, `<h1>Spring planting day</h1><p>Neighbours meet on Saturday at ten to plant tomatoes and beans. Bring gloves.</p><p><a href="/">Home</a></p>`);

const loginPage = () =>
  page(
    'PayPal: log in to your account',
    `<h1>Log in to your PayPal account</h1><p>Your account has been limited. Confirm your details within 24 hours.</p>
     <form method="post" action="/login"><label>Email <input name="email" type="email"></label>
     <label>Password <input name="password" type="password"></label><button>Log in</button></form>`,
  );

const SCAREWARE_TEXT = `<h1>Your computer has been blocked</h1><p>Error code 0x80072ee7. Your computer is infected with a virus and your
  personal data is at risk. Do not turn off your computer, call Microsoft support at +1 202 555 0143 immediately.</p>
  <p>Do not close this page. Your files will be deleted in 5 minutes. Download AnyDesk so a technician can fix it.</p>
  <button>Call now</button>`;

const techSupportPage = () => page('Windows Defender Alert: your computer is blocked', SCAREWARE_TEXT);

/** Scareware that takes the screen: any click or key goes fullscreen and locks the keyboard, as such pages do. */
const lockingScarewarePage = () =>
  page(
    'Windows Defender Alert: your computer is blocked',
    `${SCAREWARE_TEXT}<script>const lock = () => { document.documentElement.requestFullscreen().catch(() => {}); navigator.keyboard?.lock?.().catch(() => {}); };
     document.addEventListener('click', lock); document.addEventListener('keydown', lock);
     window.addEventListener('beforeunload', (event) => event.preventDefault());</script>`,
  );

/** A sign-in page that, at the first key or click, takes a fake browser window fullscreen over everything. */
const fullscreenPhishPage = () =>
  page(
    'PayPal: log in to your account',
    `<div id="window" style="background:#fff"><h1>PayPal</h1><p>Log in to your account.</p><input type="password" name="password"></div>
     <script>const take = () => document.getElementById('window').requestFullscreen().catch(() => {});
     document.addEventListener('click', take); document.addEventListener('keydown', take);
     window.fullscreenChanges = 0; document.addEventListener('fullscreenchange', () => window.fullscreenChanges++);</script>`,
  );

const linkPage = (to: string) => page('A page with a link', `<p><a id="go" href="${escapeHtml(to)}">Continue</a></p>`);

const formPage = (action: string) =>
  page('A page with a form', `<form id="form" method="post" action="${escapeHtml(action)}"><input name="q" value="1"><button id="send">Send</button></form>`);

const framePage = (src: string) => page('A page with a frame', `<iframe id="frame" src="${escapeHtml(src)}" width="600" height="300"></iframe>`);

/** A single-page app: its button changes the address without loading, and with `scam` also the content. */
const spaPage = (to: string, isScam: boolean) =>
  page(
    'A single-page app',
    `<h1>Shop</h1><button id="push" data-to="${escapeHtml(to)}">Next view</button><template id="next">${isScam ? SCAREWARE_TEXT : '<p>More products.</p>'}</template>
     <script>document.getElementById('push').onclick = (event) => { history.pushState({}, '', event.target.dataset.to); document.body.append(document.getElementById('next').content.cloneNode(true)); };</script>`,
  );

/** Shows its scam only after `delayMs`, as pages that load their content late do (past the first rescan). */
const lateScamPage = (delayMs: number) =>
  page(
    'Loading',
    `<p>Loading…</p><template id="late">${SCAREWARE_TEXT}</template>
     <script>setTimeout(() => document.body.append(document.getElementById('late').content.cloneNode(true)), ${delayMs});</script>`,
  );

/**
 * A page that attacks the extension from its own world: it tries to message it, to remove, hide or
 * cover the banner, and to frame and fetch the warning page. What it achieved is in `window.hostile`.
 */
const hostilePage = (warningUrl: string) =>
  page(
    'PayPal: verify your account',
    `<h1>Verify your PayPal account</h1><style>scam-warner-banner{display:none!important;opacity:0!important}</style>
     <script>
       const hostile = (window.hostile = { messaged: 'no API', removed: 0, hidden: 0, framed: 'pending', fetched: 'pending' });
       try {
         if (globalThis.chrome?.runtime?.sendMessage) {
           const id = ${JSON.stringify(new URL(warningUrl || 'chrome-extension://x/').host)};
           chrome.runtime.sendMessage(id, { name: 'site.trust', request: { host: location.hostname } }, (reply) => { hostile.messaged = JSON.stringify(reply ?? chrome.runtime.lastError?.message ?? null); });
         }
       } catch (error) { hostile.messaged = 'threw: ' + error.message; }
       window.postMessage({ name: 'banner.dismiss', request: {} }, '*');
       // Every other tick: take the banner out, or hide it and cover the top of the page with an invisible layer.
       const cover = Object.assign(document.createElement('div'), { id: 'cover' });
       cover.style.cssText = 'position:fixed;inset:0;z-index:2147483647;background:rgb(255 255 255 / 1%)';
       let tick = 0;
       setInterval(() => document.querySelectorAll('scam-warner-banner').forEach((node) => {
         if (tick++ % 2 === 0) { node.remove(); hostile.removed++; return; }
         node.hidePopover?.(); node.removeAttribute('popover'); document.documentElement.append(cover); hostile.hidden++;
       }), 50);
       const frame = document.createElement('iframe');
       frame.src = ${JSON.stringify(warningUrl)};
       frame.onload = () => { try { hostile.framed = 'loaded, readable: ' + frame.contentDocument.body.innerText; } catch { hostile.framed = 'loaded, not readable'; } };
       frame.onerror = () => { hostile.framed = 'error'; };
       document.body.append(frame);
       fetch(${JSON.stringify(warningUrl)}).then((response) => { hostile.fetched = 'status ' + response.status; }, (error) => { hostile.fetched = 'failed: ' + error.message; });
     </script>`,
  );

export interface DemoResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export function renderDemoPage(host: string, url: URL): DemoResponse {
  const param = (name: string) => url.searchParams.get(name) ?? '';
  const html = (body: string): DemoResponse => ({ status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body });
  switch (url.pathname) {
    case '/redirect':
      return { status: 302, headers: { location: param('to') }, body: '' };
    case '/link':
      return html(linkPage(param('to')));
    case '/form':
      return html(formPage(param('action')));
    case '/frame':
      return html(framePage(param('src')));
    case '/spa':
    case '/next':
      return html(spaPage(param('to') || '/next', param('scam') === '1'));
    case '/hostile':
      return html(hostilePage(param('warning')));
    case '/login':
      return html(loginPage());
    case '/tech-support':
      return html(techSupportPage());
    case '/tech-support-locked':
      return html(lockingScarewarePage());
    case '/fullscreen-login':
      return html(fullscreenPhishPage());
    case '/late-scam':
      return html(lateScamPage(Math.min(Number(param('after')) || 0, 10_000)));
    default:
      return html(host.includes('paypal') ? loginPage() : honestPage(host));
  }
}
