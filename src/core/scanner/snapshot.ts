// Reads a bounded PageSnapshot from a Document passed in (the content script passes the real
// one, the CLI and tests a parsed one), so the browser, the CLI and the eval read pages alike.
// One TreeWalker pass, stopped by node and text caps: a 5 MB page costs what its first part does.
// Bundled into the content script: keep it small and import nothing heavy.
import type { BehaviourCounters, PageSnapshot, SnapshotField, SnapshotForm } from '../types.ts';
import { emptyBehaviour } from './behaviour.ts';
import { SNAPSHOT_LIMITS, type SnapshotLimits } from './limits.ts';

// NodeFilter's constants, written out: core may not touch DOM globals.
const SHOW_ELEMENT_AND_TEXT = 0x1 | 0x4;
const FILTER_ACCEPT = 1;
const FILTER_REJECT = 2;
const TEXT_NODE = 3;

const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'svg', 'canvas', 'iframe', 'object', 'head']);
const BLOCKS = new Set(['p', 'div', 'br', 'li', 'td', 'th', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'section', 'article',
  'header', 'footer', 'form', 'label', 'button', 'option', 'dt', 'dd', 'blockquote', 'pre', 'nav', 'aside', 'main', 'title']);
const HEADINGS = new Set(['h1', 'h2', 'h3']);
const STRUCK = new Set(['s', 'del', 'strike']);
const IGNORED_INPUTS = new Set(['hidden', 'submit', 'button', 'reset', 'image', 'checkbox', 'radio', 'file', 'range', 'color']);

export interface ExtractOptions {
  limits?: SnapshotLimits;
  /** Counters from the main-world script, when the caller has them. */
  behaviour?: BehaviourCounters;
}

/** Text gathered while the walk is inside an element (a heading, a button, a label). */
interface Capture {
  element: Element;
  from: number;
  done: (text: string) => void;
}

interface Walk {
  limits: SnapshotLimits;
  snapshot: PageSnapshot;
  text: string;
  isLineStart: boolean;
  isSpacePending: boolean;
  captures: Capture[];
  labelTexts: Map<Element, string>;
  labelsFor: Map<string, string>;
  fields: { element: Element; field: SnapshotField }[];
}

const squeeze = (value: string | null | undefined, max: number) => (value ?? '').replace(/\s+/g, ' ').trim().slice(0, max);

export function extractSnapshot(doc: Document, url: string, options: ExtractOptions = {}): PageSnapshot {
  const limits = options.limits ?? SNAPSHOT_LIMITS;
  const snapshot: PageSnapshot = {
    url: url.slice(0, limits.longString), title: squeeze(doc.title, limits.longString),
    lang: squeeze(doc.documentElement?.getAttribute('lang'), limits.lang), text: '', headings: [], buttons: [], forms: [],
    links: [], imageAlts: [], imageNames: [], struck: [], behaviour: options.behaviour ?? emptyBehaviour(), truncated: false,
  };
  const root = doc.body ?? doc.documentElement;
  if (!root) return snapshot;
  const walk: Walk = { limits, snapshot, text: '', isLineStart: true, isSpacePending: false, captures: [], labelTexts: new Map(), labelsFor: new Map(), fields: [] };
  const walker = doc.createTreeWalker(root, SHOW_ELEMENT_AND_TEXT, { acceptNode: (node) => (isSkipped(node) ? FILTER_REJECT : FILTER_ACCEPT) });
  let visited = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (++visited > limits.nodes) {
      snapshot.truncated = true;
      break;
    }
    closeCaptures(walk, node);
    if (node.nodeType === TEXT_NODE) appendText(walk, node.nodeValue ?? '');
    else visitElement(walk, node as Element);
  }
  closeCaptures(walk, doc);
  snapshot.text = walk.text.trim();
  snapshot.forms = groupForms(walk);
  return snapshot;
}

