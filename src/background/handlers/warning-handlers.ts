// Messages from the warning page, an extension page: describe the stopped URL, proceed in its tab.
import { checkUrlNow, getHost } from '../checker.ts';
import { showBadge } from '../badge.ts';
import { allowInTab } from '../proceed.ts';
import type { HandlerTable } from '../router.ts';
import type { Services } from '../services.ts';
import { validateUrlRequest } from '../validate.ts';

export function createWarningHandlers(services: Services): Pick<HandlerTable, 'warning.describe' | 'warning.proceed'> {
  return {
    'warning.describe': {
      tier: 'extension',
      validate: validateUrlRequest,
      async handle({ url }, caller) {
        const verdict = checkUrlNow(url, await services.getEngine());
        if (caller.tabId !== null) await showBadge(caller.tabId, verdict.verdict);
        return verdict;
      },
    },
    'warning.proceed': {
      tier: 'extension',
      validate: validateUrlRequest,
      async handle({ url }, caller) {
        // Scoped to the tab the warning page is in: the request cannot name another tab.
        if (caller.tabId === null) throw new Error('proceed works from a warning page in a tab');
        const host = getHost(url);
        if (host === null) throw new Error('not a web address');
        await allowInTab(caller.tabId, host);
        return null;
      },
    },
  };
}
