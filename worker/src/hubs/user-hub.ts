import { DurableObject } from 'cloudflare:workers';
import type { Env } from '../env.ts';

/** One per user: holds that user's live sockets. The live-events issue fills this in. */
export class UserHub extends DurableObject<Env> {}
