import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api/client.ts';
import { subscribeLive } from '../../live/panel-events.ts';

/** Unread conversation counts per box, from the stream when it is open, else polled. */
export function useUnread(): { inbox: number; requests: number } {
  const [unread, setUnread] = useState({ inbox: 0, requests: 0 });
  useEffect(() => {
    const load = () =>
      void api
        .unread()
        .then(setUnread)
        .catch(() => undefined);
    load();
    return subscribeLive((event) => {
      if (event.type === 'unread') setUnread({ inbox: event.inbox, requests: event.requests });
      else if (['tick', 'resync', 'message', 'counts-changed'].includes(event.type)) load();
    });
  }, []);
  return unread;
}
