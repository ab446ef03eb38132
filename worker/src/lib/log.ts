/** Structured logs: one JSON object a line, so Workers Logs can filter on fields. */
export function logEvent(level: 'info' | 'warn' | 'error', fields: Record<string, unknown>): void {
  const line = JSON.stringify({ level, time: new Date().toISOString(), ...fields });
  if (level === 'error') console.error(line);
  else if (level === 'warn') console.warn(line);
  else console.info(line);
}

/**
 * An error as it may be logged. drizzle's failed-query error puts the bound parameters in its message
 * (password hashes, token hashes, message text), so for it only the SQL text and the driver's own
 * cause are kept.
 */
export function describeError(error: unknown): string {
  if (error instanceof Error && 'query' in error && typeof error.query === 'string') {
    const cause = error.cause === undefined ? '' : `: ${String(error.cause)}`;
    return `${error.name} in \`${error.query}\`${cause}`;
  }
  return String(error);
}
