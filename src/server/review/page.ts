// The review page and its sign-in page: no script at all, every value escaped, each value isolated
// for bidirectional text so a right-to-left note cannot reorder what is around it.
import { CATEGORIES } from '../../core/types.ts';
import type { Category } from '../../core/types.ts';
import type { GroupSummary } from './group-summary.ts';
import { html, renderHtml, type Html } from './html.ts';
import type { Translator } from './messages.ts';

/** Outcomes the page can announce after a decision: fixed keys, never text taken from the request. */
export const NOTICES = ['approved', 'rejected', 'already', 'not_found', 'no_sources', 'no_entry', 'failed'] as const;
export type Notice = (typeof NOTICES)[number];

export interface ReviewView {
  groups: GroupSummary[];
  csrf: string;
  notice: Notice | null;
  canApprove: boolean;
  isTruncated: boolean;
}

export function renderReviewPage(tr: Translator, view: ReviewView): string {
  const { t } = tr;
  const body = html`
    <header><h1>${t('review_title')}</h1>
      <form method="post" action="/review/logout"><input type="hidden" name="csrf" value="${view.csrf}">
        <button type="submit">${t('review_logout')}</button></form></header>
    ${view.notice ? html`<p class="notice" role="status" data-testid="review:notice">${t(`review_notice_${view.notice}`)}</p>` : null}
    ${view.canApprove ? null : html`<p class="notice">${t('review_notice_no_sources')}</p>`}
    ${view.groups.length === 0 ? html`<p data-testid="review:empty">${t('review_empty')}</p>` : null}
    ${view.groups.map((group) => renderGroup(tr, group, view))}
    ${view.isTruncated ? html`<p>${t('review_truncated')}</p>` : null}`;
  return renderDocument(tr, t('review_title'), body);
}

export function renderLoginPage(tr: Translator, hasFailed: boolean): string {
  const { t } = tr;
  const body = html`
    <h1>${t('review_login_heading')}</h1>
    ${hasFailed ? html`<p class="notice" role="alert" data-testid="review:login-failed">${t('review_login_failed')}</p>` : null}
    <form method="post" action="/review/login">
      <label>${t('review_login_token')} <input type="password" name="token" autocomplete="current-password" required></label>
      <button type="submit">${t('review_login_submit')}</button>
    </form>`;
  return renderDocument(tr, t('review_login_heading'), body);
}

function renderGroup(tr: Translator, group: GroupSummary, view: ReviewView): Html {
  const { t } = tr;
  const list = (items: string[]) => html`<ul>${items.map((item) => html`<li><bdi>${item}</bdi></li>`)}</ul>`;
  return html`
    <section class="group" data-testid="review:group">
      <h2><bdi>${group.site}</bdi> <span class="kind">${t(`report_kind_${snake(group.kind)}`)}</span>
        <span class="count" title="${t('review_count')}">${group.count}</span></h2>
      <dl>
        <dt>${t('review_pages')}</dt>
        <dd><ul>${group.pages.map((page) => html`<li><bdi>${page.url}</bdi> <span class="count">${page.count}</span></li>`)}</ul></dd>
        ${group.categories.length > 0 ? html`<dt>${t('report_field_category')}</dt><dd>${list(group.categories.map((c) => t(`category_${snake(c)}`)))}</dd>` : null}
        ${group.signals.length > 0 ? html`<dt>${t('report_field_signals')}</dt><dd>${list(group.signals)}</dd>` : null}
        ${group.titles.length > 0 ? html`<dt>${t('report_field_title')}</dt><dd>${list(group.titles)}</dd>` : null}
        ${group.notes.length > 0 ? html`<dt>${t('review_notes')}</dt><dd class="notes">${list(group.notes)}</dd>` : null}
      </dl>
      ${renderDecisionForm(tr, group, view)}
    </section>`;
}

function renderDecisionForm(tr: Translator, group: GroupSummary, view: ReviewView): Html {
  const { t } = tr;
  const canApprove = view.canApprove && group.entry !== null;
  const approveLabel = group.kind === 'false-positive' ? t('review_approve_allow') : t('review_approve_block');
  return html`
    <form method="post" action="/review/decide">
      <input type="hidden" name="csrf" value="${view.csrf}"><input type="hidden" name="id" value="${group.id}">
      <p>${t('review_entry')}: ${group.entry === null ? t('review_no_entry') : html`<code><bdi>${group.entry}</bdi></code>`}</p>
      <label>${t('report_field_category')} <select name="category">${CATEGORIES.map((category) => renderOption(tr, category, group.category))}</select></label>
      ${canApprove ? html`<button type="submit" name="action" value="approve">${approveLabel}</button>` : null}
      <button type="submit" name="action" value="reject">${t('review_reject')}</button>
    </form>`;
}

function renderOption(tr: Translator, category: Category, selected: Category): Html {
  return html`<option value="${category}"${category === selected ? html` selected` : null}>${tr.t(`category_${snake(category)}`)}</option>`;
}

function renderDocument(tr: Translator, title: string, body: Html): string {
  return `<!doctype html>\n${renderHtml(html`<html lang="${tr.locale}" dir="${tr.dir}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="referrer" content="no-referrer">
<title>${title}</title><link rel="stylesheet" href="/review/style.css"></head>
<body>${body}</body></html>`)}`;
}

function snake(name: string): string {
  return name.replace(/-/g, '_');
}
