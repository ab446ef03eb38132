import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../../api/client.ts';
import { subscribeLive } from '../../live/panel-events.ts';

/** One "typing" from us at most this often while the draft changes; the worker allows 6 in 10 s. */
const SEND_EVERY_MS = 3_000;
/** How long someone shows as typing after their last signal (the sender repeats every 3 s). */
const SHOWN_FOR_MS = 6_000;

/** Returns the function to call as the draft changes: it tells the others, throttled, while there is text. */
export function useTypingSignal(conversationId: string, enabled: boolean): (draft: string) => void {
  const last = useRef(0);
  return (draft) => {
    if (!enabled || !draft.trim()) return;
    const now = Date.now();
    if (now - last.current < SEND_EVERY_MS) return;
    last.current = now;
    // Best effort: a lost "typing" is harmless, so a failure is not shown.
    api.typing(conversationId).catch(() => undefined);
  };
}

/** The ids of the people typing in `conversationId` now; someone's message ends their "typing". */
export function useTypingPeople(conversationId: string): string[] {
  const [until, setUntil] = useState<Record<string, number>>({});
  useEffect(
    () =>
      subscribeLive((event) => {
        if (event.type === 'typing' && event.conversationId === conversationId) {
          setUntil((old) => ({ ...old, [event.userId]: Date.now() + SHOWN_FOR_MS }));
        } else if (event.type === 'message' && event.message.conversationId === conversationId) {
          const sender = event.message.sender.id;
          setUntil(({ [sender]: _, ...rest }) => rest);
        }
      }),
    [conversationId],
  );
  // Expire the oldest signal when its time comes (one timer, re-armed as the map changes).
  useEffect(() => {
    const times = Object.values(until);
    if (times.length === 0) return;
    const next = Math.min(...times) - Date.now();
    const timer = setTimeout(
      () => setUntil((old) => Object.fromEntries(Object.entries(old).filter(([, t]) => t > Date.now()))),
      Math.max(0, next) + 10,
    );
    return () => clearTimeout(timer);
  }, [until]);
  return Object.keys(until);
}
