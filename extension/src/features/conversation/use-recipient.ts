import type { Conversation, User } from '@clipdm/shared';
import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api/client.ts';
import { otherMembers } from '../../ui/display-names.ts';

/**
 * The other person of a direct conversation the viewer has accepted, as the API sees them now: whether
 * the viewer may message them (their privacy setting, blocks, ages) and whether they are friends. A
 * failed look-up answers null: the send itself still enforces the rules.
 */
export function useRecipient(conversation: Conversation | null, myId: string): User | null {
  const [user, setUser] = useState<User | null>(null);
  const other =
    conversation?.kind === 'direct' && conversation.status === 'accepted'
      ? otherMembers(conversation, myId)[0]
      : undefined;
  useEffect(() => {
    setUser(null);
    if (!other) return;
    let alive = true;
    api
      .getUser(other.handle)
      .then((found) => alive && setUser(found))
      .catch(() => undefined);
    return () => {
      alive = false;
    };
  }, [other?.handle]);
  return user;
}
