import { useEffect, useState } from 'preact/hooks';
import { apiBaseUrlItem, DEFAULT_API_BASE_URL, isValidBaseUrl } from '../../api/base-url.ts';
import { api } from '../../api/client.ts';
import { asFailure } from '../../api/http.ts';
import { t } from '../../browser/i18n.ts';
import { TextField } from '../../ui/TextField.tsx';

/** The options page: which ClipDM server (worker) the extension talks to, with a connection check. */
export function OptionsForm() {
  const [value, setValue] = useState('');
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);

  useEffect(() => {
    void apiBaseUrlItem.getValue().then(setValue);
  }, []);

  async function save(event: Event) {
    event.preventDefault();
    const url = value.trim().replace(/\/+$/, '');
    if (!isValidBaseUrl(url)) {
      setStatus({ ok: false, text: t('optionsInvalidUrl') });
      return;
    }
    await apiBaseUrlItem.setValue(url);
    try {
      await api.health();
      setStatus({ ok: true, text: t('optionsSavedReachable') });
    } catch (e) {
      const offline = asFailure(e).code === 'offline';
      setStatus({ ok: false, text: t(offline ? 'optionsSavedUnreachable' : 'optionsSavedUnhealthy') });
    }
  }

  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      <form onSubmit={save}>
        <TextField
          id="server"
          label={t('serverAddress')}
          type="url"
          value={value}
          onInput={setValue}
          required
        />
        <p class="hint">{t('optionsHint', DEFAULT_API_BASE_URL)}</p>
        <div class="actions">
          <button type="submit" class="primary">
            {t('save')}
          </button>
          <button type="button" onClick={() => setValue(DEFAULT_API_BASE_URL)}>
            {t('optionsReset')}
          </button>
        </div>
      </form>
      {status && (
        <p class={status.ok ? 'ok' : 'error'} role="status">
          {status.text}
        </p>
      )}
    </main>
  );
}
