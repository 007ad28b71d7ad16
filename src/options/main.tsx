import { mountPage } from '../ui/mount-page.tsx';
import { OptionsApp } from './options-app.tsx';
import './options.css';

mountPage('options_page_title', <OptionsApp />);
