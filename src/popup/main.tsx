// The toolbar popup. `?tabId=N` describes that tab (tests open the popup as a page, where it
// would otherwise describe itself); `?report=...&url=...` opens the report view.
import { mountPage } from '../ui/mount-page.tsx';
import { readReportRequest } from '../shared/report-entry.ts';
import { PopupApp } from './popup-app.tsx';
import './popup.css';

const query = new URLSearchParams(location.search);
const tabId = Number.parseInt(query.get('tabId') ?? '', 10);

mountPage('extension_name', <PopupApp tabId={Number.isSafeInteger(tabId) ? tabId : null} report={readReportRequest(location.search)} />);
