// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { watchGrowth } from '../../../src/content/dom-growth.ts';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
let stop: () => void = () => undefined;
let calls = 0;
let isWanted = true;

beforeEach(() => {
  document.body.innerHTML = '<main id="app"><p>Loading…</p></main>';
  calls = 0;
  isWanted = true;
  stop = watchGrowth(() => calls++, () => isWanted);
});

afterEach(() => stop());

const app = () => document.getElementById('app') as HTMLElement;

describe('watchGrowth', () => {
  it('calls back when a late view brings a meaningful amount of text', async () => {
    app().insertAdjacentHTML('beforeend', `<section><h1>Your computer has been blocked</h1><p>${'Call Microsoft support now. '.repeat(10)}</p></section>`);
    await settle();
    expect(calls).toBe(1);
  });

  it('counts a form field as meaningful however little text comes with it', async () => {
    app().insertAdjacentHTML('beforeend', '<div><label>PIN <input name="pin" type="password"></label></div>');
    await settle();
    expect(calls).toBe(1);
  });

  it('adds small changes up, and ignores scripts and styles', async () => {
    for (let i = 0; i < 3; i++) app().append(document.createElement('span'));
    app().insertAdjacentHTML('beforeend', `<script>${'x'.repeat(5000)}</script><style>${'p{}'.repeat(500)}</style>`);
    await settle();
    expect(calls).toBe(0);
    for (let i = 0; i < 5; i++) {
      app().append(document.createTextNode('fifty characters of a message that arrives slowly'));
      await settle();
    }
    expect(calls).toBe(1);
  });

  it('does nothing while no rescan is wanted, and nothing once stopped', async () => {
    isWanted = false;
    app().insertAdjacentHTML('beforeend', `<p>${'text '.repeat(100)}</p>`);
    await settle();
    expect(calls).toBe(0);
    isWanted = true;
    stop();
    app().insertAdjacentHTML('beforeend', `<p>${'text '.repeat(100)}</p>`);
    await settle();
    expect(calls).toBe(0);
  });
});
