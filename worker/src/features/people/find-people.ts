import type { User } from '@clipdm/shared';
import { sql } from 'drizzle-orm';
import { queryTemplate, type Value } from '../../db/query-templates.ts';
import { runAsTransaction } from '../../db/raw-batch.ts';
import type { Db } from '../../env.ts';
import { factsFromPolicyRows, policyFactQueries } from '../conversations/dm-policy-facts.ts';
import { adultBornBy, searchPeopleQuery } from './queries.ts';
import { userViewsFrom } from './user-views.ts';

/**
 * A people search as the viewer sees it, in ONE D1 batch: the search, and the policy facts (follows,
 * blocks, contacts, direct chats) about the people it finds, each fact query taking the search as its
 * list of ids. SQLite runs the search once per statement: a prefix range of at most 20 rows each time,
 * cheaper than the second round trip it saves.
 */
export async function findPeople(db: Db, viewerId: string, q: string): Promise<User[]> {
  const [rows, ...factRows] = await runAsTransaction(
    db,
    findPeopleTemplate.fill({ viewerId, q, adultsBornBy: adultBornBy() }),
  );
  return userViewsFrom(rows, factsFromPolicyRows(viewerId, factRows));
}

function findPeopleQueries(db: Db, viewerId: Value, q: Value, adultsBornBy: Value) {
  const search = searchPeopleQuery(db, viewerId, q, adultsBornBy);
  const found = search.as('found');
  return [search, ...policyFactQueries(db, viewerId, db.select({ id: found.id }).from(found))] as const;
}

/** `findPeopleQueries` built once (drizzle's building was half of a search's CPU); a search fills in its values. */
const findPeopleTemplate = queryTemplate((db) =>
  findPeopleQueries(db, sql.placeholder('viewerId'), sql.placeholder('q'), sql.placeholder('adultsBornBy')),
);
