// First: the start of the panel's first render (features/inbox/render-marks.ts).
import './panel-start.ts';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { t } from '../../browser/i18n.ts';
import { startEarlyInbox } from '../../features/inbox/early-inbox.ts';
import { App } from './App.tsx';
import '../../styles/panel.css';

// Before the first render: the inbox's request need not wait for it.
startEarlyInbox();
document.title = t('extName');
document.documentElement.lang = browser.i18n.getUILanguage();
const root = document.getElementById('app');
if (root) render(<App />, root);
