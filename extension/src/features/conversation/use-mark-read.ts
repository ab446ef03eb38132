import type { Conversation, Message } from '@clipdm/shared';
import { useEffect, useRef } from 'preact/hooks';
import { api } from '../../api/client.ts';
import { emit } from '../../live/panel-events.ts';

/**
 * Tells the worker how far the viewer has read while the panel is visible. Requests are not marked:
 * the sender learns nothing until the request is accepted.
 */
export function useMarkRead(conversation: Conversation | null, messages: Message[]): void {
  const marked = useRef(0);
  const last = messages.at(-1)?.seq ?? 0;
  const id = conversation?.id;
  const accepted = conversation?.status === 'accepted';
  useEffect(() => {
    if (!id || !accepted || last <= marked.current) return;
    const mark = () => {
      if (document.visibilityState !== 'visible' || last <= marked.current) return;
      marked.current = last;
      api.markRead(id, last).then(
        () => emit({ type: 'counts-changed' }),
        () => {
          marked.current = 0;
        },
      );
    };
    mark();
    document.addEventListener('visibilitychange', mark);
    return () => document.removeEventListener('visibilitychange', mark);
  }, [id, accepted, last]);
}
