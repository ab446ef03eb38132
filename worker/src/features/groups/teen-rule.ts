import { ageGroupOf } from '@clipdm/shared';
import { and, inArray } from 'drizzle-orm';
import { follows, users } from '../../db/schema.ts';
import type { Db } from '../../env.ts';
import { ApiError } from '../../lib/api-error.ts';

type Person = { id: string; handle: string };

/**
 * A 16–17-year-old is only ever in a group whose every other member is their friend (mutual follow).
 * Checked for each pair a change would create (a newcomer and anyone in the group after it), and refused
 * with the same `403 cannot_message` as a policy denial, naming the newcomers concerned. Members are at
 * most 32, so the two reads stay within D1's bound-parameter limit; they go out in one batch.
 */
export async function assertTeensAmongFriends(db: Db, memberIds: string[], newcomers: Person[]) {
  const ids = [...new Set([...memberIds, ...newcomers.map((p) => p.id)])];
  const [people, edges] = await db.batch([
    db.select({ id: users.id, birthdate: users.birthdate }).from(users).where(inArray(users.id, ids)),
    db
      .select({ from: follows.followerId, to: follows.followeeId })
      .from(follows)
      .where(and(inArray(follows.followerId, ids), inArray(follows.followeeId, ids))),
  ]);
  const teens = new Set(people.filter((p) => ageGroupOf(p.birthdate) === '16-17').map((p) => p.id));
  if (teens.size === 0) return;
  const follow = new Set(edges.map((e) => `${e.from}>${e.to}`));
  const friends = (a: string, b: string) => follow.has(`${a}>${b}`) && follow.has(`${b}>${a}`);
  const isNew = new Set(newcomers.map((p) => p.id));
  const refused = new Set<string>();
  for (const teen of teens) {
    for (const other of ids) {
      if (other === teen || friends(teen, other) || !(isNew.has(teen) || isNew.has(other))) continue;
      refused.add(isNew.has(teen) ? teen : other);
    }
  }
  if (refused.size === 0) return;
  throw new ApiError('cannot_message', 'Some of these people cannot be added', {
    details: { handles: newcomers.filter((p) => refused.has(p.id)).map((p) => p.handle) },
  });
}
