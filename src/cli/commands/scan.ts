// `scam-warner scan --url <url> --html <file>`: the verdict for a saved page, page patterns
// included. The page is parsed by happy-dom with scripts off and read by the very extractor the
// content script runs, then scanned as the background would; the eval and the bench call
// scanHtml too, so the CLI, the eval and the browser cannot disagree.
import { readFile } from 'node:fs/promises';
import { Window } from 'happy-dom';
import { getDomain } from 'tldts';
import { checkUrl, type BlocklistIndex } from '../../core/index.ts';
import { extractSnapshot, getPageMatcher, scanPage, type PageMatcher } from '../../core/scanner/index.ts';
import { protectedBrands } from '../../core/scanner/protected-brands.ts';
import type { BehaviourCounters, PageSnapshot, ScanResult, Sensitivity, Verdict } from '../../core/types.ts';
import { CliError, parseCommandArgs, printJson, requireOption } from '../io.ts';
import { loadListState } from '../list-state.ts';
import { parseSensitivity } from './sensitivity.ts';

export interface HtmlScan {
  snapshot: PageSnapshot;
  result: ScanResult;
  verdict: Verdict;
}

/** A saved page as a Document, without running or fetching anything it references. */
export function parseHtml(html: string, url: string): Document {
  const window = new Window({
    url,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      disableComputedStyleRendering: true,
      navigation: { disableMainFrameNavigation: true, disableChildFrameNavigation: true, disableChildPageNavigation: true },
    },
  });
  return new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

/** The matcher with lexicons and core's protected brands, without feed indicators (the eval and the bench). */
export function defaultMatcher(): PageMatcher {
  return getPageMatcher({ brands: protectedBrands() });
}

export interface ScanHtmlOptions {
  sensitivity?: Sensitivity;
  matcher?: PageMatcher;
  /** What the main-world script saw, when known (a saved page cannot show it). */
  behaviour?: BehaviourCounters;
}

export function scanHtml(html: string, url: string, options: ScanHtmlOptions = {}): HtmlScan {
  const snapshot = extractSnapshot(parseHtml(html, url), url, { behaviour: options.behaviour });
  const registrableDomain = getDomain(url, { allowPrivateDomains: true });
  const result = scanPage(snapshot, { registrableDomain, matcher: options.matcher ?? defaultMatcher(), sensitivity: options.sensitivity });
  return { snapshot, result, verdict: verdictFor(url, result, { sensitivity: options.sensitivity }) };
}

function parseUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new CliError(`--url is not a URL: ${value}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new CliError(`--url must be an http(s) URL: ${value}`);
  return url.href;
}

async function readPage(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(code === 'ENOENT' ? `no such file: ${path}` : `cannot read ${path}: ${code ?? String(error)}`);
  }
}

/** URL evidence (allowlists, blocklist, lookalikes) joined with the page's, as the background joins them. */
export function verdictFor(url: string, result: ScanResult, options: { index?: BlocklistIndex; sensitivity?: Sensitivity } = {}): Verdict {
  return checkUrl(url, { index: options.index ?? null, page: result, sensitivity: options.sensitivity });
}

export async function run(args: string[]): Promise<number> {
  const { values } = parseCommandArgs(args, { url: { type: 'string' }, html: { type: 'string' }, sensitivity: { type: 'string' }, feed: { type: 'string' } });
  const url = parseUrl(requireOption(values.url, 'url'));
  const path = requireOption(values.html, 'html');
  const sensitivity = parseSensitivity(values.sensitivity);
  const html = await readPage(path);
  const { index, indicators } = loadListState(values.feed);
  const { result } = scanHtml(html, url, { sensitivity, matcher: getPageMatcher({ brands: protectedBrands(), indicators }) });
  printJson({ ...verdictFor(url, result, { index, sensitivity }), scores: result.scores, signals: result.signals });
  return 0;
}
