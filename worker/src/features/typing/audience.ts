import type { MemberRow } from '../../conversation-store/membership.ts';

const shows = (m: MemberRow) => (m.state === 'accepted' || m.state === 'request') && !m.hidden;

/**
 * Who hears that `typistId` is typing in a conversation: the other members whose box shows it. Nobody
 * when the typist has not accepted it (a request's recipient): "typing" would tell the sender that their
 * request was opened, which accepting alone may reveal. `null` when the typist is no member who sees it.
 */
export function typingAudience(
  rows: MemberRow[],
  typistId: string,
  /** People who block the typist or whom the typist blocks: they never hear each other (as with messages). */
  blockedEitherWay: ReadonlySet<string> = new Set(),
): string[] | null {
  const typist = rows.find((m) => m.userId === typistId);
  if (!typist || !shows(typist)) return null;
  if (typist.state !== 'accepted') return [];
  return rows
    .filter((m) => m.userId !== typistId && shows(m) && !blockedEitherWay.has(m.userId))
    .map((m) => m.userId);
}
