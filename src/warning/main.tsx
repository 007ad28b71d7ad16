// The warning page a listed site is redirected to; the stopped URL is in the fragment, as is.
import { mountPage } from '../ui/mount-page.tsx';
import { WarningApp } from './warning-app.tsx';
import './warning.css';

const hashAt = location.href.indexOf('#');
const stopped = hashAt < 0 ? '' : location.href.slice(hashAt + 1);

mountPage('warning_page_title', <WarningApp stoppedUrl={/^https?:\/\//i.test(stopped) ? stopped : null} isFramed={window.top !== window} />);
