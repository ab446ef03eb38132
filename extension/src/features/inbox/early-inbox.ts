import type { Conversation } from '@clipdm/shared';
import { api, type Page } from '../../api/client.ts';
import { sessionItem } from '../../browser/storage-items.ts';

/**
 * The inbox's first page, asked for as the panel's script starts: otherwise the request waits for the
 * panel's first render, the session read behind it and the inbox's mount — 52–160 ms of a first render
 * measured at 166–228 ms (docs/performance.md, "The panel's first render"). The inbox's query takes this
 * answer for its first page, once; a failed early request is simply asked again by the query.
 */
let early: Promise<Page<Conversation>> | undefined;

export function startEarlyInbox(): void {
  early = sessionItem.getValue().then((session) => {
    if (!session) throw new Error('signed out');
    return api.listConversations('inbox');
  });
  // Whoever takes it handles a failure; until then it must not count as unhandled.
  early.catch(() => undefined);
}

/** The early first page of the inbox, the first time it is asked for; nothing after that. */
export function takeEarlyInbox(): Promise<Page<Conversation>> | undefined {
  const taken = early;
  early = undefined;
  return taken;
}
