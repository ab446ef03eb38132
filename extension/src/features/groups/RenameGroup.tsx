import type { Conversation } from '@clipdm/shared';
import { useState } from 'preact/hooks';
import { api } from '../../api/client.ts';
import { type ApiFailure, asFailure } from '../../api/http.ts';
import { t } from '../../browser/i18n.ts';
import { ErrorNote } from '../../ui/ErrorNote.tsx';
import { TextField } from '../../ui/TextField.tsx';

/** The owner names the group; everyone sees it change (and an event line says who did it). */
export function RenameGroup({
  conversation,
  onRenamed,
}: {
  conversation: Conversation;
  onRenamed: (conversation: Conversation) => void;
}) {
  const [title, setTitle] = useState(conversation.title ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiFailure | null>(null);
  const [saved, setSaved] = useState(false);
  const trimmed = title.trim();

  async function save(event: Event) {
    event.preventDefault();
    setBusy(true);
    setSaved(false);
    try {
      onRenamed(await api.renameGroup(conversation.id, trimmed));
      setError(null);
      setSaved(true);
    } catch (e) {
      setError(asFailure(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="group-rename" onSubmit={save}>
      <TextField
        id="group-rename"
        label={t('groupName')}
        maxLength={50}
        value={title}
        onInput={(value) => {
          setTitle(value);
          setSaved(false);
        }}
      />
      <button type="submit" class="small" disabled={busy || !trimmed || trimmed === conversation.title}>
        {t('save')}
      </button>
      <ErrorNote error={error} />
      {saved && (
        <p class="hint" role="status">
          {t('saved')}
        </p>
      )}
    </form>
  );
}
