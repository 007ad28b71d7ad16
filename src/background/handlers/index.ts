// The complete handler table: the type makes a message without a handler a compile error.
import { createReportQueue, type ReportQueue } from '../reports/queue.ts';
import type { HandlerTable } from '../router.ts';
import type { Services } from '../services.ts';
import { createPageHandlers } from './page-handlers.ts';
import { createPopupHandlers } from './popup-handlers.ts';
import { createPreferenceHandlers } from './preference-handlers.ts';
import { createReportHandlers } from './report-handlers.ts';
import { createSyncHandlers } from './sync-handlers.ts';
import { createWarningHandlers } from './warning-handlers.ts';

export function createHandlers(services: Services, reports: ReportQueue = createReportQueue(services)): HandlerTable {
  return {
    ...createPageHandlers(services),
    ...createWarningHandlers(services),
    ...createPopupHandlers(services),
    ...createPreferenceHandlers(services),
    ...createReportHandlers(services, reports),
    ...createSyncHandlers(services),
  };
}
