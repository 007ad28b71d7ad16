// The complete handler table: the type makes a message without a handler a compile error.
import type { HandlerTable } from '../router.ts';
import type { Services } from '../services.ts';
import { createPageHandlers } from './page-handlers.ts';
import { createPopupHandlers } from './popup-handlers.ts';
import { createPreferenceHandlers } from './preference-handlers.ts';
import { createWarningHandlers } from './warning-handlers.ts';

export function createHandlers(services: Services): HandlerTable {
  return {
    ...createPageHandlers(services),
    ...createWarningHandlers(services),
    ...createPopupHandlers(services),
    ...createPreferenceHandlers(services),
  };
}
