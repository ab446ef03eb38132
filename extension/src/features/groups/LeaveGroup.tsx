import type { Conversation } from '@clipdm/shared';
import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../../api/client.ts';
import { type ApiFailure, asFailure } from '../../api/http.ts';
import { t } from '../../browser/i18n.ts';
import { conversationName } from '../../ui/display-names.ts';
import { ErrorNote } from '../../ui/ErrorNote.tsx';

/** Leaving a group, asked twice: it cannot be undone from this side (someone must add you back). */
export function LeaveGroup({
  conversation,
  myId,
  onLeft,
}: {
  conversation: Conversation;
  myId: string;
  onLeft: () => void;
}) {
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<ApiFailure | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const cancelled = useRef(false);
  useEffect(() => {
    // After "Cancel" the keyboard returns to the button that asked.
    if (!asking && cancelled.current) button.current?.focus();
  }, [asking]);

  async function leave() {
    try {
      await api.leave(conversation.id);
      onLeft();
    } catch (e) {
      setError(asFailure(e));
    }
  }

  if (!asking) {
    return (
      <button type="button" class="danger-text" ref={button} onClick={() => setAsking(true)}>
        {t('leaveGroup')}
      </button>
    );
  }
  return (
    <div class="dialog">
      <p>{t('leaveGroupConfirm', conversationName(conversation, myId))}</p>
      <div class="actions">
        {/* biome-ignore lint/a11y/noAutofocus: the question just replaced the button that had focus. */}
        <button type="button" class="danger" autoFocus onClick={() => void leave()}>
          {t('leave')}
        </button>
        <button
          type="button"
          onClick={() => {
            cancelled.current = true;
            setAsking(false);
          }}
        >
          {t('cancel')}
        </button>
      </div>
      <ErrorNote error={error} />
    </div>
  );
}
