import { ageGroupOf, defaultPolicy, type registerBody } from '@clipdm/shared';
import type { z } from 'zod';
import type { Db, Env } from '../../env.ts';
import { ApiError } from '../../lib/api-error.ts';
import { newId } from '../../lib/ids.ts';
import { registrationLimit } from '../../lib/limits.ts';
import { limitedAnswer, limitStatements } from '../../lib/rate-limits.ts';
import { createUser } from '../account/queries.ts';
import { hashPassword } from './password.ts';
import { loginStatements } from './queries.ts';

/**
 * A new account, signed in: the user, their credentials and settings, their first login and (with a
 * client address) the count against the registration limit, all in ONE transaction. A fault stores
 * nothing, so the client's retry creates the account instead of finding its handle taken by an account
 * whose tokens it never got; and the limit counts accounts created, not attempts a fault undid.
 */
export async function registerAccount(
  db: Db,
  env: Env,
  body: z.infer<typeof registerBody>,
  ip: string | undefined,
) {
  const group = ageGroupOf(body.birthdate);
  if (!group) throw new ApiError('age_restricted', 'You must be at least 13 to use ClipDM');
  const limit = ip ? registrationLimit(env, ip) : null;
  const id = newId();
  const { login, statements } = await loginStatements(db, id);
  const user = await createUser(
    db,
    {
      id,
      handle: body.handle,
      displayName: body.displayName ?? body.handle,
      birthdate: body.birthdate,
      dmPolicy: defaultPolicy(group),
    },
    await hashPassword(body.password),
    { before: limit ? limitStatements(limit) : [], after: [...statements] },
  ).catch(async (error: unknown) => {
    throw limit
      ? await limitedAnswer(db, error, limit, 'Too many new accounts from here; try again later')
      : error;
  });
  return { user, login };
}
