import { api } from '../../api/client.ts';
import { sessionItem } from '../../browser/storage-items.ts';

/** Re-reads the account after a change the server made to it (a linked handle), so every view shows it. */
export async function refreshMe() {
  const me = await api.me();
  const session = await sessionItem.getValue();
  if (session) await sessionItem.setValue({ ...session, me });
}
