import { type StreamTicket, streamQuery, streamTicketSchema } from '@clipdm/shared';
import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';
import { documentRoute, json, noContent } from '../features/openapi/describe.ts';
import { ApiError } from '../lib/api-error.ts';
import { streamTicketLimit } from '../lib/limits.ts';
import { admit } from '../lib/rate-limits.ts';
import { requireAuth } from '../lib/require-auth.ts';
import { validate } from '../lib/validate.ts';
import { markLive } from './presence.ts';
import { consumeStreamTicket, issueStreamTicket } from './tickets.ts';

/**
 * The live stream. Browsers cannot put an Authorization header on a WebSocket, so a signed-in client first
 * trades its access token for a short single-use ticket and then opens `GET /v1/stream?ticket=`.
 */
export const streamRoutes = new Hono<AppEnv>()
  .post(
    '/ticket',
    documentRoute({
      tag: 'Live',
      summary: 'Trade the access token for a single-use stream ticket',
      caller: 'user',
      success: { 200: json(streamTicketSchema, 'A ticket valid for 30 seconds') },
      errors: [429],
    }),
    requireAuth,
    async (c) => {
      await admit(
        c.get('db'),
        streamTicketLimit(c.env, c.get('userId')),
        'Too many stream tickets; try again later',
      );
      const ticket = await issueStreamTicket(c.get('db'), {
        userId: c.get('userId'),
        loginId: c.get('loginId'),
      });
      // A token can outlive its account by up to 15 minutes; such a caller is simply signed out.
      if (!ticket) throw new ApiError('unauthorized', 'This account no longer exists');
      return c.json({ ticket } satisfies StreamTicket, 200);
    },
  )
  .get(
    '/',
    documentRoute({
      tag: 'Live',
      summary: 'Open the event stream (WebSocket upgrade)',
      caller: 'anyone',
      success: {
        101: noContent('Switching to a WebSocket; events arrive as JSON text frames (StreamEvent)'),
      },
      errors: [400, 401],
    }),
    validate('query', streamQuery),
    async (c) => {
      // Checked before the ticket so that a plain GET does not burn it.
      if (c.req.header('upgrade')?.toLowerCase() !== 'websocket') {
        throw new ApiError('invalid_request', 'This endpoint only accepts a WebSocket upgrade', {
          headers: { Upgrade: 'websocket' },
        });
      }
      const owner = await consumeStreamTicket(c.get('db'), c.req.valid('query').ticket);
      if (!owner) throw new ApiError('unauthorized', 'The ticket is unknown, already used or expired');
      // Marked before the socket exists, so every presence read once it is open finds it (what was published
      // just before, the client reads in its resync on open); the hub clears the mark when its last socket
      // closes, unless a newer socket has replaced it.
      const mark = crypto.randomUUID();
      await markLive(c.get('db'), owner.userId, mark);
      const hub = c.env.USER_HUB.get(c.env.USER_HUB.idFromName(owner.userId));
      // The socket is tagged with its login, so ending that login closes it.
      const query = new URLSearchParams({ login: owner.loginId, user: owner.userId, mark });
      return hub.fetch(`https://user-hub/connect?${query}`, { headers: { Upgrade: 'websocket' } });
    },
  );
