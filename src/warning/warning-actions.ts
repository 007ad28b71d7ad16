// What the warning page's buttons do. Each acts only on a real click (`isTrusted`): a page that
// managed to script this one could not press them.
import { getExtensionApi } from '../shared/ext.ts';
import { send } from '../shared/protocol.ts';
import { buildReportPath } from '../shared/report-entry.ts';

export function isUserClick(event: Event): boolean {
  return event.isTrusted;
}

export async function goBackToSafety(): Promise<void> {
  if (history.length > 1) {
    history.back();
    return;
  }
  try {
    await getExtensionApi().tabs.update({ url: 'chrome://newtab/' });
  } catch {
    location.replace('about:blank');
  }
}

export async function proceedAnyway(url: string): Promise<void> {
  await send('warning.proceed', { url });
  location.replace(url);
}

export async function allowAlways(url: string): Promise<void> {
  await send('site.trust', { host: new URL(url).hostname });
  location.replace(url);
}

export async function reportMistake(url: string): Promise<void> {
  const api = getExtensionApi();
  await api.tabs.create({ url: api.runtime.getURL(buildReportPath({ kind: 'mistake', url })) });
}
