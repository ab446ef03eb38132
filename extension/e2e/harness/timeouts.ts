/** Timeout of one expectation; generous for two slow shared cores, bounded so a broken test ends. */
export const UI_TIMEOUT = 20_000;

/** Live delivery has the stream; the `alarms` poll (a minute) is its fallback, so allow a little over it. */
export const LIVE_TIMEOUT = 70_000;