function isSkipped(node: Node): boolean {
  if (node.nodeType === TEXT_NODE) return false;
  const element = node as Element;
  if (SKIPPED.has(element.localName) || element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') return true;
  const style = (element.getAttribute('style') ?? '').replace(/\s+/g, '').toLowerCase();
  return style.includes('display:none') || style.includes('visibility:hidden');
}

// Spaces are written lazily (before the next word, never before a line break), so the growing
// text is only ever appended to: reading or cutting its end would copy it each time.
function appendText(walk: Walk, value: string): void {
  if (walk.text.length >= walk.limits.textChars) {
    walk.snapshot.truncated = true;
    return;
  }
  const squeezed = value.replace(/\s+/g, ' ');
  const word = squeezed.trim();
  if (word === '') {
    walk.isSpacePending ||= squeezed !== '';
    return;
  }
  const piece = (walk.isSpacePending || squeezed.startsWith(' ')) && !walk.isLineStart ? ` ${word}` : word;
  walk.text += piece.slice(0, walk.limits.textChars - walk.text.length);
  walk.isSpacePending = squeezed.endsWith(' ');
  walk.isLineStart = false;
}

/** Ends a block (paragraph, heading, button...) with one line break: clauses never run across it. */
function endBlock(walk: Walk): void {
  if (walk.isLineStart || walk.text.length >= walk.limits.textChars) return;
  walk.text += '\n';
  walk.isLineStart = true;
  walk.isSpacePending = false;
}

/** Ends the captures the walk has left: their text is what was appended since they began. */
function closeCaptures(walk: Walk, node: Node): void {
  while (walk.captures.length > 0 && !walk.captures[walk.captures.length - 1]!.element.contains(node)) {
    const capture = walk.captures.pop()!;
    capture.done(squeeze(walk.text.slice(capture.from), walk.limits.shortString));
  }
}

function visitElement(walk: Walk, element: Element): void {
  const { snapshot, limits } = walk;
  const tag = element.localName;
  const capture = (done: (text: string) => void) => walk.captures.push({ element, from: walk.text.length, done });
  const attribute = (name: string, max: number = limits.shortString) => squeeze(element.getAttribute(name), max);
  if (BLOCKS.has(tag)) endBlock(walk);
  if (HEADINGS.has(tag)) capture((text) => pushBounded(snapshot.headings, text, limits.headings));
  else if (tag === 'button') capture((text) => pushBounded(snapshot.buttons, text, limits.buttons));
  else if (STRUCK.has(tag)) capture((text) => pushBounded(snapshot.struck!, text, limits.struck));
  else if (tag === 'label') capture((text) => recordLabel(walk, element, text));
  else if (tag === 'a') pushBounded(snapshot.links, attribute('href', limits.longString), limits.links);
  else if (tag === 'img') {
    pushBounded(snapshot.imageAlts, attribute('alt'), limits.imageAlts);
    pushBounded(snapshot.imageNames!, fileName(attribute('src', limits.longString), limits.shortString), limits.imageNames);
  }
  else if (tag === 'input' || tag === 'select' || tag === 'textarea') readField(walk, element, tag, attribute);
}

function readField(walk: Walk, element: Element, tag: SnapshotField['tag'], attribute: (name: string) => string): void {
  const type = tag === 'input' ? attribute('type').toLowerCase() || 'text' : tag;
  if (tag === 'input' && IGNORED_INPUTS.has(type)) {
    if (type === 'submit' || type === 'button') pushBounded(walk.snapshot.buttons, attribute('value'), walk.limits.buttons);
    return;
  }
  if (walk.fields.length >= walk.limits.fields) {
    walk.snapshot.truncated = true;
    return;
  }
  const maxLength = Number.parseInt(attribute('maxlength'), 10);
  walk.fields.push({ element, field: {
    tag, type, name: attribute('name'), id: attribute('id'), autocomplete: attribute('autocomplete').toLowerCase(),
    inputMode: attribute('inputmode').toLowerCase(), placeholder: attribute('placeholder'), label: attribute('aria-label'),
    maxLength: Number.isFinite(maxLength) && maxLength >= 0 ? Math.min(maxLength, walk.limits.counter) : -1,
  } });
}

/** `/img/stcpay-logo.svg?v=2` → `stcpay-logo`: logos are named after their brand. */
function fileName(src: string, max: number): string {
  return src.startsWith('data:') ? '' : (src.split(/[?#]/)[0]!.split('/').pop() ?? '').replace(/\.[a-z0-9]{2,5}$/i, '').toLowerCase().slice(0, max);
}

function pushBounded(list: string[], value: string, max: number): void {
  if (value && list.length < max) list.push(value);
}

function recordLabel(walk: Walk, label: Element, text: string): void {
  walk.labelTexts.set(label, text);
  const target = label.getAttribute('for');
  if (target) walk.labelsFor.set(target, text);
}

/** Fields by their form (fields outside any form together), each with its label's text. */
function groupForms(walk: Walk): SnapshotForm[] {
  const forms = new Map<Element | null, SnapshotForm>();
  for (const { element, field } of walk.fields) {
    const formElement = element.closest('form');
    let form = forms.get(formElement);
    if (!form) {
      if (forms.size >= walk.limits.forms) continue;
      form = { action: (formElement?.getAttribute('action') ?? '').slice(0, walk.limits.longString), fields: [] };
      forms.set(formElement, form);
    }
    const enclosing = element.closest('label');
    const label = field.label || walk.labelsFor.get(field.id) || (enclosing && walk.labelTexts.get(enclosing)) || '';
    form.fields.push({ ...field, label: label.slice(0, walk.limits.shortString) });
  }
  return [...forms.values()];
}
