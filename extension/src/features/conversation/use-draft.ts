import { useEffect, useRef, useState } from 'preact/hooks';
import { draftsItem } from '../../browser/storage-items.ts';

const SAVE_DELAY_MS = 300;

async function saveDraft(conversationId: string, text: string): Promise<void> {
  const drafts = { ...(await draftsItem.getValue()) };
  if (text) drafts[conversationId] = text;
  else delete drafts[conversationId];
  await draftsItem.setValue(drafts);
}

/** The composer's text for one conversation, saved to extension storage so closing the panel keeps it. */
export function useDraft(conversationId: string): [string, (text: string) => void] {
  const [text, setText] = useState('');
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const latest = useRef('');
  const loaded = useRef(false);

  useEffect(() => {
    let alive = true;
    void draftsItem.getValue().then((drafts) => {
      if (!alive) return;
      loaded.current = true;
      if (!latest.current) {
        latest.current = drafts[conversationId] ?? '';
        setText(latest.current);
      }
    });
    return () => {
      alive = false;
      clearTimeout(timer.current);
      // Flush on close, so a draft typed right before closing is not lost.
      if (loaded.current) void saveDraft(conversationId, latest.current);
    };
  }, [conversationId]);

  const update = (next: string) => {
    latest.current = next;
    loaded.current = true;
    setText(next);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void saveDraft(conversationId, next), SAVE_DELAY_MS);
  };
  return [text, update];
}
