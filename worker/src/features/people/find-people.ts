import type { User } from '@clipdm/shared';
import type { Db } from '../../env.ts';
import { factsFromPolicyRows, policyFactQueries } from '../conversations/dm-policy-facts.ts';
import { searchPeopleQuery } from './queries.ts';
import { userViewsFrom } from './user-views.ts';

/**
 * A people search as the viewer sees it, in ONE D1 batch: the search, and the policy facts (follows,
 * blocks, contacts, direct chats) about the people it finds, each fact query taking the search as its
 * list of ids. SQLite runs the search once per statement: a prefix range of at most 20 rows each time,
 * cheaper than the second round trip it saves.
 */
export async function findPeople(db: Db, viewerId: string, q: string): Promise<User[]> {
  const search = searchPeopleQuery(db, viewerId, q);
  const found = search.as('found');
  const [rows, ...factRows] = await db.batch([
    search,
    ...policyFactQueries(db, viewerId, db.select({ id: found.id }).from(found)),
  ]);
  return userViewsFrom(rows, factsFromPolicyRows(viewerId, factRows));
}
