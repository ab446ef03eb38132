import { t } from '../../browser/i18n.ts';
import { siteReturnItem } from '../../features/sign-in/site-return-item.ts';

// Where a tab-based sign-in or link ends (browsers without `launchWebAuthFlow` for the worker): the
// worker put `code=`, `linked=` or `error=` in the fragment. The panel is waiting for it; this tab goes.
const fragment = location.hash.slice(1);
history.replaceState(null, '', location.pathname);
const status = document.getElementById('status');
if (status) status.textContent = t('siteReturnDone');
await siteReturnItem.setValue({ fragment, at: Date.now() });
window.close();
