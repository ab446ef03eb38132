import { render } from 'preact';
import { browser } from 'wxt/browser';
import { OptionsForm } from '../../components/OptionsForm.tsx';
import { t } from '../../lib/i18n.ts';
import '../../styles/panel.css';

document.title = t('optionsTitle');
document.documentElement.lang = browser.i18n.getUILanguage();
const root = document.getElementById('app');
if (root) render(<OptionsForm />, root);
