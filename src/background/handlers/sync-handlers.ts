// "Check now" from the popup: extension pages only, so no web page can make the extension poll.
import type { HandlerTable } from '../router.ts';
import type { Services } from '../services.ts';
import { syncFeed } from '../sync/run-sync.ts';
import { validateEmpty } from '../validate.ts';
import { describeList } from './popup-handlers.ts';

export function createSyncHandlers(services: Services): Pick<HandlerTable, 'sync.now'> {
  return {
    'sync.now': {
      tier: 'extension',
      validate: validateEmpty,
      async handle() {
        await syncFeed(services, 'user');
        return describeList(await services.getEngine());
      },
    },
  };
}
