import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { emptyBehaviour, extractSnapshot, SNAPSHOT_LIMITS, validatePageSnapshot } from '../../../../src/core/scanner/index.ts';

function parse(html: string): Document {
  const window = new Window({ url: 'https://shop.test/', settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true } });
  return new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

const PAGE = `<!doctype html><html lang="th"><head><title> Sign  in </title><style>.x{}</style></head><body>
  <header><img src="l.png" alt="Pay Pal logo"><h1>Log in to Pay<b>Pal</b></h1></header>
  <script>var secret = "script text";</script><noscript>noscript text</noscript><template><p>template text</p></template>
  <p hidden>hidden text</p><div style="display: none">styled away</div><p aria-hidden="true">aria text</p>
  <p>First paragraph.</p><p>Second<br>line</p>
  <form action="/post.php">
    <label for="e">Email</label><input id="e" name="email" type="email">
    <label>Password <input type="password" name="pw" maxlength="32"></label>
    <input name="otp" aria-label="One-time code" inputmode="numeric" autocomplete="one-time-code">
    <input type="hidden" name="token" value="abc"><input type="submit" value="Continue">
  </form>
  <input name="loose" placeholder="Card number">
  <a href="https://wa.me/123">chat</a><a href="tel:+18005550199">call</a><button>Help</button>
</body></html>`;

describe('extractSnapshot', () => {
  const snapshot = extractSnapshot(parse(PAGE), 'https://shop.test/login');

  it('reads the visible text only, with words across inline tags kept whole and one line per block', () => {
    expect(snapshot.title).toBe('Sign in');
    expect(snapshot.lang).toBe('th');
    expect(snapshot.text).toBe('Log in to PayPal\nFirst paragraph.\nSecond\nline\nEmail\nPassword chatcall\nHelp');
    expect(snapshot.truncated).toBe(false);
  });

  it('collects headings, buttons, links and alt texts', () => {
    expect(snapshot.headings).toEqual(['Log in to PayPal']);
    expect(snapshot.buttons).toEqual(['Continue', 'Help']);
    expect(snapshot.links).toEqual(['https://wa.me/123', 'tel:+18005550199']);
    expect(snapshot.imageAlts).toEqual(['Pay Pal logo']);
  });

  it('collects fields by form with their labels, skipping hidden and button inputs', () => {
    expect(snapshot.forms.map((form) => form.action)).toEqual(['/post.php', '']);
    expect(snapshot.forms[0]!.fields.map((field) => [field.name, field.type, field.label])).toEqual([
      ['email', 'email', 'Email'], ['pw', 'password', 'Password'], ['otp', 'text', 'One-time code'],
    ]);
    expect(snapshot.forms[0]!.fields[1]!.maxLength).toBe(32);
    expect(snapshot.forms[0]!.fields[2]).toMatchObject({ inputMode: 'numeric', autocomplete: 'one-time-code', maxLength: -1 });
    expect(snapshot.forms[1]!.fields[0]).toMatchObject({ name: 'loose', placeholder: 'Card number' });
  });

  it('keeps image file names (logos name their brand) and struck-out prices', () => {
    const shop = extractSnapshot(parse(`<body><img src="/img/stcpay-Logo.svg?v=2" alt=""><img src="data:image/png;base64,AAAA">
      <p>Oven <s>$420.00</s> <b>$59.99</b> and <del>S/ 399</del> S/ 219</p></body>`), 'https://shop.test/');
    expect(shop.imageNames).toEqual(['stcpay-logo']);
    expect(shop.struck).toEqual(['$420.00', 'S/ 399']);
    expect(shop.text).toBe('Oven $420.00 $59.99 and S/ 399 S/ 219');
    expect(extractSnapshot(parse('<body>  <div> a </div>  <p> b<br> c </p></body>'), 'https://x.test/').text).toBe('a\nb\nc');
  });

  it('passes the main-world counters through and validates', () => {
    const behaviour = { ...emptyBehaviour(), fullscreen: 2 };
    const withBehaviour = extractSnapshot(parse(PAGE), 'https://shop.test/', { behaviour });
    expect(validatePageSnapshot(JSON.parse(JSON.stringify(withBehaviour)))).toEqual(withBehaviour);
  });

  // Parsing megabytes in happy-dom takes seconds; `npm run bench scanner` measures a 5 MB page.
  it('stays within its limits on a page larger than all of them', () => {
    const para = `<p>${'word '.repeat(20)}</p><form><input name="a"></form><a href="/x">x</a><img alt="pic">`;
    const html = `<html><body>${para.repeat(Math.ceil(200_000 / para.length))}</body></html>`;
    const big = extractSnapshot(parse(html), 'https://big.test/');
    expect(big.truncated).toBe(true);
    expect(big.text.length).toBeLessThanOrEqual(SNAPSHOT_LIMITS.textChars);
    expect(big.forms.length).toBeLessThanOrEqual(SNAPSHOT_LIMITS.forms);
    expect(big.links).toHaveLength(SNAPSHOT_LIMITS.links);
    expect(big.imageAlts).toHaveLength(SNAPSHOT_LIMITS.imageAlts);
    expect(big.imageNames).toEqual([]);
    expect(() => validatePageSnapshot(big)).not.toThrow();
  });
});

describe('extractSnapshot limits', () => {
  it('stops walking at the node cap', () => {
    const html = `<body>${'<p>one two</p>'.repeat(100)}</body>`;
    const small = extractSnapshot(parse(html), 'https://x.test/', { limits: { ...SNAPSHOT_LIMITS, nodes: 20 } });
    expect(small.truncated).toBe(true);
    expect(small.text).toBe(Array(10).fill('one two').join('\n'));
  });
});
