import { authResultSchema, loginBody, refreshBody, registerBody } from '@clipdm/shared';
import { Hono } from 'hono';
import type { AppEnv } from '../../env.ts';
import { ApiError } from '../../lib/api-error.ts';
import { loginLimit } from '../../lib/limits.ts';
import { admit, clearHits } from '../../lib/rate-limits.ts';
import { validate } from '../../lib/validate.ts';
import { closeLiveSockets } from '../../live/sign-out.ts';
import { findLoginByHandle, getUserById, toMe, type UserRow } from '../account/queries.ts';
import { documentRoute, json, noContent } from '../openapi/describe.ts';
import { DUMMY_CREDENTIALS, verifyPassword } from './password.ts';
import { endLoginByRefreshToken, rotateRefreshToken, startLogin } from './queries.ts';
import { registerAccount } from './registration.ts';
import { ACCESS_TOKEN_TTL_SECONDS, signAccessToken } from './tokens.ts';

async function issueTokens(secret: string, user: UserRow, login: { loginId: string; refreshToken: string }) {
  return {
    user: toMe(user),
    accessToken: await signAccessToken(secret, user.id, login.loginId),
    refreshToken: login.refreshToken,
    expiresIn: ACCESS_TOKEN_TTL_SECONDS,
  };
}

export const authRoutes = new Hono<AppEnv>()
  .post(
    '/register',
    documentRoute({
      tag: 'Auth',
      summary: 'Create an account and sign in',
      caller: 'anyone',
      success: { 201: json(authResultSchema, 'The new account, signed in') },
      errors: [400, 403, 409, 413, 429],
    }),
    validate('json', registerBody),
    async (c) => {
      // Cloudflare always sets the client's address; without one (a direct local call) there is nothing to key on.
      const ip = c.req.header('cf-connecting-ip');
      const { user, login } = await registerAccount(c.get('db'), c.env, c.req.valid('json'), ip);
      return c.json(await issueTokens(c.env.JWT_SECRET, user, login), 201);
    },
  )
  .post(
    '/login',
    documentRoute({
      tag: 'Auth',
      summary: 'Sign in',
      caller: 'anyone',
      success: { 200: json(authResultSchema, 'Signed in') },
      errors: [400, 401, 413, 429],
    }),
    validate('json', loginBody),
    async (c) => {
      const { handle, password } = c.req.valid('json');
      const db = c.get('db');
      // Every guess is counted before its password is checked, so a parallel burst gets no more checked
      // than the limit; a right password takes its failures back.
      const limit = loginLimit(handle);
      await admit(db, limit, 'Too many failed sign-ins; try again later');
      const found = await findLoginByHandle(db, handle);
      // Unknown handles cost a full hash too, so timing does not tell which handles exist.
      const valid = await verifyPassword(password, found?.credentials ?? DUMMY_CREDENTIALS);
      if (!found || !valid) throw new ApiError('invalid_credentials', 'Wrong handle or password');
      await clearHits(db, limit.key);
      return c.json(
        await issueTokens(c.env.JWT_SECRET, found.user, await startLogin(db, found.user.id)),
        200,
      );
    },
  )
  .post(
    '/refresh',
    documentRoute({
      tag: 'Auth',
      summary: 'Trade a refresh token for new tokens (the old one is spent)',
      caller: 'anyone',
      success: { 200: json(authResultSchema, 'New tokens') },
      errors: [400, 401, 413],
    }),
    validate('json', refreshBody),
    async (c) => {
      const db = c.get('db');
      const rotated = await rotateRefreshToken(db, c.req.valid('json').refreshToken);
      if (!rotated.ok && rotated.reason === 'reused') {
        closeLiveSockets(c.env, c.executionCtx, rotated.userId, [rotated.loginId]);
      }
      if (!rotated.ok) throw new ApiError('unauthorized', 'Sign in again');
      const user = await getUserById(db, rotated.userId);
      if (!user) throw new ApiError('unauthorized', 'Sign in again');
      return c.json(await issueTokens(c.env.JWT_SECRET, user, rotated), 200);
    },
  )
  .post(
    '/logout',
    documentRoute({
      tag: 'Auth',
      summary: 'End the login of a refresh token',
      caller: 'anyone',
      success: { 204: noContent('Signed out') },
      errors: [400, 413],
    }),
    validate('json', refreshBody),
    async (c) => {
      const ended = await endLoginByRefreshToken(c.get('db'), c.req.valid('json').refreshToken);
      if (ended) closeLiveSockets(c.env, c.executionCtx, ended.userId, [ended.loginId]);
      return c.body(null, 204);
    },
  );
