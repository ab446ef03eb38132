import type { Conversation, Message } from '@clipdm/shared';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../../api/client.ts';
import { type ApiFailure, asFailure } from '../../api/http.ts';
import { subscribeLive } from '../../live/panel-events.ts';
import { markUnsent, mergeMessages, setReactions, toggleMine } from './message-updates.ts';

const PAGE = 30;

/** One open conversation: its messages (paged backwards), live updates, reading and message actions. */
export function useConversation(id: string) {
  const [conversation, setConversation] = useState<Conversation | null>(null);
  const [messages, setMessages] = useState<Message[]>([]);
  const [hasOlder, setHasOlder] = useState(false);
  const [error, setError] = useState<ApiFailure | null>(null);
  const lastSeq = useRef(0);
  const loadingOlder = useRef(false);

  const add = useCallback((incoming: Message[]) => {
    setMessages((old) => {
      const merged = mergeMessages(old, incoming);
      lastSeq.current = merged.at(-1)?.seq ?? 0;
      return merged;
    });
  }, []);

  const catchUp = useCallback(async () => {
    try {
      const page = await api.listMessages(id, { after: lastSeq.current, limit: 100 });
      add(page.messages);
    } catch (e) {
      setError(asFailure(e));
    }
  }, [id, add]);

  const refreshConversation = useCallback(async () => {
    try {
      setConversation(await api.getConversation(id));
    } catch (e) {
      setError(asFailure(e));
    }
  }, [id]);

  useEffect(() => {
    let alive = true;
    setMessages([]);
    lastSeq.current = 0;
    void Promise.all([api.getConversation(id), api.listMessages(id, { limit: PAGE })])
      .then(([conv, page]) => {
        if (!alive) return;
        setConversation(conv);
        add(page.messages);
        setHasOlder(page.hasMore);
        setError(null);
      })
      .catch((e) => alive && setError(asFailure(e)));
    const unsubscribe = subscribeLive((event) => {
      switch (event.type) {
        case 'message':
          if (event.message.conversationId !== id) return;
          // A gap in `seq` means we missed something: fetch everything after what we hold.
          if (lastSeq.current && event.message.seq > lastSeq.current + 1) void catchUp();
          add([event.message]);
          return;
        case 'message_unsent':
          if (event.conversationId === id) setMessages((old) => markUnsent(old, event.messageId));
          return;
        case 'reaction':
          if (event.conversationId === id)
            setMessages((old) => setReactions(old, event.messageId, event.reactions));
          return;
        case 'read':
          if (event.conversationId !== id) return;
          setConversation(
            (c) =>
              c && {
                ...c,
                members: c.members.map((m) =>
                  m.id === event.userId && m.lastReadSeq !== null ? { ...m, lastReadSeq: event.seq } : m,
                ),
              },
          );
          return;
        case 'conversation':
          if (event.conversation.id === id) setConversation(event.conversation);
          return;
        case 'resync':
        case 'tick':
          void catchUp();
          if (event.type === 'tick') void refreshConversation();
          return;
        default:
          return;
      }
    });
    return () => {
      alive = false;
      unsubscribe();
    };
  }, [id, add, catchUp, refreshConversation]);

  const loadOlder = useCallback(async () => {
    const first = messages[0];
    if (!hasOlder || !first || loadingOlder.current) return;
    loadingOlder.current = true;
    try {
      const page = await api.listMessages(id, { before: first.seq, limit: PAGE });
      add(page.messages);
      setHasOlder(page.hasMore);
    } catch (e) {
      setError(asFailure(e));
    } finally {
      loadingOlder.current = false;
    }
  }, [id, messages, hasOlder, add]);

  const act = useCallback(async (action: () => Promise<unknown>, undo?: () => void) => {
    try {
      await action();
      setError(null);
    } catch (e) {
      undo?.();
      setError(asFailure(e));
    }
  }, []);

  const unsend = (message: Message) =>
    act(async () => {
      await api.unsend(message.id);
      setMessages((old) => markUnsent(old, message.id));
    });

  const hide = (message: Message) =>
    act(async () => {
      await api.hide(message.id);
      setMessages((old) => old.filter((m) => m.id !== message.id));
    });

  const react = (message: Message, emoji: string) => {
    const before = message.reactions;
    const mineBefore = before.find((r) => r.mine)?.emoji;
    setMessages((old) => setReactions(old, message.id, toggleMine(before, emoji)));
    return act(
      () => (mineBefore === emoji ? api.unreact(message.id) : api.react(message.id, emoji)),
      () => setMessages((old) => setReactions(old, message.id, before)),
    );
  };

  return {
    conversation,
    setConversation,
    messages,
    hasOlder,
    error,
    loadOlder,
    unsend,
    hide,
    react,
  };
}
