// The pages the banner benchmark serves on a lookalike host, each in two kinds:
// - typical: a cloned sign-in page as scam kits serve them, with what most pages have: a stylesheet
//   and a script in the head, about 30 KB of markup, a logo and a dozen images;
// - minimal: 600 bytes that are parsed and loaded before the extension can answer, the worst case
//   for the banner (the page's own end-of-load messages queue in the browser ahead of the verdict).
// Each page asks the browser one question of its own as it starts (the benchmark's peer), reports
// its timings once the banner is up, and goes on to the next page of its kind.

export type PageKind = 'typical' | 'minimal';

export interface PageTiming {
  kind: PageKind;
  page: number;
  /** From the content script's start to the banner in the page. */
  banner: number;
  /** When the content script started, and the page's DOMContentLoaded, from the navigation's start. */
  scriptStart: number;
  parsed: number;
  /** The browser's answer to the page's own first question, from the content script's start. */
  browserAnswer: number;
  source: string;
}

/** The page after this one: the next of its kind, and after the last typical page the first minimal one. */
function nextPath(kind: PageKind, page: number, lastPage: number): string | null {
  if (page < lastPage) return `/${kind}/${page + 1}`;
  return kind === 'typical' ? '/minimal/0' : null;
}

/** First in the head: asks the question, and once the banner is up, reports and moves on. */
function timingScript(kind: PageKind, page: number, lastPage: number): string {
  const next = nextPath(kind, page, lastPage);
  return `<script>
  const started = performance.now();
  let answeredAt = -1;
  navigator.permissions.query({ name: 'notifications' }).then(() => { answeredAt = performance.now(); });
  const report = () => {
    const banner = performance.getEntriesByName('scam-warner:banner')[0];
    if ((!banner || answeredAt < 0) && performance.now() - started < 3000) return setTimeout(report, 20);
    const parsed = performance.getEntriesByType('navigation')[0]?.domContentLoadedEventStart ?? -1;
    const timing = { kind: '${kind}', page: ${page}, parsed, banner: banner?.duration ?? -1, scriptStart: banner?.startTime ?? -1, browserAnswer: banner ? answeredAt - banner.startTime : -1, source: banner ? String(banner.detail) : 'none' };
    fetch('/timing', { method: 'POST', body: JSON.stringify(timing) }).finally(() => setTimeout(() => { ${next === null ? '' : `location.href = '${next}';`} }, 300));
  };
  addEventListener('load', report);
</script>`;
}

const SIGN_IN_FORM = '<form><input name="email"><input type="password" name="password"><button>Log in</button></form>';

function minimalPage(page: number, lastPage: number): string {
  return `<!doctype html><meta charset="utf-8">${timingScript('minimal', page, lastPage)}<title>PayPal: sign in</title><h1>Sign in to PayPal</h1>${SIGN_IN_FORM}`;
}

const FILLER = 'We use cookies and similar technologies to keep your account safe, to remember your settings and to understand how our services are used. ';

function typicalPage(page: number, lastPage: number): string {
  const nav = Array.from({ length: 12 }, (_, i) => `<li><a href="/help/${i}">Help topic ${i}</a></li>`).join('');
  const sections = Array.from({ length: 40 }, (_, i) => `<section class="card c${i % 8}"><h2>Account help ${i}</h2><img src="/img/${i % 12}.png" width="48" height="48" alt=""><p>${FILLER.repeat(3)}</p><a class="more" href="/help/${i}">Read more</a></section>`).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">${timingScript('typical', page, lastPage)}
<title>PayPal: sign in</title><meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/static/site.css"><script src="/static/app.js"></script></head>
<body><header><img src="/img/logo.png" width="120" height="32" alt="PayPal"><nav><ul>${nav}</ul></nav></header>
<main><h1>Sign in to PayPal</h1>${SIGN_IN_FORM}${sections}</main><footer>${FILLER}</footer></body></html>`;
}

/** What the kit's own files look like: about 15 KB of styles, a script that sets up the form. */
const SITE_CSS = Array.from({ length: 300 }, (_, i) => `.c${i % 8} .x${i}{margin:${i % 9}px ${i % 5}px;padding:4px;color:#${((i * 4321) % 4096).toString(16).padStart(3, '0')}}`).join('\n');
const APP_JS = `(() => { const fields = {}; ${Array.from({ length: 60 }, (_, i) => `fields.f${i} = { name: 'f${i}', check: (value) => value.length > ${i % 7} };`).join(' ')} window.kit = fields; })();`;
const PIXEL_PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000b49444154789c6360000200000500017a5eab3f0000000049454e44ae426082', 'hex');

/** The response for a path, or null for an unknown one. */
export function servePage(path: string, lastPage: number): { type: string; body: string | Buffer } | null {
  const page = /^\/(typical|minimal)\/(\d+)$/.exec(path);
  if (page) {
    const number = Number(page[2]);
    return { type: 'text/html; charset=utf-8', body: page[1] === 'typical' ? typicalPage(number, lastPage) : minimalPage(number, lastPage) };
  }
  if (path === '/static/site.css') return { type: 'text/css', body: SITE_CSS };
  if (path === '/static/app.js') return { type: 'text/javascript', body: APP_JS };
  if (path.startsWith('/img/')) return { type: 'image/png', body: PIXEL_PNG };
  return null;
}
