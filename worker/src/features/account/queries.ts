import { type AgeGroup, ageGroupOf, type DmPolicy, type Me } from '@clipdm/shared';
import { and, eq, isNull } from 'drizzle-orm';
import { type Step, writeThenRead } from '../../db/raw-batch.ts';
import { credentials, settings, users } from '../../db/schema.ts';
import type { Db } from '../../env.ts';
import { ApiError } from '../../lib/api-error.ts';

export type UserRow = typeof users.$inferSelect;

export function toMe(row: UserRow): Me {
  return {
    id: row.id,
    handle: row.handle ?? '',
    displayName: row.displayName,
    avatarUrl: row.avatarUrl,
    birthdate: row.birthdate,
    // Rows are only created for 13+, so a stored birthdate always has a group.
    ageGroup: ageGroupOf(row.birthdate) as AgeGroup,
    verified: row.verified,
    createdAt: row.createdAt,
  };
}

function isUniqueViolation(error: unknown): boolean {
  const text = `${error instanceof Error ? error.message : ''} ${String((error as { cause?: unknown })?.cause ?? '')}`;
  return text.includes('UNIQUE constraint failed');
}

/**
 * Creates the user, their credentials and their age-appropriate settings in one transaction, with the
 * statements of `alongside` (a rate limit's count `before`, the first login `after`) in it too, and reads
 * the new user back in that same transaction: a fault stores nothing, and nothing is read after the
 * commit that could fail a stored account (whose retry would only find its handle taken).
 */
export async function createUser(
  db: Db,
  input: { id: string; handle: string; displayName: string; birthdate: string; dmPolicy: DmPolicy },
  password: { passwordHash: string; salt: string; iterations: number },
  alongside: { before?: Step[]; after?: Step[] } = {},
): Promise<UserRow> {
  const { id } = input;
  try {
    const [[user]] = await writeThenRead(
      db,
      [
        ...(alongside.before ?? []),
        db
          .insert(users)
          .values({ id, handle: input.handle, displayName: input.displayName, birthdate: input.birthdate }),
        db.insert(credentials).values({ userId: id, ...password }),
        db.insert(settings).values({ userId: id, dmPolicy: input.dmPolicy }),
        ...(alongside.after ?? []),
      ],
      [db.select().from(users).where(eq(users.id, id))],
    );
    if (!user) throw new Error('user missing after its transaction');
    return user;
  } catch (error) {
    if (isUniqueViolation(error)) throw new ApiError('handle_taken', 'That handle is taken');
    throw error;
  }
}

/** A live (not deleted) account by handle, with its credentials, for login. */
export async function findLoginByHandle(db: Db, handle: string) {
  const [row] = await db
    .select({ user: users, credentials })
    .from(users)
    .innerJoin(credentials, eq(credentials.userId, users.id))
    .where(and(eq(users.handle, handle), isNull(users.deletedAt)))
    .limit(1);
  return row;
}

export async function findCredentials(db: Db, userId: string) {
  const [row] = await db.select().from(credentials).where(eq(credentials.userId, userId)).limit(1);
  return row;
}

export async function getUserById(db: Db, id: string): Promise<UserRow | undefined> {
  const [row] = await db
    .select()
    .from(users)
    .where(and(eq(users.id, id), isNull(users.deletedAt)))
    .limit(1);
  return row;
}

export async function getUserByHandle(db: Db, handle: string): Promise<UserRow | undefined> {
  const [row] = await db
    .select()
    .from(users)
    .where(and(eq(users.handle, handle), isNull(users.deletedAt)))
    .limit(1);
  return row;
}
