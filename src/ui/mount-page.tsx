// Starts an extension page: UI language and direction on <html>, the title, then the app.
import { render, type ComponentChild } from 'preact';
import { applyUiLocale, t, type MessageKey } from '../shared/i18n.ts';
import './base.css';

export function mountPage(titleKey: MessageKey, app: ComponentChild): void {
  applyUiLocale(document.documentElement);
  document.title = t(titleKey);
  const root = document.getElementById('app');
  if (!root) throw new Error('the page has no #app element');
  render(app, root);
}
