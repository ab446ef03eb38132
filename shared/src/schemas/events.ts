import { z } from 'zod';
import { conversationSchema, messageSchema, reactionSchema } from './responses.ts';

/** The live events of `GET /v1/stream`: one JSON object per WebSocket text frame (see `docs/live-events.md`). */
export const streamEventSchema = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('message'), message: messageSchema }),
    z.object({
      type: z.literal('message_unsent'),
      conversationId: z.string(),
      messageId: z.string(),
      seq: z.number().int(),
    }),
    z.object({
      type: z.literal('reaction'),
      conversationId: z.string(),
      messageId: z.string(),
      reactions: z.array(reactionSchema),
    }),
    z.object({
      type: z.literal('read'),
      conversationId: z.string(),
      userId: z.string(),
      seq: z.number().int(),
    }),
    z.object({ type: z.literal('conversation'), conversation: conversationSchema }),
    z.object({ type: z.literal('unread'), inbox: z.number().int(), requests: z.number().int() }),
    // Ephemeral: never stored, never replayed; a client shows it for a few seconds.
    z.object({ type: z.literal('typing'), conversationId: z.string(), userId: z.string() }),
  ])
  .meta({ id: 'StreamEvent' });

export type StreamEvent = z.infer<typeof streamEventSchema>;
