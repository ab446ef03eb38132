import { z } from 'zod';

/** Path parameters and the handle format, defined once for every route and body that takes them. */

export const handleSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._]{3,24}$/, 'handle: 3–24 characters of a-z, 0-9, "." and "_"');

export const idParam = z.object({ id: z.string().min(1).max(64) });
export const handleParam = z.object({ handle: handleSchema });
export const memberParam = idParam.extend({ handle: handleSchema });
