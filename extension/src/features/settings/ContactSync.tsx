import { useState } from 'preact/hooks';
import { api } from '../../api/client.ts';
import { type ApiFailure, asFailure } from '../../api/http.ts';
import { t } from '../../browser/i18n.ts';
import { plural } from '../../browser/plural.ts';
import { ErrorNote } from '../../ui/ErrorNote.tsx';
import { guessCountryCode, hashContactsFile } from './contact-hashes.ts';

/**
 * Contact sync for suggested friends: a .vcf or .csv file is read and hashed here (SHA-256 of each
 * normalised phone or email); only the hashes are sent.
 */
export function ContactSync() {
  const [country, setCountry] = useState(() => guessCountryCode(navigator.language));
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<ApiFailure | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(action: () => Promise<string>) {
    setBusy(true);
    setStatus(null);
    try {
      setStatus(await action());
      setError(null);
    } catch (e) {
      setError(asFailure(e));
    } finally {
      setBusy(false);
    }
  }

  const onFile = (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    void run(async () => {
      const hashes = await hashContactsFile(file.name, await file.text(), country);
      if (hashes.length === 0) return t('contactsNoneFound');
      const { matched } = await api.syncContacts(hashes);
      return plural('contactsSynced', hashes.length, [String(matched)]);
    });
    input.value = '';
  };

  return (
    <section class="settings-section" aria-labelledby="contacts-heading">
      <h3 id="contacts-heading">{t('contactsTitle')}</h3>
      <p class="hint">{t('contactsIntro')}</p>
      <label for="country-code">{t('countryCode')}</label>
      <input
        id="country-code"
        inputMode="numeric"
        size={4}
        value={country}
        onInput={(e) => setCountry(e.currentTarget.value.replace(/\D/g, ''))}
      />
      <label for="contacts-file">{t('contactsFile')}</label>
      <input
        id="contacts-file"
        type="file"
        accept=".vcf,.csv,text/vcard,text/csv"
        disabled={busy}
        onChange={onFile}
      />
      <button
        type="button"
        disabled={busy}
        onClick={() =>
          void run(async () => {
            await api.removeContacts();
            return t('contactsRemoved');
          })
        }
      >
        {t('removeContacts')}
      </button>
      {status && (
        <p class="ok" role="status">
          {status}
        </p>
      )}
      <ErrorNote error={error} />
    </section>
  );
}
